import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../testing/engines.js';
import { createTestApp, type TestApp } from '../testing/fixture.js';

const engines = await availableEngines();

describe.each(engines)('OpenAPI document on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('describes every API route from the route schemas, for other systems to integrate', async () => {
    const r = await t.app.inject({ url: '/api/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set(Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)));
    const missing = t.app.apiRoutes.filter((r) => r.url !== '/api/openapi.json').map((r) => `${r.method} ${r.url}`).filter((k) => !documented.has(k));
    expect(missing).toEqual([]);
    // request schemas come through: the household list's query parameters are typed
    const params = (doc.paths['/api/households'].get.parameters as { name: string }[]).map((p) => p.name);
    expect(params).toEqual(expect.arrayContaining(['area', 'householdType', 'monitorCategory', 'q', 'page', 'pageSize']));
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
  });
});
