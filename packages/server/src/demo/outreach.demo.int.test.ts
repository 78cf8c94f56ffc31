import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../testing/engines.js';
import { createTestApp, householdBody, COUNTY, VILLAGE_A, VILLAGE_B, type TestApp } from '../testing/fixture.js';
import { loadOutreachDemo } from './outreach.demo.js';

const engines = await availableEngines();
const clock = () => new Date('2026-06-10T04:00:00.000Z');

describe.each(engines)('outreach demo on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    const county = await t.login('county');
    for (const [v, n] of [[VILLAGE_A, 12], [VILLAGE_B, 6]] as const) {
      for (let i = 0; i < n; i++) {
        const r = await t.app.inject({ method: 'POST', url: '/api/households', headers: { cookie: county }, payload: householdBody(v, `演示户${v.slice(-3)}${i}`) });
        expect(r.statusCode, r.body).toBe(201);
      }
    }
    await t.db.query(`UPDATE household SET household_type = 'alleviated', alleviation_year = 2016 WHERE id % 2 = 0`);
  });
  afterAll(() => t?.close());

  it('loads self-reports, this month\'s partly visited round and a finished spring campaign', async () => {
    const line = await loadOutreachDemo(t.db, { countyCode: COUNTY, clock, services: t.services });
    expect(line).toMatch(/^一码通申报 3 条/);
    expect(await t.db.query(`SELECT * FROM attachment WHERE owner_type = 'warning'`)).toHaveLength(1);
    const rounds = await t.db.query<{ id: number; kind: string; name: string }>('SELECT id, kind, name FROM screening_round ORDER BY id');
    expect(rounds.map((r) => r.name)).toEqual(['2026年6月村级月排查', '2026年春季集中排查']);
    const cov = await t.services.screening.rounds.coverage(t.ctxOf('township'), Number(rounds[0]!.id));
    const a = cov.rows.find((r) => r.code === VILLAGE_A)!;
    expect(a.visited).toBeGreaterThan(0);
    expect(a.visited).toBeLessThan(a.planned);
    const spring = await t.services.screening.rounds.coverage(t.ctxOf('township'), Number(rounds[1]!.id));
    expect(spring.total.percent).toBe(100);
    expect(spring.round.phase).toBe('finished');
    const w = await t.db.query(`SELECT source FROM warning ORDER BY id`);
    expect(w.map((x) => x.source)).toEqual(['self_report', 'self_report', 'self_report', 'screening']);
  });
});
