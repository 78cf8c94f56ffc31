/** STUB — this page is being built. */
export default function ScoreDetailPage() {
  return null;
}
