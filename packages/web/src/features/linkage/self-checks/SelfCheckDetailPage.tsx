/** STUB — this page is being built. */
export default function SelfCheckDetailPage() {
  return null;
}
