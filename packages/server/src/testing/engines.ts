/**
 * Which database engines integration tests run on: PGlite always; PostgreSQL when TEST_DATABASE_URL is set or
 * 127.0.0.1:5432 answers. With CI=true the PostgreSQL run is required: an unreachable server fails the suite.
 */
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../db/db.js';
import { openDb } from '../db/open.js';

export type Engine = 'pglite' | 'postgres';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

function reachable(host: string, port: number, timeoutMs = 800): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (ok: boolean) => { s.destroy(); resolve(ok); };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

export async function availableEngines(): Promise<Engine[]> {
  const url = new URL(process.env.TEST_DATABASE_URL ?? DEFAULT_URL);
  const ok = process.env.TEST_DATABASE_URL ? true : await reachable(url.hostname, Number(url.port || 5432));
  if (!ok && process.env.CI === 'true') throw new Error(`CI=true but PostgreSQL is not reachable at ${url.host}: the PostgreSQL run is required`);
  return ok ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh, empty database on the engine; `drop()` removes it (PostgreSQL) or closes it (PGlite in memory). */
export async function freshDb(engine: Engine): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openDb({ dataDir: null });
    return { db, drop: () => db.close() };
  }
  const admin = new URL(process.env.TEST_DATABASE_URL ?? DEFAULT_URL);
  const name = `sw_test_${randomBytes(5).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), dataDir: null });
  return {
    db,
    drop: async () => {
      await db.close();
      const c2 = new pg.Client({ connectionString: admin.toString() });
      await c2.connect();
      await c2.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c2.end();
    },
  };
}
