/** STUB — this page is being built. */
export default function VerificationPage() {
  return null;
}
