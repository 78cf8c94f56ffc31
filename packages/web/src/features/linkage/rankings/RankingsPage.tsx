/** STUB — this page is being built. */
export default function RankingsPage() {
  return null;
}
