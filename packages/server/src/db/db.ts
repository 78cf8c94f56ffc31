/**
 * The database seen by services and repositories: PostgreSQL SQL on either engine.
 * `query` runs one statement; `tx` runs a function inside one transaction on one connection;
 * `copyFrom` bulk-loads rows with COPY.
 */
export type Row = Record<string, any>;

export interface Queryable {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Bulk load with COPY … FROM (CSV). Values are serialised by the adapter. */
  copyFrom(table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<number>;
}

export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Serialise one value to a CSV field as PostgreSQL's COPY (FORMAT csv) reads it; null → unquoted empty. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s: string;
  if (v instanceof Date) s = v.toISOString();
  else if (Array.isArray(v)) s = pgArrayLiteral(v);
  else if (typeof v === 'object') s = JSON.stringify(v);
  else s = String(v);
  return '"' + s.replace(/"/g, '""') + '"';
}

function pgArrayLiteral(a: unknown[]): string {
  return '{' + a.map((x) => (x === null ? 'NULL' : '"' + String(x).replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"')).join(',') + '}';
}

export function* csvLines(rows: Iterable<readonly unknown[]>): Generator<string> {
  for (const r of rows) yield r.map(csvField).join(',') + '\n';
}
