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
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  let s: string;
  if (typeof v === 'string') s = v;
  else if (v instanceof Date) s = v.toISOString();
  else if (Array.isArray(v)) s = pgArrayLiteral(v);
  else if (typeof v === 'object') s = JSON.stringify(v);
  else s = String(v);
  return '"' + (s.includes('"') ? s.replace(/"/g, '""') : s) + '"';
}

function pgArrayLiteral(a: unknown[]): string {
  return '{' + a.map((x) => (x === null ? 'NULL' : '"' + String(x).replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"')).join(',') + '}';
}

export function csvLine(r: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < r.length; i++) line += (i === 0 ? '' : ',') + csvField(r[i]);
  return line + '\n';
}

export function* csvLines(rows: Iterable<readonly unknown[]>): Generator<string> {
  for (const r of rows) yield csvLine(r);
}

/** CSV text of the rows in pieces of about `maxChars` (one COPY data message or one PGlite blob each). */
export function* csvChunks(rows: Iterable<readonly unknown[]>, maxChars: number): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const r of rows) {
    const line = csvLine(r);
    parts.push(line);
    size += line.length;
    if (size >= maxChars) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (parts.length) yield parts.join('');
}
