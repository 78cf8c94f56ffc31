import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../../testing/engines.js';
import { createTestApp, householdBody, TOWNSHIP, VILLAGE_A, VILLAGE_B, VILLAGE_OTHER, type TestApp } from '../../testing/fixture.js';

const engines = await availableEngines();
const TODAY = '2026-03-15';
const clock = () => new Date(`${TODAY}T04:00:00.000Z`);

describe.each(engines)('village screening on %s', (engine) => {
  let t: TestApp;
  let county: string;
  let village: string;
  let township: string;
  let monthly = 0;
  const ids: Record<string, number> = {};

  const req = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const count = async (table: string) => Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    [county, village, township] = await Promise.all([t.login('county'), t.login('village'), t.login('township')]);
    // A hand-made county: 大沟村 a1 脱贫户, a2 监测户, a3 一般农户, a4 一般农户 with an open warning; 上官村 b1 脱贫户, b2 一般农户;
    // 天云村 (another township) o1 脱贫户.
    for (const [key, v] of [['a1', VILLAGE_A], ['a2', VILLAGE_A], ['a3', VILLAGE_A], ['a4', VILLAGE_A], ['b1', VILLAGE_B], ['b2', VILLAGE_B], ['o1', VILLAGE_OTHER]] as const) {
      const r = await req(county, 'POST', '/api/households', householdBody(v, `户主${key}`));
      expect(r.statusCode, r.body).toBe(201);
      ids[key] = r.json().id;
    }
    await t.db.query(`UPDATE household SET household_type = 'alleviated', alleviation_year = 2016 WHERE id = ANY($1)`, [[ids.a1, ids.b1, ids.o1]]);
    await t.db.query(`UPDATE household SET monitor_category = 'marginal', monitor_identified_on = '2025-06-01' WHERE id = $1`, [ids.a2]);
    const [{ report_code }] = (await t.db.query<{ report_code: string }>('SELECT report_code FROM household WHERE id = $1', [ids.a4])) as [{ report_code: string }];
    const sr = await t.app.inject({ method: 'POST', url: `/api/public/self-report/${report_code}`, payload: { hardships: ['illness'], description: '住院' } });
    expect(sr.statusCode, sr.body).toBe(201);
  });
  afterAll(() => t?.close());

  it('creates the month\'s round when first opened, once', async () => {
    const r = await req(village, 'GET', '/api/screening/rounds');
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.items).toMatchObject([{ kind: 'monthly', name: '2026年3月村级月排查', startsOn: '2026-03-01', endsOn: '2026-03-31', phase: 'open', visited: 0 }]);
    expect(body.campaigns).toMatchObject({ year: 2026, count: 0, met: false });
    monthly = body.items[0].id;
    await req(county, 'GET', '/api/screening/rounds');
    expect(await count('screening_round')).toBe(1);
  });

  it('plans the monthly round from the registry: 脱贫户 + 监测户 + open warnings', async () => {
    const c = await req(township, 'GET', `/api/screening/coverage?roundId=${monthly}`);
    expect(c.statusCode, c.body).toBe(200);
    const byCode = Object.fromEntries(c.json().rows.map((r: { code: string }) => [r.code, r]));
    expect(byCode[VILLAGE_A]).toMatchObject({ planned: 3, visited: 0, percent: 0 });
    expect(byCode[VILLAGE_B]).toMatchObject({ planned: 1, visited: 0 });
    expect(c.json().total).toMatchObject({ planned: 4, visited: 0 });
    const list = (await req(village, 'GET', `/api/screening/rounds/${monthly}/households`)).json();
    expect(list.items.map((i: { id: number }) => i.id).sort()).toEqual([ids.a1, ids.a2, ids.a4].sort());
    expect(list.items.find((i: { id: number }) => i.id === ids.a4).hasOpenWarning).toBe(true);
  });

  it('records a visit with no risk, and a risk found that becomes a screening warning with the cadre as actor', async () => {
    const ok = await req(village, 'POST', `/api/screening/rounds/${monthly}/visits`, { householdId: ids.a1, result: 'no_risk' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().warningId).toBeNull();
    const risk = await req(village, 'POST', `/api/screening/rounds/${monthly}/visits`, { householdId: ids.a3, result: 'risk_found', riskTypes: ['illness', 'accident'], note: '户主摔伤住院' });
    expect(risk.statusCode, risk.body).toBe(201);
    const wid = risk.json().warningId;
    const [w] = await t.db.query('SELECT * FROM warning WHERE id = $1', [wid]);
    expect(w).toMatchObject({ source: 'screening', village_code: VILLAGE_A, household_id: ids.a3, created_by: t.userIds.village, state: 'pushed', description: '户主摔伤住院' });
    expect(w!.risk_types).toEqual(['illness', 'accident']);
    expect(await t.db.query(`SELECT * FROM warning_hit WHERE warning_id = $1`, [wid])).toMatchObject([{ source_type: 'screening_visit', source_ref: String(risk.json().id) }]);
    expect(await t.db.query(`SELECT * FROM workflow_step WHERE machine = 'warning' AND case_id = $1`, [wid])).toMatchObject([{ actor_id: t.userIds.village, actor_role: 'village_cadre' }]);
    expect(await t.db.query(`SELECT * FROM audit_log WHERE action = 'screening.visit'`)).toHaveLength(2);
  });

  it('computes coverage per township (county) and per village (township) on the hand-made data', async () => {
    const c = (await req(county, 'GET', `/api/screening/coverage?roundId=${monthly}`)).json();
    const byCode = Object.fromEntries(c.rows.map((r: { code: string }) => [r.code, r]));
    // 大沟村: a1, a2, a4 planned + a3 visited (and now with an open warning) = 4, visited 2; 上官村 b1 = 1.
    expect(byCode[TOWNSHIP]).toMatchObject({ planned: 5, visited: 2, percent: 40, riskFound: 1 });
    expect(byCode[VILLAGE_OTHER.slice(0, 9)]).toMatchObject({ planned: 1, visited: 0 });
    expect(c.total).toMatchObject({ planned: 6, visited: 2, percent: 33.3 });
    expect(c.area).toMatchObject({ code: '411321', level: 'county' });
    const v = (await req(township, 'GET', `/api/screening/coverage?roundId=${monthly}&area=${TOWNSHIP}`)).json();
    const vb = Object.fromEntries(v.rows.map((r: { code: string }) => [r.code, r]));
    expect(vb[VILLAGE_A]).toMatchObject({ planned: 4, visited: 2, percent: 50 });
    expect(vb[VILLAGE_B]).toMatchObject({ planned: 1, visited: 0, percent: 0 });
    const own = (await req(village, 'GET', `/api/screening/coverage?roundId=${monthly}`)).json();
    expect(own.rows).toMatchObject([{ code: VILLAGE_A, planned: 4, visited: 2 }]);
    expect((await req(village, 'GET', `/api/screening/coverage?roundId=${monthly}&area=${VILLAGE_B}`)).statusCode).toBe(404);
    const pending = (await req(village, 'GET', `/api/screening/rounds/${monthly}/households?status=pending`)).json();
    expect(pending.items.map((i: { id: number }) => i.id).sort()).toEqual([ids.a2, ids.a4].sort());
  });

  it('plans every household in a campaign; the county office creates campaigns, at least two a year', async () => {
    const bad = await req(county, 'POST', '/api/screening/rounds', { name: '春季集中排查', startsOn: '2026-03-20', endsOn: '2026-03-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ field: 'endsOn', message: '结束日期不能早于开始日期' }]);
    const r = await req(county, 'POST', '/api/screening/rounds', { name: '2026年春季集中排查', startsOn: '2026-03-01', endsOn: '2026-04-15' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ kind: 'campaign', phase: 'open', createdBy: '测试county' });
    const c = (await req(township, 'GET', `/api/screening/coverage?roundId=${r.json().id}`)).json();
    expect(Object.fromEntries(c.rows.map((x: { code: string; planned: number }) => [x.code, x.planned]))).toMatchObject({ [VILLAGE_A]: 4, [VILLAGE_B]: 2 });
    const rounds = (await req(village, 'GET', '/api/screening/rounds?year=2026')).json();
    expect(rounds.campaigns).toMatchObject({ count: 1, message: '2026年已开展集中排查1次，全年至少2次，还需1次' });
  });

  it('refuses a visit outside the scope (404), in a finished round (409), twice (409), or without risk types (400) — writing nothing', async () => {
    const before = { v: await count('screening_visit'), w: await count('warning') };
    expect((await req(village, 'POST', `/api/screening/rounds/${monthly}/visits`, { householdId: ids.b1, result: 'no_risk' })).statusCode).toBe(404);
    expect((await req(township, 'POST', `/api/screening/rounds/${monthly}/visits`, { householdId: ids.o1, result: 'no_risk' })).statusCode).toBe(404);
    const old = await req(county, 'POST', '/api/screening/rounds', { name: '2026年1月集中排查', startsOn: '2026-01-05', endsOn: '2026-01-20' });
    const closed = await req(village, 'POST', `/api/screening/rounds/${old.json().id}/visits`, { householdId: ids.a2, result: 'no_risk' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toBe('本轮排查已于 2026-01-20 结束，不能再记录走访结果');
    const twice = await req(village, 'POST', `/api/screening/rounds/${monthly}/visits`, { householdId: ids.a1, result: 'no_risk' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('该户本轮已记录走访结果');
    const noTypes = await req(village, 'POST', `/api/screening/rounds/${monthly}/visits`, { householdId: ids.a2, result: 'risk_found', riskTypes: [], note: '有情况' });
    expect(noTypes.statusCode).toBe(400);
    expect(noTypes.json().error.fields).toEqual([{ field: 'riskTypes', message: '发现风险时请至少选择一项风险类型' }]);
    expect((await req(village, 'POST', '/api/screening/rounds/999999/visits', { householdId: ids.a2, result: 'no_risk' })).statusCode).toBe(404);
    expect({ v: await count('screening_visit'), w: await count('warning') }).toEqual(before);
  });

  it('checks roles: only the county office creates campaigns; leaders and inspectors read; helpers and departments do not', async () => {
    const body = { name: 'x', startsOn: '2026-05-01', endsOn: '2026-05-10' };
    expect((await req(village, 'POST', '/api/screening/rounds', body)).statusCode).toBe(403);
    expect((await req(township, 'POST', '/api/screening/rounds', body)).statusCode).toBe(403);
    expect((await req(await t.login('leader'), 'GET', `/api/screening/coverage?roundId=${monthly}`)).statusCode).toBe(200);
    expect((await req(await t.login('leader'), 'POST', `/api/screening/rounds/${monthly}/visits`, { householdId: ids.a2, result: 'no_risk' })).statusCode).toBe(403);
    expect((await req(await t.login('helper'), 'GET', '/api/screening/rounds')).statusCode).toBe(403);
    expect((await req(await t.login('dept'), 'GET', '/api/screening/rounds')).statusCode).toBe(403);
  });
});
