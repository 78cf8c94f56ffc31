/**
 * PGlite runs here, off the HTTP thread: PGlite blocks its JavaScript thread for a whole query.
 * Messages: {id, kind:'query', sql, params} | {id, kind:'copy', sql, csv} | {id, kind:'close'}.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';

const dataDir: string | undefined = workerData?.dataDir;

const db = await PGlite.create({
  dataDir,
  // Cap WAL so the data folder does not double on bulk loads (PGlite runs without a background checkpointer).
  startParams: [...PGlite.defaultStartParams, '-c', 'max_wal_size=64MB', '-c', 'min_wal_size=32MB'],
  parsers: {
    [types.INT8]: (v: string) => Number(v),
    [types.NUMERIC]: (v: string) => Number(v),
    [types.DATE]: (v: string) => v,
  },
});

parentPort!.postMessage({ ready: true });

parentPort!.on('message', async (msg: { id: number; kind: string; sql?: string; params?: unknown[]; csv?: string }) => {
  try {
    if (msg.kind === 'query') {
      const res = await db.query(msg.sql!, msg.params ?? []);
      parentPort!.postMessage({ id: msg.id, rows: res.rows, affected: res.affectedRows ?? 0 });
    } else if (msg.kind === 'exec') {
      await db.exec(msg.sql!);
      parentPort!.postMessage({ id: msg.id, rows: [], affected: 0 });
    } else if (msg.kind === 'copy') {
      const res = await db.query(msg.sql!, [], { blob: new Blob([msg.csv!]) });
      parentPort!.postMessage({ id: msg.id, rows: [], affected: res.affectedRows ?? 0 });
    } else if (msg.kind === 'close') {
      await db.close();
      parentPort!.postMessage({ id: msg.id, rows: [], affected: 0 });
    }
  } catch (e) {
    const err = e as { message?: string; code?: string; detail?: string; constraint?: string; table?: string; column?: string };
    parentPort!.postMessage({
      id: msg.id,
      error: { message: err.message ?? String(e), code: err.code, detail: err.detail, constraint: err.constraint, table: err.table, column: err.column },
    });
  }
});
