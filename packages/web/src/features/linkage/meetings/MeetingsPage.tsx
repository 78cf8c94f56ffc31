/** STUB — this page is being built. */
export default function MeetingsPage() {
  return null;
}
