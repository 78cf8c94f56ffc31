import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../../../testing/engines.js';
import { COUNTY, createTestApp, type TestApp } from '../../../testing/fixture.js';

const engines = await availableEngines();

const MARCH_EVENING = new Date('2025-03-31T20:00:00+08:00');
const APRIL_MORNING = new Date('2025-04-01T01:00:00+08:00'); // five hours later (Beijing time): sessions stay valid

const policy = (extra: Record<string, unknown> = {}) => ({
  level: 'provincial', issuingBody: '河南省人民政府办公厅', docNumber: null, issuedOn: '2025-03-01',
  title: '关于健全防止返贫动态监测和帮扶机制的实施意见', summary: '明确监测对象识别、帮扶和风险消除的要求。', tags: ['防返贫监测'], ...extra,
});

describe.each(engines)('policy library on %s', (engine) => {
  let t: TestApp;
  let now = MARCH_EVENING;
  const cookies: Record<string, string> = {};
  const req = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const count = async (table: string) => Number((await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);
  const audits = async (action: string) => Number((await t.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_log WHERE action = $1', [action]))[0]!.n);

  let provincialId = 0;
  let countyId = 0;

  beforeAll(async () => {
    t = await createTestApp(engine, { clock: () => now });
    for (const u of ['admin', 'county', 'leader', 'dept', 'village']) cookies[u] = await t.login(u);
    const water = await req('admin', 'POST', '/api/users', { username: 'water', displayName: '水利局联络员', role: 'department_user', areaCode: COUNTY, departmentCode: 'water', password: 'Abcdef123' });
    expect(water.statusCode, water.body).toBe(201);
    cookies.water = await t.login('water', 'Abcdef123');
  });
  afterAll(() => t?.close());

  it('lets the county office add a policy, stamped with the injected clock and audited', async () => {
    const r = await req('county', 'POST', '/api/policies', policy({ docNumber: '豫政办〔2025〕8号', link: 'https://www.henan.gov.cn/a.html', attachmentName: '实施意见.pdf' }));
    expect(r.statusCode, r.body).toBe(201);
    const p = r.json().policy;
    expect(p).toMatchObject({ level: 'provincial', levelLabel: '省级', docNumber: '豫政办〔2025〕8号', publishedAt: MARCH_EVENING.toISOString(), addedBy: '测试county', readCount: 0, departmentCount: 26, readByMyDepartment: null, version: 1 });
    provincialId = p.id;
    const c = await req('county', 'POST', '/api/policies', policy({ level: 'county', issuingBody: '南召县人民政府', title: '南召县教育资助实施办法', tags: ['教育', '资助'] }));
    expect(c.statusCode, c.body).toBe(201);
    countyId = c.json().policy.id;
    expect(await audits('policy_doc.create')).toBe(2);
  });

  it('refuses a department user, a leader and a village cadre adding a policy (403), writing nothing', async () => {
    const before = await count('policy_doc');
    for (const u of ['dept', 'leader', 'village']) {
      const r = await req(u, 'POST', '/api/policies', policy({ title: '越权新增' }));
      expect(r.statusCode).toBe(403);
      expect(r.json().error.message).toBe('当前角色无权执行此操作');
    }
    expect(await count('policy_doc')).toBe(before);
  });

  it.each([
    { name: 'missing title', body: policy({ title: '  ' }), field: 'title', message: '请填写政策标题' },
    { name: 'unknown level', body: policy({ level: 'township' }), field: 'level', message: '政策层级应为中央、省级、市级或县级（central/provincial/city/county）' },
    { name: 'impossible issue date', body: policy({ issuedOn: '2025-02-30' }), field: 'issuedOn', message: '印发日期应为有效日期（YYYY-MM-DD）' },
    { name: 'link not http', body: policy({ link: 'ftp://example.com/a' }), field: 'link', message: '原文链接应为 http 或 https 网址' },
    { name: 'duplicate tags', body: policy({ tags: ['教育', '教育'] }), field: 'tags', message: '标签不能重复' },
    { name: 'too many tags', body: policy({ tags: Array.from({ length: 11 }, (_, i) => `标签${i}`) }), field: 'tags', message: '标签最多10项' },
    { name: 'missing summary', body: policy({ summary: '' }), field: 'summary', message: '请填写内容摘要' },
  ])('rejects $name with 400 naming the field', async ({ body, field, message }) => {
    const before = await count('policy_doc');
    const r = await req('county', 'POST', '/api/policies', body);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toContainEqual({ field, message });
    expect(await count('policy_doc')).toBe(before);
  });

  it('rejects an issue date after today (400) and a 文号 already in the library (409)', async () => {
    const before = await count('policy_doc');
    const future = await req('county', 'POST', '/api/policies', policy({ issuedOn: '2025-04-01' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual([{ field: 'issuedOn', message: '印发日期不能晚于今天' }]);
    const dup = await req('county', 'POST', '/api/policies', policy({ docNumber: '豫政办〔2025〕8号', title: '重复文号' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('文号“豫政办〔2025〕8号”已在政策库中（关于健全防止返贫动态监测和帮扶机制的实施意见）');
    expect(await count('policy_doc')).toBe(before);
  });

  it('filters by level, tag, keyword and month', async () => {
    const ids = async (qs: string) => (await req('leader', 'GET', `/api/policies?${qs}`)).json().items.map((p: { id: number }) => p.id);
    expect(await ids('level=county')).toEqual([countyId]);
    expect(await ids('tag=资助')).toEqual([countyId]);
    expect(await ids(`q=${encodeURIComponent('豫政办')}`)).toEqual([provincialId]);
    expect(await ids('month=2025-03')).toEqual([countyId, provincialId]);
    expect(await ids('month=2025-02')).toEqual([]);
    const bad = await req('leader', 'GET', '/api/policies?month=2025-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('查询参数有误：month 月份应为 YYYY-MM 格式（如 2026-03）');
  });

  it('records a department read receipt once: repeated marks keep the first time and write one audit row', async () => {
    const first = await req('dept', 'POST', `/api/policies/${provincialId}/read`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ policyId: provincialId, departmentCode: 'medical_insurance', readAt: MARCH_EVENING.toISOString(), alreadyRead: false });
    now = new Date(MARCH_EVENING.getTime() + 60_000);
    const again = await req('dept', 'POST', `/api/policies/${provincialId}/read`);
    expect(again.json()).toEqual({ ...first.json(), alreadyRead: true });
    now = MARCH_EVENING;
    expect(await count('policy_receipt')).toBe(1);
    expect(await audits('policy_doc.read')).toBe(1);
    const mine = (await req('dept', 'GET', `/api/policies/${provincialId}`)).json().policy;
    expect(mine).toMatchObject({ readByMyDepartment: true, readCount: 1 });
    expect((await req('water', 'GET', `/api/policies/${provincialId}`)).json().policy.readByMyDepartment).toBe(false);
    const listed = await req('dept', 'GET', '/api/policies?level=provincial');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items.map((p: { id: number; readByMyDepartment: boolean }) => [p.id, p.readByMyDepartment])).toEqual([[provincialId, true]]);
    expect((await req('water', 'GET', '/api/policies')).json().items.map((p: { readByMyDepartment: boolean }) => p.readByMyDepartment)).toEqual([false, false]);
  });

  it('refuses a read receipt from a non-department user (403) and for an unknown policy (404)', async () => {
    const r = await req('county', 'POST', `/api/policies/${provincialId}/read`);
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toBe('只有行业部门用户可以登记本部门已阅');
    const missing = await req('dept', 'POST', '/api/policies/999999/read');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('政策不存在');
    expect(await count('policy_receipt')).toBe(1);
  });

  it('shows the office which of the 26 departments have read a policy', async () => {
    await req('water', 'POST', `/api/policies/${provincialId}/read`);
    const r = (await req('county', 'GET', `/api/policies/${provincialId}/receipts`)).json();
    expect(r).toMatchObject({ policyId: provincialId, readCount: 2, departmentCount: 26 });
    expect(r.items).toHaveLength(26);
    expect(r.items.filter((i: { read: boolean }) => i.read).map((i: { departmentName: string }) => i.departmentName)).toEqual(['县医保局', '县水利局']);
    expect(r.items.find((i: { departmentCode: string }) => i.departmentCode === 'water').readerName).toBe('水利局联络员');
    expect((await req('dept', 'GET', `/api/policies/${provincialId}/receipts`)).statusCode).toBe(403);
    expect((await req('county', 'GET', '/api/policies/999999/receipts')).statusCode).toBe(404);
  });

  it('builds the monthly digest grouped by level with read counts out of 26', async () => {
    now = APRIL_MORNING;
    const april = await req('county', 'POST', '/api/policies', policy({ level: 'central', issuingBody: '国务院办公厅', title: '四月中央政策', issuedOn: '2025-03-28' }));
    expect(april.statusCode, april.body).toBe(201);
    const march = (await req('dept', 'GET', '/api/policies/digest?month=2025-03')).json();
    expect(march).toMatchObject({ month: '2025-03', total: 2, departmentCount: 26 });
    expect(march.groups.map((g: { level: string; items: unknown[] }) => [g.level, g.items.length])).toEqual([['central', 0], ['provincial', 1], ['city', 0], ['county', 1]]);
    expect(march.groups[1].label).toBe('省级');
    expect(march.groups[1].items[0]).toMatchObject({ id: provincialId, readCount: 2 });
    expect(march.groups[3].items[0]).toMatchObject({ id: countyId, readCount: 0 });
    const current = (await req('village', 'GET', '/api/policies/digest')).json();
    expect(current).toMatchObject({ month: '2025-04', total: 1 });
    expect(current.groups[0].items[0]).toMatchObject({ title: '四月中央政策', readCount: 0 });
    const bad = await req('county', 'GET', '/api/policies/digest?month=2025-3');
    expect(bad.statusCode).toBe(400);
    now = MARCH_EVENING;
  });

  it('updates a policy with its version: a stale version is refused (409), a good one audited', async () => {
    const stale = await req('county', 'PUT', `/api/policies/${countyId}`, { ...policy({ level: 'county', title: '改' }), version: 9 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('该政策已被他人修改，请刷新后再编辑');
    const ok = await req('county', 'PUT', `/api/policies/${countyId}`, { ...policy({ level: 'county', issuingBody: '南召县人民政府', title: '南召县教育资助实施办法（修订）' }), version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().policy).toMatchObject({ title: '南召县教育资助实施办法（修订）', version: 2, publishedAt: MARCH_EVENING.toISOString() });
    const [audit] = await t.db.query('SELECT before, after FROM audit_log WHERE action = $1', ['policy_doc.update']);
    expect(audit!.before.title).toBe('南召县教育资助实施办法');
    expect(audit!.after.title).toBe('南召县教育资助实施办法（修订）');
    const dup = await req('county', 'PUT', `/api/policies/${countyId}`, { ...policy({ docNumber: '豫政办〔2025〕8号' }), version: 2 });
    expect(dup.statusCode).toBe(409);
    expect((await req('county', 'PUT', '/api/policies/999999', { ...policy(), version: 1 })).statusCode).toBe(404);
    expect((await req('dept', 'PUT', `/api/policies/${countyId}`, { ...policy(), version: 2 })).statusCode).toBe(403);
  });
});
