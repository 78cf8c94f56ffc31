// Shared pieces of the benchmark scripts: the machine line, percentiles, opening a fresh database on either engine,
// and rewriting one marked section of bench/RESULTS.md. Benchmarks are never tests.
import os from 'node:os';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The built server (npx tsc -b packages/domain packages/server). */
export const SERVER_DIST = new URL('../packages/server/dist/', import.meta.url);
export const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** CPU × cores, memory, Node, OS: the first line of every results section. */
export function machineLine() {
  const cpu = os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return `${cpu} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export const today = () => new Date().toISOString().slice(0, 10);

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** p50 and p95 of a list of milliseconds. */
export function percentiles(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: q(0.5), p95: q(0.95) };
}

export async function pgReachable() {
  const c = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 1500 });
  try { await c.connect(); await c.end(); return true; } catch { return false; }
}

/** The engines to run: BENCH_ENGINES, else PGlite and PostgreSQL when reachable. */
export async function benchEngines() {
  return process.env.BENCH_ENGINES?.split(',') ?? ['pglite', ...((await pgReachable()) ? ['postgres'] : [])];
}

/** A fresh, empty database: in-memory PGlite, or a new PostgreSQL database dropped again by `cleanup`. */
export async function openEngine(engine) {
  const { openDb } = await import(new URL('db/open.js', SERVER_DIST));
  if (engine === 'pglite') {
    const db = await openDb({ dataDir: null });
    return { db, cleanup: () => db.close() };
  }
  const name = `sw_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect(); await admin.query(`CREATE DATABASE ${name}`); await admin.end();
  const url = new URL(PG_ADMIN); url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), dataDir: null });
  return {
    db,
    cleanup: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: PG_ADMIN });
      await a.connect(); await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); await a.end();
    },
  };
}

/**
 * Put `body` between `<!-- key:start -->` and `<!-- key:end -->` in bench/RESULTS.md: replaces that section if it is
 * there, else appends it.
 */
export function writeResultsSection(key, body) {
  const start = `<!-- ${key}:start -->`;
  const end = `<!-- ${key}:end -->`;
  const section = `${start}\n${body.trim()}\n${end}`;
  const file = new URL('./RESULTS.md', import.meta.url);
  const text = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmark results\n\nWritten by `npm run bench`. Figures are measured, never asserted in tests.\n';
  const marked = new RegExp(`${start}[\\s\\S]*${end}`);
  writeFileSync(file, marked.test(text) ? text.replace(marked, () => section) : `${text.trimEnd()}\n\n${section}\n`);
  console.log(`\nwritten to bench/RESULTS.md (${key})`);
}
