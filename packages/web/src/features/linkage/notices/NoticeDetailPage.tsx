/** STUB — this page is being built. */
export default function NoticeDetailPage() {
  return null;
}
