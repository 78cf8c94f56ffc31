/** STUB — this page is being built. */
export default function SelfChecksPage() {
  return null;
}
