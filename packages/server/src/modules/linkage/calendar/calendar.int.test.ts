import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../../../testing/engines.js';
import { createTestApp, type TestApp } from '../../../testing/fixture.js';

const engines = await availableEngines();

describe.each(engines)('linkage calendar on %s', (engine) => {
  let t: TestApp;
  const now = new Date('2026-12-04T09:00:00Z');
  beforeAll(async () => {
    t = await createTestApp(engine, { clock: () => now });
    await t.db.query(`INSERT INTO self_check (department_code, month, status, due_date, submitted_at) VALUES ('education', '2026-11', 'submitted', '2026-12-05', $1)`, [now]);
    await t.db.query(`INSERT INTO meeting (kind, held_on, title) VALUES ('progress', '2026-12-18', '12月推进会')`);
    const [r] = await t.db.query<{ id: number }>(`INSERT INTO submission_request (title, due_date) VALUES ('年度总结', '2026-12-03') RETURNING id`);
    await t.db.query(`INSERT INTO submission (request_id, department_code) VALUES ($1, 'medical_insurance'), ($1, 'education')`, [r!.id]);
  });
  afterAll(() => t?.close());

  const get = async (user: string, month = '2026-12') =>
    t.app.inject({ url: `/api/linkage/calendar?month=${month}`, headers: { cookie: await t.login(user) } });

  it('shows the office every department, with the self-check count and overdue submissions', async () => {
    const r = await get('county');
    expect(r.statusCode).toBe(200);
    const items = r.json().items as { kind: string; title: string; state: string; departmentCode: string | null }[];
    expect(items.find((i) => i.kind === 'self_check_due')).toMatchObject({ title: '11月自查报告截止（已提交 1/26）', state: 'due_soon' });
    expect(items.filter((i) => i.kind === 'submission_due').map((i) => [i.departmentCode, i.state])).toEqual([['education', 'overdue'], ['medical_insurance', 'overdue']]);
    expect(items.some((i) => i.kind === 'meeting' && i.title === '12月推进会')).toBe(true);
    expect(items.some((i) => i.kind === 'quarter_end')).toBe(true);
  });

  it('shows a department only its own deadlines', async () => {
    const items = (await get('dept')).json().items as { kind: string; departmentCode: string | null; title: string }[];
    expect(items.find((i) => i.kind === 'self_check_due')).toMatchObject({ departmentCode: 'medical_insurance', title: '11月自查报告截止' });
    expect(items.filter((i) => i.kind === 'submission_due').map((i) => i.departmentCode)).toEqual(['medical_insurance']);
  });

  it('follows the office setting for the self-check due day, in the calendar and in new self-checks', async () => {
    const county = await t.login('county');
    const put = await t.app.inject({ method: 'PUT', url: '/api/linkage/settings', headers: { cookie: county },
      payload: { selfCheckDueDay: 10, extensionWeight: 0, noticeBottomN: 3, noticeConsecutiveQuarters: 2 } });
    expect(put.statusCode, put.body).toBe(200);
    const items = (await get('county')).json().items as { kind: string; date: string }[];
    expect(items.find((i) => i.kind === 'self_check_due')!.date).toBe('2026-12-10');
    const created = await t.app.inject({ method: 'POST', url: '/api/self-checks', headers: { cookie: await t.login('dept') }, payload: { month: '2026-11', summary: '11月自查' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(JSON.stringify(created.json())).toContain('2026-12-10');
  });

  it('refuses a malformed month and a role without linkage access', async () => {
    const bad = await get('county', '2026-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('月份格式应为 YYYY-MM');
    expect((await get('village')).statusCode).toBe(403);
  });
});
