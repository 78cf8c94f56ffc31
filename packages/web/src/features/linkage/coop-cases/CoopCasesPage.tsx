/** STUB — this page is being built. */
export default function CoopCasesPage() {
  return null;
}
