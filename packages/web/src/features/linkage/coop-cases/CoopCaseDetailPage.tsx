/** STUB — this page is being built. */
export default function CoopCaseDetailPage() {
  return null;
}
