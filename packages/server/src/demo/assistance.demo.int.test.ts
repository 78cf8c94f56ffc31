import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../testing/engines.js';
import { COUNTY, VILLAGE_A, VILLAGE_B, createTestApp, householdBody, type TestApp } from '../testing/fixture.js';
import { loadAssistanceDemo } from './assistance.demo.js';

const engines = await availableEngines();
const clock = () => new Date('2026-06-10T04:00:00.000Z');

describe.each(engines)('assistance demo on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    const county = await t.login('county');
    for (const [v, n] of [[VILLAGE_A, 16], [VILLAGE_B, 8]] as const) {
      for (let i = 0; i < n; i++) {
        const monitored = i % 2 === 0;
        const extra = monitored ? { monitorCategory: 'marginal', monitorIdentifiedOn: '2026-01-15', riskTypes: ['illness'] } : {};
        const r = await t.app.inject({ method: 'POST', url: '/api/households', headers: { cookie: county }, payload: householdBody(v, `帮扶演示户${v.slice(-3)}${i}`, extra) });
        expect(r.statusCode, r.body).toBe(201);
      }
    }
    // helpers as the registry demo names them: a few officials per township; the helper login on two households
    await t.db.query(`UPDATE household SET household_type = 'alleviated', alleviation_year = 2016 WHERE monitor_category IS NULL AND id % 3 = 0`);
    await t.db.query(`UPDATE household SET helper_name = (ARRAY['张建国', '李秀英', '王志强'])[1 + id % 3] WHERE monitor_category IS NOT NULL OR household_type = 'alleviated'`);
    await t.db.query(`UPDATE household SET helper_name = '测试helper', helper_user_id = $1 WHERE id IN (SELECT id FROM household WHERE monitor_category IS NOT NULL ORDER BY id LIMIT 2)`, [t.userIds.helper]);
    // as the cases demo does: one more helper and an assignment that the household's name does not show yet
    const [lm] = await t.db.query<{ id: number }>(`INSERT INTO helper_person (name, unit, area_code) VALUES ('李明远', '南召县乡村振兴局', '411321101') RETURNING id`);
    casesHelper = Number(lm!.id);
    const [h] = await t.db.query<{ id: number }>(`SELECT id FROM household WHERE monitor_category IS NOT NULL AND helper_user_id IS NULL ORDER BY id DESC LIMIT 1`);
    casesHousehold = Number(h!.id);
    await t.db.query(`INSERT INTO helper_assignment (household_id, helper_id, assigned_on, reason) VALUES ($1, $2, '2026-05-20', '识别纳入时明确帮扶责任人')`, [casesHousehold, casesHelper]);
    // two households approved at county level by the cases demo, 5 and 20 days ago
    const approved = await t.db.query<{ id: number; village_code: string }>(`SELECT id, village_code FROM household WHERE monitor_category IS NOT NULL ORDER BY id LIMIT 2`);
    for (const [i, h] of approved.entries()) {
      const day = i === 0 ? '2026-06-05' : '2026-05-21';
      const [mc] = await t.db.query<{ id: number }>(`INSERT INTO monitoring_case (kind, household_id, village_code, state, opened_on, state_entered_on, facts) VALUES ('identification', $1, $2, 'announcement', $3, $3, '{}') RETURNING id`, [h.id, h.village_code, day]);
      await t.db.query(`INSERT INTO workflow_step (machine, case_id, seq, event, label, from_state, to_state, actor_role, at, on_date, outcome)
        VALUES ('identification', $1, 6, 'approve', '县级审批通过', 'county_approval', 'announcement', 'county_office', now(), $2, 'approved')`, [mc!.id, day]);
    }
  });
  afterAll(() => t?.close());
  let casesHelper = 0;
  let casesHousehold = 0;

  it('creates helpers, assignments consistent with the households, plans, measures and visits; deterministically once', async () => {
    const line = await loadAssistanceDemo(t.db, { countyCode: COUNTY, clock, services: t.services });
    expect(line).toMatch(/^帮扶责任人 4 名/);
    // every household with a helper has exactly one open assignment, to the helper of the same name
    const mismatched = await t.db.query(
      `SELECT h.id FROM household h LEFT JOIN helper_assignment ha ON ha.household_id = h.id AND ha.ended_on IS NULL LEFT JOIN helper_person hp ON hp.id = ha.helper_id
        WHERE h.helper_name IS NOT NULL AND (hp.name IS DISTINCT FROM h.helper_name OR hp.user_id IS DISTINCT FROM h.helper_user_id)`);
    expect(mismatched).toEqual([]);
    const [kept] = await t.db.query(`SELECT helper_name, (SELECT count(*) FROM helper_assignment WHERE household_id = $1) AS n FROM household WHERE id = $1`, [casesHousehold]);
    expect(kept).toMatchObject({ helper_name: '李明远', n: 1 });
    expect(Number((await t.db.query(`SELECT count(*) AS n FROM helper_person WHERE name = '李明远'`))[0]!.n)).toBe(1);
    const [linked] = await t.db.query(`SELECT name, user_id FROM helper_person WHERE user_id IS NOT NULL`);
    expect(Number(linked!.user_id)).toBe(t.userIds.helper);
    const monitored = Number((await t.db.query(`SELECT count(*) AS n FROM household WHERE monitor_category IS NOT NULL`))[0]!.n);
    // every other recently approved household still waits for its plan: the 待制定 list has a row
    expect(line).toContain('待制定 1 户');
    expect(Number((await t.db.query(`SELECT count(*) AS n FROM help_plan`))[0]!.n)).toBe(monitored - 1);
    const pending = await t.services.assistance.plans.pending(t.ctxOf('county'), { status: 'all', page: 1, pageSize: 20 });
    expect(pending.items).toHaveLength(1);
    expect(pending.items[0]).toMatchObject({ approvedOn: '2026-06-05', dueOn: '2026-06-15', status: 'on_time' });
    const measures = await t.db.query<{ status: string; n: number }>(`SELECT status, count(*) AS n FROM help_measure GROUP BY status`);
    expect(measures.find((m) => m.status === 'implemented')?.n ?? 0).toBeGreaterThan(0);
    // visits lie in the last three months, 帮扶日 visits on days ending in 5 with at least one of the "四个一"
    const bad = await t.db.query(`SELECT id FROM visit WHERE visited_on > '2026-06-10' OR visited_on < '2026-03-12'
      OR (kind = 'help_day' AND (extract(day FROM visited_on)::int NOT IN (5, 15, 25) OR cardinality(four_ones) = 0))`);
    expect(bad).toEqual([]);
    // the pages read it through the services
    const helper = t.ctxOf('helper');
    const plans = await t.services.assistance.plans.list(helper, { page: 1, pageSize: 20, finding: 'all' });
    expect(plans.total).toBe(1); // the helper's two households: one still waits for its plan
    const figures = await t.services.assistance.plans.figures(t.ctxOf('county'));
    expect(figures.total.households).toBe(monitored);
    expect(await loadAssistanceDemo(t.db, { countyCode: COUNTY, clock, services: t.services })).toBeNull();
  });
});
