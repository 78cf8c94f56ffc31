import path from 'node:path';
import type { Db } from './db.js';
import { openPglite } from './pglite.adapter.js';
import { openPostgres } from './pg.adapter.js';

/** DATABASE_URL → PostgreSQL server; otherwise PGlite in `dataDir` (null = in memory, for tests). */
export async function openDb(opts: { databaseUrl?: string; dataDir: string | null }): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(opts.dataDir ? path.resolve(opts.dataDir, 'pglite') : null);
}
