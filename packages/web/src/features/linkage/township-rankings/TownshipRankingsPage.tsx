/** STUB — this page is being built. */
export default function TownshipRankingsPage() {
  return null;
}
