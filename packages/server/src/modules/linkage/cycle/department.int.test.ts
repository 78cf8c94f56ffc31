import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENT_DUTIES } from '@shouwang/domain';
import { availableEngines } from '../../../testing/engines.js';
import { createTestApp, type TestApp } from '../../../testing/fixture.js';
import { seedDepartmentDuties } from './cycle.service.js';

const engines = await availableEngines();

describe.each(engines)('departments and duty lists on %s', (engine) => {
  let t: TestApp;
  let county: string;
  let dept: string;

  const req = (cookie: string, method: 'GET' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });

  beforeAll(async () => {
    t = await createTestApp(engine);
    [county, dept] = await Promise.all([t.login('county'), t.login('dept')]);
  });
  afterAll(() => t?.close());

  it('lists the 26 departments with class and the seeded duty lists', async () => {
    const r = await req(dept, 'GET', '/api/departments');
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json().items as { code: string; class: string; classLabel: string; duties: string[] }[];
    expect(items).toHaveLength(26);
    expect(['close', 'related', 'emergency'].map((c) => items.filter((d) => d.class === c).length)).toEqual([9, 15, 2]);
    for (const d of items) expect(d.duties, d.code).toEqual(DEPARTMENT_DUTIES[d.code]);
    expect(items[0]).toMatchObject({ code: 'education', name: '县教育局', classLabel: '紧密型部门' });
    const fin = items.filter((d) => ['financial_work', 'banking_regulation', 'pboc_branch'].includes(d.code));
    expect(new Set(fin.map((d) => JSON.stringify(d.duties))).size).toBe(1);
  });

  it('seeds only an empty table (boot is idempotent)', async () => {
    const before = (await t.db.query('SELECT count(*) AS n FROM department_duty'))[0]!.n;
    expect(await t.db.tx((q) => seedDepartmentDuties(q))).toBe(0);
    expect((await t.db.query('SELECT count(*) AS n FROM department_duty'))[0]!.n).toBe(before);
  });

  it('shows one department, 404 for an unknown code', async () => {
    const r = await req(dept, 'GET', '/api/departments/emergency_management');
    expect(r.json().department).toMatchObject({ name: '县应急管理局', class: 'emergency', classLabel: '紧急预警部门' });
    const unknown = await req(dept, 'GET', '/api/departments/nope');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('部门不存在');
  });

  it('lets the office replace a duty list, audited; tidies blanks', async () => {
    const r = await req(county, 'PUT', '/api/departments/science/duties', { duties: ['  组织选派科技特派员 ', '', '开展实用技术培训'] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().department.duties).toEqual(['组织选派科技特派员', '开展实用技术培训']);
    expect((await req(dept, 'GET', '/api/departments/science')).json().department.duties).toEqual(['组织选派科技特派员', '开展实用技术培训']);
    const audit = await t.db.query(`SELECT before, after FROM audit_log WHERE action = 'department.duties.update' AND entity_id = 'science'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before.duties).toEqual(DEPARTMENT_DUTIES.science);
  });

  it.each([
    [{ duties: [] }, '职责清单至少需要一项职责', 'duties.0'],
    [{ duties: ['  ', ''] }, '职责清单至少需要一项职责', 'duties.0'],
    [{ duties: ['甲', '甲'] }, '第2项职责与前面的职责重复', 'duties.1'],
    [{ duties: ['甲', 'x'.repeat(501)] }, '第2项职责超过500字', 'duties.1'],
  ])('refuses %j with 400 and changes nothing', async (body, message, field) => {
    const before = (await req(dept, 'GET', '/api/departments/water')).json().department.duties;
    const r = await req(county, 'PUT', '/api/departments/water/duties', body);
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ message, fields: [{ field, message }] });
    expect((await req(dept, 'GET', '/api/departments/water')).json().department.duties).toEqual(before);
  });

  it('refuses a body that is not a list, an unknown department, and a department user', async () => {
    const bad = await req(county, 'PUT', '/api/departments/water/duties', { duties: '一项' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('职责清单应为列表');
    expect((await req(county, 'PUT', '/api/departments/nope/duties', { duties: ['甲'] })).statusCode).toBe(404);
    expect((await req(dept, 'PUT', '/api/departments/medical_insurance/duties', { duties: ['甲'] })).statusCode).toBe(403);
  });
});
