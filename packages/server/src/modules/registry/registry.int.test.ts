import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '@shouwang/domain';
import { availableEngines } from '../../testing/engines.js';
import { createTestApp, householdBody, newId, VILLAGE_A, VILLAGE_B, VILLAGE_OTHER, type TestApp } from '../../testing/fixture.js';

const engines = await availableEngines();

describe.each(engines)('registry on %s', (engine) => {
  let t: TestApp;
  let county: string;
  let village: string;
  let township: string;
  let idA: number;
  let idOther: number;

  const req = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });

  beforeAll(async () => {
    t = await createTestApp(engine);
    [county, village, township] = await Promise.all([t.login('county'), t.login('village'), t.login('township')]);
    const a = await req(county, 'POST', '/api/households', householdBody(VILLAGE_A, '王大山'));
    expect(a.statusCode, a.body).toBe(201);
    idA = a.json().id;
    await req(county, 'POST', '/api/households', householdBody(VILLAGE_B, '李小河'));
    const o = await req(county, 'POST', '/api/households', householdBody(VILLAGE_OTHER, '张远方'));
    idOther = o.json().id;
  });
  afterAll(() => t?.close());

  it('reports health with the engine', async () => {
    const r = await t.app.inject({ url: '/api/health' });
    expect(r.json()).toMatchObject({ status: 'ok', engine });
  });

  it('scopes the list to the user area: village sees one village, township two, county all', async () => {
    const v = (await req(village, 'GET', '/api/households')).json();
    expect(v.total).toBe(1);
    expect(v.items[0].villageCode).toBe(VILLAGE_A);
    expect((await req(township, 'GET', '/api/households')).json().total).toBe(2);
    expect((await req(county, 'GET', '/api/households')).json().total).toBe(3);
    // A filter outside one's scope narrows, never widens.
    expect((await req(village, 'GET', `/api/households?area=${VILLAGE_OTHER}`)).json().total).toBe(0);
  });

  it('masks ID numbers and phones in the list and the detail', async () => {
    const list = (await req(county, 'GET', '/api/households')).json();
    expect(list.items[0].headIdNumber).toMatch(/^4113\*{10}\d{3}[\dX]$/);
    expect(list.items[0].phone).toBe('138****1234');
    const d = (await req(village, 'GET', `/api/households/${idA}`)).json();
    expect(d.members[0].idNumber).toMatch(/^4113\*{10}/);
    expect(d.members[0].identityKey).toBeUndefined();
  });

  it('answers 404 for a record outside the user area', async () => {
    const r = await req(village, 'GET', `/api/households/${idOther}`);
    expect(r.statusCode).toBe(404);
  });

  it('rejects a wrong ID check digit naming the field', async () => {
    const good = newId('19850101');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const body = householdBody(VILLAGE_A, '赵错号');
    body.members[0]!.idNumber = bad;
    const r = await req(county, 'POST', '/api/households', body);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toEqual([{ field: 'members.0.idNumber', message: '身份证号码校验位错误' }]);
  });

  it('rejects an impossible birth date in the ID', async () => {
    const first17 = '41132119900230' + '123';
    const body = householdBody(VILLAGE_A, '钱无日');
    body.members[1]!.idNumber = first17 + idCheckChar(first17);
    const r = await req(county, 'POST', '/api/households', body);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields[0]).toEqual({ field: 'members.1.idNumber', message: '身份证号码中的出生日期不存在' });
  });

  it('rejects an unknown village and a village outside the user scope with 400', async () => {
    const unknown = await req(county, 'POST', '/api/households', householdBody('411321101999', '孙无村'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('不存在');
    const outside = await req(village, 'POST', '/api/households', householdBody(VILLAGE_B, '周越界'));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields[0].field).toBe('household.villageCode');
  });

  it('answers 409 naming the household that already holds an ID', async () => {
    const detail = (await req(county, 'GET', `/api/households/${idA}`)).json();
    const idNumber = (await req(county, 'POST', `/api/persons/${detail.members[0].id}/reveal`)).json().idNumber;
    const body = householdBody(VILLAGE_B, '吴重复');
    body.members[1]!.idNumber = idNumber;
    const r = await req(county, 'POST', '/api/households', body);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain(detail.household.householdNo);
    // nothing was written
    expect((await req(county, 'GET', '/api/households?q=吴重复')).json().total).toBe(0);
  });

  it('validates household fields with Chinese messages', async () => {
    const r = await req(county, 'POST', '/api/households', householdBody(VILLAGE_A, '郑缺年', { householdType: 'alleviated' }));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toContainEqual({ field: 'household.alleviationYear', message: '脱贫户必须填写脱贫年度' });
  });

  it('forbids a read-only role from creating (403) and needs a login (401)', async () => {
    const leader = await t.login('leader');
    expect((await req(leader, 'POST', '/api/households', householdBody(VILLAGE_A, '冯只读'))).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/households' })).statusCode).toBe(401);
  });

  it('treats SQL metacharacters in search as plain text', async () => {
    for (const q of ["'; DROP TABLE person; --", '%', '_', "王' OR '1'='1", '\\']) {
      const r = await req(county, 'GET', `/api/households?q=${encodeURIComponent(q)}`);
      expect(r.statusCode, q).toBe(200);
      expect(r.json().total, q).toBe(0);
    }
    expect((await req(county, 'GET', `/api/households?q=${encodeURIComponent('王大')}`)).json().total).toBe(1);
  });

  it('computes 人均纯收入 by the rule and keeps history; stale versions conflict', async () => {
    const inc = await req(village, 'PUT', `/api/households/${idA}/incomes/2024`, { wageIncome: 20000, businessIncome: 3000, propertyIncome: 0, transferIncome: 1000, businessExpense: 2000 });
    expect(inc.statusCode, inc.body).toBe(200);
    expect(inc.json().income.perCapitaNetIncome).toBe(11000);
    const d = (await req(village, 'GET', `/api/households/${idA}`)).json();
    expect(d.household.perCapitaNetIncome).toBe(11000);
    const { household } = d;
    const edit = { villageCode: household.villageCode, householdType: 'ordinary', address: '新地址2号', riskTypes: [] };
    const ok = await req(village, 'PUT', `/api/households/${idA}`, { household: edit, version: household.version });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await req(village, 'PUT', `/api/households/${idA}`, { household: { ...edit, address: '又一地址' }, version: household.version });
    expect(stale.statusCode).toBe(409);
    const hist = (await req(village, 'GET', `/api/households/${idA}/history`)).json().items;
    expect(JSON.stringify(hist)).not.toContain('13800001234'); // phones stay masked in history
    expect(JSON.stringify(hist)).toContain('138****1234');
    expect(hist.find((h: { changes: Record<string, unknown> }) => h.changes.address)).toMatchObject({ changes: { address: { from: '测试地址1号', to: '新地址2号' } } });
    // adding a member recomputes 人均纯收入 with the new household size
    const add = await req(village, 'POST', `/api/households/${idA}/members`, { name: '王小山', idNumber: newId('20100808'), relation: 'son', labourSkill: 'none', schoolStatus: 'grade8' });
    expect(add.statusCode, add.body).toBe(201);
    expect((await req(village, 'GET', `/api/households/${idA}`)).json().household.perCapitaNetIncome).toBe(7333.33);
  });

  it('audits a reveal in the same transaction, and the audit log is append-only', async () => {
    const d = (await req(village, 'GET', `/api/households/${idA}`)).json();
    const pid = d.members[0].id;
    const r = await req(village, 'POST', `/api/persons/${pid}/reveal`);
    expect(r.json().idNumber).toMatch(/^411321\d{11}[\dX]$/);
    const rows = await t.db.query(`SELECT * FROM audit_log WHERE action = 'person.reveal' AND entity_id = $1 AND username = 'village'`, [String(pid)]);
    expect(rows.length).toBe(1);
    await expect(t.db.query('UPDATE audit_log SET action = $1', ['x'])).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    // a role without the reveal permission is refused
    const leader = await t.login('leader');
    expect((await req(leader, 'POST', `/api/persons/${pid}/reveal`)).statusCode).toBe(403);
  });

  it('answers 413 for an oversized body and 400 for malformed JSON', async () => {
    const big = await t.app.inject({ method: 'POST', url: '/api/households', headers: { cookie: county, 'content-type': 'application/json' }, payload: '{"x":"' + 'a'.repeat(1_100_000) + '"}' });
    expect(big.statusCode).toBe(413);
    const bad = await t.app.inject({ method: 'POST', url: '/api/households', headers: { cookie: county, 'content-type': 'application/json' }, payload: '{"household": ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_json');
  });
});
