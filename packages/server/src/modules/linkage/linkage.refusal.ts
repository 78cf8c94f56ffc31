/** Turns a rule's refusal (from the domain) into the HTTP error the user sees. */
import { AppError, badRequest, forbidden } from '../../http/errors.js';

export interface Refusal {
  kind: 'invalid' | 'forbidden' | 'conflict';
  message: string;
  field?: string;
  code?: string;
}

export function refusalError(r: Refusal): AppError {
  if (r.kind === 'invalid') return badRequest(r.message, r.field ? [{ field: r.field, message: r.message }] : undefined);
  if (r.kind === 'forbidden') return forbidden(r.message);
  return new AppError(409, r.code ?? 'state_conflict', r.message);
}
