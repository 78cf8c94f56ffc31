/** How scores and points read on screen: up to two decimals, points signed. */

export function formatScore(v: number | string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  const n = Number(v);
  if (!Number.isFinite(n)) return String(v);
  return String(Math.round(n * 100) / 100);
}

export function formatPoints(v: number): string {
  const s = formatScore(v);
  return v > 0 ? `+${s}` : s;
}

/** Color of a signed amount: deductions red, additions green. */
export function pointsColor(v: number): string | undefined {
  if (v < 0) return '#cf1322';
  if (v > 0) return '#389e0d';
  return undefined;
}
