/** STUB — this page is being built. */
export default function NoticesPage() {
  return null;
}
