/** Pretty-printed JSON for audit before/after values. */
export function JsonBlock({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span style={{ color: '#999' }}>（无）</span>;
  return (
    <pre style={{ margin: 0, maxHeight: 360, overflow: 'auto', background: '#fafafa', padding: 8, borderRadius: 4, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
