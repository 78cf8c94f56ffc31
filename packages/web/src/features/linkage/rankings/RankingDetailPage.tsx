/** STUB — this page is being built. */
export default function RankingDetailPage() {
  return null;
}
