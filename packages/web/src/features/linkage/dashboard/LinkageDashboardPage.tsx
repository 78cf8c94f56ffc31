/** STUB — this page is being built. */
export default function LinkageDashboardPage() {
  return null;
}
