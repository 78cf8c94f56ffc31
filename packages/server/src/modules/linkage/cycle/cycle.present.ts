/** Small presentation helpers shared by the cycle services. */

/** A timestamp as ISO text (either engine may return a Date or a string); null stays null. */
export const isoOrNull = (v: unknown): string | null => (v instanceof Date ? v.toISOString() : v == null ? null : String(v));
