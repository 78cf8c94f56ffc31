import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../testing/engines.js';
import { COUNTY, PASSWORD, createTestApp, type TestApp } from '../testing/fixture.js';
import { loadDemoIfEmpty } from './demo.loader.js';
import { loadCasesDemo } from './cases.demo.js';
import { FEATURE_DEMOS } from './feature.demos.js';

const engines = await availableEngines();
const TODAY = '2026-11-22';
const clock = () => new Date(`${TODAY}T03:00:00Z`);

describe.each(engines)('cases demo on %s', (engine) => {
  let t: TestApp;
  const rows = <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => t.db.query(sql, p) as Promise<T[]>;
  let took = 0;

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    // The registry demo and the other features' loaders; this one is run (and timed) on its own afterwards.
    const at = FEATURE_DEMOS.findIndex((f) => f.name === 'cases');
    const [mine] = FEATURE_DEMOS.splice(at, 1);
    try {
      await loadDemoIfEmpty(t.db, { counties: [COUNTY], scale: 0.1, password: PASSWORD, clock });
    } finally {
      FEATURE_DEMOS.splice(at, 0, mine!);
    }
    if (!(await rows(`SELECT 1 FROM case_notice LIMIT 1`)).length) {
      const started = Date.now();
      await loadCasesDemo(t.db, { countyCode: COUNTY, clock, services: t.services });
      took = Date.now() - started;
    }
  }, 240_000);
  afterAll(() => t?.close());

  it('creates cases across states, a posted notice, a paused case, overdue ones and an elimination, quickly', async () => {
    const villageCode = (await rows<{ area_code: string }>(`SELECT area_code FROM user_account WHERE username = 'village'`))[0]!.area_code;
    const states = await rows<{ kind: string; state: string; paused: boolean }>(
      `SELECT kind, state, open_objections > 0 AS paused FROM monitoring_case WHERE village_code = $1 AND opened_by IS NOT NULL ORDER BY id`, [villageCode]);
    const has = (kind: string, state: string, paused = false) => states.some((s) => s.kind === kind && s.state === state && s.paused === paused);
    expect(has('identification', 'done')).toBe(true);
    expect(has('identification', 'publicity', true)).toBe(true);
    expect(has('identification', 'publicity')).toBe(true);
    expect(has('identification', 'township_review')).toBe(true);
    expect(has('identification', 'verifying')).toBe(true);
    expect(has('elimination', 'done')).toBe(true);
    expect(has('elimination', 'village_review')).toBe(true);
    const [posted] = await rows<{ n: number }>(`SELECT count(*) AS n FROM case_notice WHERE status = 'posted' AND kind = 'identification_publicity' AND village_code = $1`, [villageCode]);
    expect(Number(posted!.n)).toBeGreaterThanOrEqual(2);
    const [future] = await rows<{ n: number }>(`SELECT count(*) AS n FROM workflow_step WHERE machine IN ('identification', 'elimination') AND on_date > $1`, [TODAY]);
    expect(Number(future!.n)).toBe(0);
    const [eliminated] = await rows<{ n: number }>(`SELECT count(*) AS n FROM household h JOIN monitoring_case c ON c.household_id = h.id AND c.kind = 'elimination' AND c.state = 'done' WHERE h.risk_eliminated AND h.elimination_method = 'natural'`);
    expect(Number(eliminated!.n)).toBeGreaterThanOrEqual(1);
    expect(took).toBeGreaterThan(0);
    expect(took).toBeLessThan(2000);
  });

  it('the county sees overdue cases in more than one township; the village sees its own', async () => {
    const county = await t.login('county');
    const s = (await t.app.inject({ url: '/api/cases/overdue-summary', headers: { cookie: county } })).json();
    expect(s.totals.overdue).toBeGreaterThanOrEqual(3);
    expect(s.items.filter((r: { overdue: number }) => r.overdue > 0).length).toBeGreaterThanOrEqual(2);
    const village = await t.login('village');
    const list = (await t.app.inject({ url: '/api/cases?kind=identification&urgency=overdue', headers: { cookie: village } })).json();
    expect(list.total).toBeGreaterThanOrEqual(1);
  });
});
