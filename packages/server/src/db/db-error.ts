/** A database error with the PostgreSQL fields services look at (code, constraint), the same on both engines. */
export class DbError extends Error {
  readonly code?: string;
  readonly constraint?: string;
  readonly detail?: string;
  constructor(e: Record<string, string | undefined>) {
    super(e.message ?? 'database error');
    this.name = 'DbError';
    this.code = e.code;
    this.constraint = e.constraint;
    this.detail = e.detail;
  }
}

export const isUniqueViolation = (e: unknown, constraint?: string): e is DbError =>
  e instanceof DbError && e.code === '23505' && (!constraint || e.constraint === constraint);
