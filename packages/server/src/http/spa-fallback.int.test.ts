/** The web app's client routes are served as index.html with 200; unknown API paths and missing assets are 404. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { freshDb } from '../testing/engines.js';
import { prepareDatabase } from '../bootstrap.js';
import { createServices } from '../services.js';
import { buildApp } from '../app.js';

describe('single-page app fallback', () => {
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  const webDist = mkdtempSync(path.join(tmpdir(), 'sw-web-'));
  beforeAll(async () => {
    writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>守望</title>');
    const fresh = await freshDb('pglite');
    drop = fresh.drop;
    await prepareDatabase(fresh.db, ['411321']);
    app = await buildApp(createServices(fresh.db, () => new Date(), { SESSION_TTL_HOURS: 8 }), {
      bodyLimit: 1_048_576, cookieSecure: false, logLevel: 'silent', counties: ['411321'], version: 'test', webDist,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('serves client routes (deep links, the public 一码通 page) as index.html with 200', async () => {
    for (const url of ['/warnings/12', '/r/0123456789abcdef0123456789abcdef', '/households/3?tab=x']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('守望');
    }
  });

  it('answers 404 for unknown API paths and missing assets', async () => {
    expect((await app.inject({ url: '/api/nope' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
  });
});
