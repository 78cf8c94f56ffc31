/** Turns a refused rule decision (from the domain) into the HTTP error the user sees. */
import type { CoopDecision, CoopRefusal } from '@shouwang/domain';
import { AppError, badRequest, forbidden } from '../../../http/errors.js';

export function refusalError(r: CoopRefusal): AppError {
  if (r.kind === 'invalid') return badRequest(r.message, r.field ? [{ field: r.field, message: r.message }] : undefined);
  if (r.kind === 'forbidden') return forbidden(r.message);
  return new AppError(409, r.code, r.message);
}

/** The decided value, or throw the refusal. */
export function decided<T>(d: CoopDecision<T>): T {
  if (d.ok) return d.value;
  throw refusalError(d.refusal);
}
