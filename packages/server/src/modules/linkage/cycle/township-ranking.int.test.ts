import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../../../testing/engines.js';
import { COUNTY, createTestApp, type TestApp } from '../../../testing/fixture.js';
import { departmentUser, movableClock } from './cycle.test-support.js';

const engines = await availableEngines();

describe.each(engines)('township rankings by 紧密型 departments on %s', (engine) => {
  let t: TestApp;
  let county: string;
  let dept: string; // 县医保局 (紧密型)
  let edu: string; // 县教育局 (紧密型)
  let fin: string; // 县财政局 (相关)
  let towns: { code: string; name: string }[];

  const req = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const scores = (list = towns) => list.map((tw, i) => ({ townshipCode: tw.code, score: 90 - (i % 5), remark: i === 0 ? '工作扎实' : null }));
  const rankings = async () => Number((await t.db.query('SELECT count(*) AS n FROM township_ranking'))[0]!.n);

  beforeAll(async () => {
    t = await createTestApp(engine, { clock: movableClock('2026-03-10') });
    await departmentUser(t, 'edu', 'education');
    await departmentUser(t, 'fin', 'finance');
    [county, dept, edu, fin] = await Promise.all(['county', 'dept', 'edu', 'fin'].map((u) => t.login(u)));
    towns = await t.db.query(`SELECT code, name FROM area WHERE level = 'township' AND county_code = $1 ORDER BY code`, [COUNTY]);
    expect(towns.length).toBeGreaterThan(5);
  });
  afterAll(() => t?.close());

  it('refuses a list missing a township, naming it', async () => {
    const last = towns[towns.length - 1]!;
    const r = await req(dept, 'POST', '/api/township-rankings', { month: '2026-02', items: scores(towns.slice(0, -1)) });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ message: `缺少乡镇“${last.name}”的评分，每个乡镇都要评分`, fields: [{ field: 'items' }] });
    expect(await rankings()).toBe(0);
  });

  it('refuses a township scored twice, naming it and the item', async () => {
    const items = [...scores(), { townshipCode: towns[1]!.code, score: 60 }];
    const r = await req(dept, 'POST', '/api/township-rankings', { month: '2026-02', items });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ message: `乡镇“${towns[1]!.name}”重复评分`, fields: [{ field: `items.${towns.length}.townshipCode` }] });
    expect(await rankings()).toBe(0);
  });

  it('refuses a code that is not a township of the county, and bad scores', async () => {
    const items = scores();
    items[2] = { townshipCode: '411322101', score: 80, remark: null };
    const r = await req(dept, 'POST', '/api/township-rankings', { month: '2026-02', items });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toBe('411322101 不是本县的乡镇');
    const neg = scores();
    neg[0]!.score = -1;
    const bad = await req(dept, 'POST', '/api/township-rankings', { month: '2026-02', items: neg });
    expect(bad.json().error.fields[0]).toEqual({ field: 'items.0.score', message: '评分不能为负' });
    const frac = scores();
    frac[0]!.score = 88.125;
    expect((await req(dept, 'POST', '/api/township-rankings', { month: '2026-02', items: frac })).json().error.fields[0].message).toBe('评分最多保留两位小数');
    expect(await rankings()).toBe(0);
  });

  it('refuses a future month, another department (403) and a non-close department', async () => {
    const future = await req(dept, 'POST', '/api/township-rankings', { month: '2026-04', items: scores() });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toBe('不能填报未来月份的自查');
    const other = await req(dept, 'POST', '/api/township-rankings', { month: '2026-02', departmentCode: 'education', items: scores() });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toBe('只能填报本部门的自查');
    const related = await req(fin, 'POST', '/api/township-rankings', { month: '2026-02', items: scores() });
    expect(related.statusCode).toBe(400);
    expect(related.json().error.message).toBe('只有紧密型部门需要对乡镇评分排名');
    expect(await rankings()).toBe(0);
  });

  it('ranks every township by score, ties sharing a rank; once per month', async () => {
    const r = await req(dept, 'POST', '/api/township-rankings', { month: '2026-02', items: scores() });
    expect(r.statusCode, r.body).toBe(201);
    const ranking = r.json().ranking;
    expect(ranking).toMatchObject({ departmentCode: 'medical_insurance', departmentName: '县医保局', month: '2026-02' });
    expect(ranking.items).toHaveLength(towns.length);
    const ninety = ranking.items.filter((i: { score: number }) => i.score === 90);
    expect(ninety.every((i: { rank: number }) => i.rank === 1)).toBe(true);
    const eightyNine = ranking.items.find((i: { score: number }) => i.score === 89);
    expect(eightyNine.rank).toBe(ninety.length + 1);
    expect(ranking.items.find((i: { townshipCode: string }) => i.townshipCode === towns[0]!.code)).toMatchObject({ townshipName: towns[0]!.name, remark: '工作扎实' });
    const audit = await t.db.query(`SELECT count(*) AS n FROM audit_log WHERE action = 'township_ranking.create' AND entity_id = $1`, [String(ranking.id)]);
    expect(Number(audit[0]!.n)).toBe(1);
    const dup = await req(dept, 'POST', '/api/township-rankings', { month: '2026-02', items: scores() });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('本部门2026-02月份的乡镇评分排名已报送，不能重复报送');
  });

  it('lists rankings: the office sees all, a department only its own', async () => {
    await req(edu, 'POST', '/api/township-rankings', { month: '2026-02', items: scores() });
    expect((await req(county, 'GET', '/api/township-rankings?month=2026-02')).json().items).toHaveLength(2);
    const own = (await req(dept, 'GET', '/api/township-rankings')).json().items;
    expect(own.map((r: { departmentCode: string }) => r.departmentCode)).toEqual(['medical_insurance']);
    expect((await req(dept, 'GET', '/api/township-rankings?departmentCode=education')).json().items).toEqual([]);
    const overview = (await req(county, 'GET', '/api/self-checks/overview?month=2026-02')).json().items;
    expect(overview.filter((i: { townshipRanked: boolean | null }) => i.townshipRanked === true).map((i: { departmentCode: string }) => i.departmentCode).sort())
      .toEqual(['education', 'medical_insurance']);
  });
});
