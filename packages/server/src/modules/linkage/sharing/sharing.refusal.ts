/** Joint-handling rule decisions (domain) → HTTP errors. */
import type { CoopDecision } from '@shouwang/domain';
import { refusalError } from '../linkage.refusal.js';

/** The decided value, or throw the refusal. */
export function decided<T>(d: CoopDecision<T>): T {
  if (d.ok) return d.value;
  throw refusalError(d.refusal);
}

export { refusalError };
