/** Self-check rule verdicts (domain) → HTTP errors. */
import type { SelfCheckVerdict } from '@shouwang/domain';
import { refusalError } from '../linkage.refusal.js';

/** Throw when the rule refused; continue when it allowed (null). */
export function enforce(v: SelfCheckVerdict): void {
  if (v) throw refusalError(v);
}

export { refusalError };
