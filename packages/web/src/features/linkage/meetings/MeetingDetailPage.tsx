/** STUB — this page is being built. */
export default function MeetingDetailPage() {
  return null;
}
