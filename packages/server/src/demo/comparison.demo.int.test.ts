import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../testing/engines.js';
import { COUNTY, PASSWORD, createTestApp, type TestApp } from '../testing/fixture.js';
import { loadDemoIfEmpty } from './demo.loader.js';
import { loadComparisonDemo } from './comparison.demo.js';

const engines = await availableEngines();
const TODAY = '2026-11-22';
const clock = () => new Date(`${TODAY}T03:00:00Z`);

describe.each(engines)('comparison demo on %s', (engine) => {
  let t: TestApp;
  let took = 0;

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    // The registry demo (small scale); the feature loaders, this one included, run inside it.
    await loadDemoIfEmpty(t.db, { counties: [COUNTY], scale: 0.03, password: PASSWORD, clock });
    await t.db.query(`DELETE FROM comparison_run_issue`);
    await t.db.query(`DELETE FROM warning_hit WHERE source_type = 'comparison_row' AND source_ref IN (SELECT id::text FROM comparison_run)`);
    await t.db.query(`DELETE FROM comparison_run`);
    const started = Date.now();
    expect(await loadComparisonDemo(t.db, { countyCode: COUNTY, clock, services: t.services })).toMatch(/^信息比对 2 次/);
    took = Date.now() - started;
  }, 240_000);
  afterAll(() => t?.close());

  it('two completed runs with hits, row issues and warnings in the demo township, in under 2 s', async () => {
    const runs = await t.db.query(`SELECT * FROM comparison_run ORDER BY id`);
    expect(runs.map((r) => [r.family, r.status])).toEqual([['medical', 'completed'], ['civil_affairs', 'completed']]);
    expect(runs[0]).toMatchObject({ rows_read: 11, invalid_ids: 1, unmatched: 1, duplicates: 1, hits: 5 });
    expect(runs[1]).toMatchObject({ rows_read: 3, hits: 2 });
    const cookie = await t.login('dept', PASSWORD);
    const hits = (await t.app.inject({ url: `/api/comparison/runs/${runs[0].id}/hits`, headers: { cookie } })).json();
    expect(hits.items).toHaveLength(5);
    expect(hits.items[0].explanation).toMatch(/^医保个人自付 23,450 元 ≥ 20,000 元（一般农户，规则 medical.out_of_pocket v1）$/);
    expect(hits.items.filter((h: { villageCode: string }) => h.villageCode.startsWith('411321101')).length).toBeGreaterThanOrEqual(4);
    // The dept user does not see the 民政 run.
    expect((await t.app.inject({ url: `/api/comparison/runs/${runs[1].id}`, headers: { cookie } })).statusCode).toBe(404);
    expect(took).toBeLessThan(2000);
  });
});
