/** A PostgreSQL server through `pg`. Results normalised to match PGlite: int8/numeric → number, date → 'YYYY-MM-DD'. */
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db, Queryable, Row } from './db.js';
import { csvChunks } from './db.js';
import { DbError } from './db-error.js';

const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    if (oid === 1082) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

function wrap(client: pg.PoolClient | pg.Pool): Queryable {
  return {
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      try {
        const res = await client.query({ text, values: params as unknown[], types: typeParsers as pg.CustomTypesConfig });
        return res.rows as T[];
      } catch (e) {
        throw new DbError(e as Record<string, string>);
      }
    },
    async copyFrom(table, columns, rows) {
      const c = client instanceof pg.Pool ? await client.connect() : client;
      try {
        const stream = c.query(copyFromStream(`COPY ${table} (${columns.join(',')}) FROM STDIN WITH (FORMAT csv)`));
        // ~64 KB per write: one COPY data message per line would cost a socket write per row.
        await pipeline(Readable.from(csvChunks(rows, 65_536), { objectMode: false }), stream);
        return Number(stream.rowCount ?? 0);
      } catch (e) {
        throw new DbError(e as Record<string, string>);
      } finally {
        if (client instanceof pg.Pool) (c as pg.PoolClient).release();
      }
    },
  };
}

export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (restart, failover, admin command) must not crash the process: the pool
  // drops it and opens a new one on the next query.
  pool.on('error', (e) => console.warn(`PostgreSQL idle connection ended: ${e.message}`));
  await pool.query('SELECT 1');
  const q = wrap(pool);
  return {
    engine: 'postgres',
    query: q.query,
    copyFrom: q.copyFrom,
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
