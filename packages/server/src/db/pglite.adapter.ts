/** PGlite (embedded PostgreSQL) behind a worker thread. One session: statements are serialised by a lock. */
import { Worker } from 'node:worker_threads';
import { mkdirSync } from 'node:fs';
import type { Db, Queryable, Row } from './db.js';
import { csvChunks } from './db.js';
import { DbError } from './db-error.js';

type Pending = { resolve: (v: { rows: Row[]; affected: number }) => void; reject: (e: unknown) => void };

export async function openPglite(dataDir: string | null): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // Under the test runner this module is TypeScript source; the worker always runs compiled JavaScript.
  const workerUrl = new URL(import.meta.url.endsWith('.ts') ? '../../dist/db/pglite.worker.js' : './pglite.worker.js', import.meta.url);
  const worker = new Worker(workerUrl, { workerData: { dataDir: dataDir ?? undefined } });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failed: Error | null = null;

  await new Promise<void>((resolve, reject) => {
    worker.once('message', (m) => (m?.ready ? resolve() : reject(new Error('PGlite worker did not start'))));
    worker.once('error', reject);
  });
  worker.on('message', (m: { id: number; rows?: Row[]; affected?: number; error?: Record<string, string> }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(new DbError(m.error));
    else p.resolve({ rows: m.rows ?? [], affected: m.affected ?? 0 });
  });
  worker.on('error', (e) => {
    failed = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  });

  const send = (msg: Record<string, unknown>) =>
    new Promise<{ rows: Row[]; affected: number }>((resolve, reject) => {
      if (failed) return reject(failed);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...msg, id });
    });

  // One PGlite session: a transaction must own it until it ends, so every use takes the lock.
  let tail: Promise<unknown> = Promise.resolve();
  function withLock<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  }

  const direct: Queryable = {
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      return (await send({ kind: 'query', sql: text, params })).rows as T[];
    },
    async copyFrom(table, columns, rows) {
      // ~1 MB of CSV per COPY: building and posting a piece holds this thread a few ms, and the loop turns between
      // pieces while the worker loads the previous one.
      let total = 0;
      for (const csv of csvChunks(rows, 1_000_000)) {
        total += (await send({ kind: 'copy', sql: `COPY ${table} (${columns.join(',')}) FROM '/dev/blob' WITH (FORMAT csv)`, csv })).affected;
      }
      return total;
    },
  };

  return {
    engine: 'pglite',
    query: (text, params) => withLock(() => direct.query(text, params)),
    copyFrom: (t, c, r) => withLock(() => direct.copyFrom(t, c, r)),
    tx: (fn) =>
      withLock(async () => {
        await send({ kind: 'exec', sql: 'BEGIN' });
        try {
          const out = await fn(direct);
          await send({ kind: 'exec', sql: 'COMMIT' });
          return out;
        } catch (e) {
          await send({ kind: 'exec', sql: 'ROLLBACK' }).catch(() => undefined);
          throw e;
        }
      }),
    async close() {
      await withLock(() => send({ kind: 'close' })).catch(() => undefined);
      await worker.terminate();
    },
  };
}
