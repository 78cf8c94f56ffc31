/** Turns a refusal of the self-check rules (domain) into the HTTP error the user sees. */
import type { SelfCheckVerdict } from '@shouwang/domain';
import { AppError, badRequest, conflict, forbidden } from '../../../http/errors.js';

export function refusalError(r: NonNullable<SelfCheckVerdict>): AppError {
  if (r.kind === 'invalid') return badRequest(r.message, r.field ? [{ field: r.field, message: r.message }] : undefined);
  if (r.kind === 'forbidden') return forbidden(r.message);
  return conflict(r.message, 'state_conflict');
}

/** Throw when the rule refused; continue when it allowed (null). */
export function enforce(v: SelfCheckVerdict): void {
  if (v) throw refusalError(v);
}
