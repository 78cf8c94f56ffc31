/**
 * GB/T 2260 + statistical area codes: 省2 市2 县2 乡3 村3 (12 digits for a village).
 * Scope checks use half-open code ranges so that a btree index serves them on any collation.
 */

export type AreaLevel = 'province' | 'city' | 'county' | 'township' | 'village';

const LEVEL_BY_LENGTH: Record<number, AreaLevel> = { 2: 'province', 4: 'city', 6: 'county', 9: 'township', 12: 'village' };

export function areaLevel(code: string): AreaLevel | null {
  if (!/^\d+$/.test(code)) return null;
  return LEVEL_BY_LENGTH[code.length] ?? null;
}

/** The next string after every string starting with `prefix` (prefix is all digits). */
function prefixUpperBound(prefix: string): string {
  // Digits only: incrementing the last non-'9' digit and cutting the rest gives the bound.
  let i = prefix.length - 1;
  while (i >= 0 && prefix[i] === '9') i--;
  if (i < 0) return prefix + ':'; // ':' sorts right after '9'
  return prefix.slice(0, i) + String.fromCharCode(prefix.charCodeAt(i) + 1);
}

/** Half-open range [from, to) that contains exactly the codes under `areaCode` (itself included). */
export function areaRange(areaCode: string): { from: string; to: string } {
  return { from: areaCode, to: prefixUpperBound(areaCode) };
}

/** True when `code` lies within `scopeCode` (same area or below it). */
export function isWithinArea(code: string, scopeCode: string): boolean {
  return code.startsWith(scopeCode);
}

/** Parent code of a township (→ county) or village (→ township). */
export function parentAreaCode(code: string): string | null {
  switch (code.length) {
    case 12: return code.slice(0, 9);
    case 9: return code.slice(0, 6);
    case 6: return code.slice(0, 4);
    case 4: return code.slice(0, 2);
    default: return null;
  }
}
