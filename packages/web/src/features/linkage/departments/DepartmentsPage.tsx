/** STUB — this page is being built. */
export default function DepartmentsPage() {
  return null;
}
