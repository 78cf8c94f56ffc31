/** STUB — this page is being built. */
export default function PoliciesPage() {
  return null;
}
