/** STUB — this page is being built. */
export default function ScoresPage() {
  return null;
}
