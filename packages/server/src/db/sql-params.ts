/** Collects positional parameters while a query is assembled: `p.add(v)` returns `$n`. Values never enter SQL text. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** Escape LIKE metacharacters so user text matches literally (used with ESCAPE '\'). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);
