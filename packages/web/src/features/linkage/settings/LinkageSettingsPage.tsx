/** STUB — this page is being built. */
export default function LinkageSettingsPage() {
  return null;
}
