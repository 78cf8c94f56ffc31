/** STUB — this page is being built. */
export default function SubmissionsPage() {
  return null;
}
