import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeIdCard } from '@shouwang/domain';
import { availableEngines } from '../../testing/engines.js';
import { COUNTY, createTestApp, householdBody, TOWNSHIP, VILLAGE_A, VILLAGE_B, VILLAGE_OTHER, type TestApp } from '../../testing/fixture.js';
import { createWarning } from './warning.writer.js';
import { recordAssistanceAdded } from './warning.credit.js';

const engines = await availableEngines();

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
function multipart(fileName: string, data: Buffer) {
  const boundary = '----shouwangtest' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head, 'utf8'), data, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A wrong check digit on an otherwise valid number. */
const badCheckDigit = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

describe.each(engines)('warnings on %s', (engine) => {
  let t: TestApp;
  let today = '2025-03-10';
  const clock = () => new Date(`${today}T04:00:00Z`);
  const c: Record<string, string> = {};
  // Households: H1 (大沟村, ordinary), H2 (天云村, other township), H3 (大沟村, monitored), H4 (上官村, ordinary).
  const hh: Record<string, { id: number; ids: string[] }> = {};

  const req = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query<{ n: number }>(sql, params))[0]!.n);
  const push = async (cookie: string, body: Record<string, unknown>) => {
    const r = await req(cookie, 'POST', '/api/warnings', { riskTypes: ['illness'], description: '住院自付费用较高', ...body });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as number;
  };
  const detail = async (id: number, cookie = c.county!) => {
    const r = await req(cookie, 'GET', `/api/warnings/${id}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const step = async (id: number, event: string, extra: Record<string, unknown> = {}, cookie = c.township!) => {
    const v = (await detail(id)).warning.version;
    return req(cookie, 'POST', `/api/warnings/${id}/steps`, { event, expectedVersion: v, ...extra });
  };
  const ok = async (p: Promise<{ statusCode: number; body: string; json: () => any }>) => {
    const r = await p;
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  /** Move the clock forward (sessions last 8 hours on the clock: sign the acting users in again; logins are rate-limited). */
  const at = async (date: string) => {
    today = date;
    for (const u of ['county', 'township', 'dept']) c[u] = await t.login(u);
  };
  const credits = (id: number) => count(`SELECT count(*) AS n FROM warning_credit WHERE source_type = 'warning' AND source_id = $1`, [String(id)]);

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    for (const u of ['county', 'leader', 'township', 'village', 'dept', 'inspector', 'helper']) c[u] = await t.login(u);
    const add = async (key: string, village: string, name: string, extra: Record<string, unknown> = {}) => {
      const body = householdBody(village, name, extra);
      const r = await req(c.county!, 'POST', '/api/households', body);
      expect(r.statusCode, r.body).toBe(201);
      hh[key] = { id: r.json().id, ids: body.members.map((m) => m.idNumber) };
    };
    await add('H1', VILLAGE_A, '王大山');
    await add('H2', VILLAGE_OTHER, '张远方');
    await add('H3', VILLAGE_A, '李监测', { monitorCategory: 'marginal', monitorIdentifiedOn: '2024-05-01', riskTypes: ['illness'] });
    await add('H4', VILLAGE_B, '赵上官');
  });
  afterAll(() => t?.close());

  describe('信息预警 (push)', () => {
    it('matches an ID number to the registry person and household; masks the ID in lists; audits the push', async () => {
      const id = await push(c.dept!, { idNumber: hh.H1!.ids[1] });
      const d = await detail(id, c.township);
      expect(d.warning).toMatchObject({ source: 'instant', departmentCode: 'medical_insurance', householdId: hh.H1!.id, subjectName: '王大山之妻', villageCode: VILLAGE_A, state: 'pushed', stateLabel: '已推送', subjectGroup: 'ordinary' });
      expect(d.warning.subjectIdNumber).toBe(hh.H1!.ids[1]); // the township may reveal (and the view is audited)
      expect(d.hits).toHaveLength(1);
      expect(d.hits[0].explanation).toMatchObject({ kind: 'instant', matchedBy: '证件号码匹配户籍台账', riskTypes: ['illness'] });
      expect(d.warning.deadline).toMatchObject({ dueOn: '2025-03-15', status: 'on_time' });
      const list = (await req(c.dept!, 'GET', '/api/warnings')).json();
      const item = list.items.find((x: { id: number }) => x.id === id);
      expect(item.subjectIdNumber).toMatch(/^4113\*{10}/);
      const deptDetail = await detail(id, c.dept);
      expect(deptDetail.warning.subjectIdNumber).toMatch(/^4113\*{10}/); // a department may not reveal
      expect(deptDetail.actions).toEqual([]);
      expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'warning.create' AND entity_id = $1`, [String(id)])).toBe(1);
      expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'warning.view' AND entity_id = $1`, [String(id)])).toBeGreaterThanOrEqual(2);
    });

    it('takes a name + village; a department may name any village of the county, an area cadre only its own', async () => {
      const id = await push(c.dept!, { name: '无档人员', villageCode: VILLAGE_OTHER, riskTypes: ['accident', 'illness'] });
      expect((await detail(id)).warning).toMatchObject({ householdId: null, subjectName: '无档人员', villageCode: VILLAGE_OTHER, riskTypeLabels: ['因意外事故', '因病'] });
      const before = await count('SELECT count(*) AS n FROM warning');
      const r = await req(c.village!, 'POST', '/api/warnings', { name: '外村人', villageCode: VILLAGE_OTHER, riskTypes: ['illness'], description: 'x' });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.fields).toEqual([{ field: 'villageCode', message: '所属村不在您的管辖范围内' }]);
      expect(await count('SELECT count(*) AS n FROM warning')).toBe(before);
    });

    it('refuses bad input with 400 naming the field and writes nothing', async () => {
      const before = await count('SELECT count(*) AS n FROM warning');
      const audits = await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'warning.create'`);
      const bad = await req(c.dept!, 'POST', '/api/warnings', { idNumber: badCheckDigit(hh.H1!.ids[0]!), riskTypes: ['illness'], description: 'x' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toMatchObject({ message: '证件号码有误：身份证号码校验位错误', fields: [{ field: 'idNumber', message: '身份证号码校验位错误' }] });
      const unknown = await req(c.dept!, 'POST', '/api/warnings', { name: '某人', villageCode: '411321101999', riskTypes: ['illness'], description: 'x' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error).toMatchObject({ message: '所属村代码 411321101999 不存在', fields: [{ field: 'villageCode', message: '所属村不存在' }] });
      const township = await req(c.dept!, 'POST', '/api/warnings', { name: '某人', villageCode: '411321101000', riskTypes: ['illness'], description: 'x' });
      expect(township.statusCode).toBe(400);
      const nothing = await req(c.dept!, 'POST', '/api/warnings', { riskTypes: ['illness'], description: 'x' });
      expect(nothing.statusCode).toBe(400);
      expect(nothing.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['name', 'villageCode']);
      const notFoundId = await req(c.dept!, 'POST', '/api/warnings', { idNumber: makeIdCard(COUNTY, '19900101', 777), riskTypes: ['illness'], description: 'x' });
      expect(notFoundId.statusCode).toBe(400);
      expect(notFoundId.json().error.message).toBe('该证件号码未在户籍台账和人口底册中找到，请填写姓名和所属村');
      const noRisk = await req(c.dept!, 'POST', '/api/warnings', { name: '某人', villageCode: VILLAGE_A, riskTypes: [], description: 'x' });
      expect(noRisk.statusCode).toBe(400);
      expect(noRisk.json().error.fields[0]).toMatchObject({ field: 'riskTypes', message: '请至少选择一项风险类型' });
      const six = await req(c.dept!, 'POST', '/api/warnings', { name: '某人', villageCode: VILLAGE_A, riskTypes: ['illness', 'disability', 'schooling', 'accident', 'other', 'lack_of_labour'], description: 'x' });
      expect(six.statusCode).toBe(400);
      const long = await req(c.dept!, 'POST', '/api/warnings', { name: '某人', villageCode: VILLAGE_A, riskTypes: ['illness'], description: '长'.repeat(2001) });
      expect(long.statusCode).toBe(400);
      expect(long.json().error.fields[0]).toMatchObject({ field: 'description', message: '情况说明不超过2000字' });
      const otherArea = await req(c.village!, 'POST', '/api/warnings', { idNumber: hh.H2!.ids[0], riskTypes: ['illness'], description: 'x' });
      expect(otherArea.statusCode).toBe(400);
      expect(otherArea.json().error.fields[0].field).toBe('idNumber');
      expect(await count('SELECT count(*) AS n FROM warning')).toBe(before);
      expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'warning.create'`)).toBe(audits);
    });

    it('matches the 公安 roster when the person is not in the registry', async () => {
      const rid = makeIdCard(COUNTY, '19850707', 901);
      await t.db.query(`INSERT INTO roster_person (identity_key, name, sex, birth_date, village_code) VALUES ($1, '底册人', 'male', '1985-07-07', $2)`, [rid, VILLAGE_A]);
      const id = await push(c.village!, { idNumber: rid });
      const d = await detail(id);
      expect(d.warning).toMatchObject({ subjectName: '底册人', householdId: null, subjectGroup: 'ordinary', departmentCode: null });
      expect(d.warning.rosterPersonId).toBeGreaterThan(0);
    });
  });

  describe('scope', () => {
    it('a village sees only its village; out of scope answers 404', async () => {
      const other = await push(c.county!, { idNumber: hh.H2!.ids[0] });
      const mine = await push(c.county!, { idNumber: hh.H1!.ids[0] });
      const list = (await req(c.village!, 'GET', '/api/warnings?pageSize=200')).json();
      expect(list.items.every((x: { villageCode: string }) => x.villageCode === VILLAGE_A)).toBe(true);
      expect(list.items.some((x: { id: number }) => x.id === mine)).toBe(true);
      expect((await req(c.village!, 'GET', `/api/warnings/${other}`)).statusCode).toBe(404);
      expect((await req(c.township!, 'GET', `/api/warnings/${other}/attachments`)).statusCode).toBe(404);
      const s = await req(c.township!, 'POST', `/api/warnings/${other}/steps`, { event: 'start_verification', expectedVersion: 1 });
      expect(s.statusCode).toBe(404);
      expect((await detail(other)).warning.state).toBe('pushed');
      const town = (await req(c.township!, 'GET', '/api/warnings?pageSize=200')).json();
      expect(town.items.every((x: { villageCode: string }) => x.villageCode.startsWith('411321101'))).toBe(true);
    });

    it('a department sees only the warnings its department pushed', async () => {
      const county = await push(c.county!, { idNumber: hh.H1!.ids[0], riskTypes: ['schooling'] });
      const list = (await req(c.dept!, 'GET', '/api/warnings?pageSize=200')).json();
      expect(list.total).toBeGreaterThan(0);
      expect(list.items.every((x: { departmentCode: string }) => x.departmentCode === 'medical_insurance')).toBe(true);
      expect((await req(c.dept!, 'GET', `/api/warnings/${county}`)).statusCode).toBe(404);
      // the county office, leader and inspector see all
      for (const u of ['county', 'leader', 'inspector']) expect((await req(c[u]!, 'GET', `/api/warnings/${county}`)).statusCode).toBe(200);
    });

    it('filters by state, source, department, area, risk type, household and text', async () => {
      const id = await push(c.dept!, { name: '筛选测试人', villageCode: VILLAGE_B, riskTypes: ['disaster_flood'] });
      const q = async (qs: string) => (await req(c.county!, 'GET', `/api/warnings?pageSize=200&${qs}`)).json().items.map((x: { id: number }) => x.id) as number[];
      expect(await q('riskType=disaster_flood')).toEqual([id]);
      expect(await q(`area=${VILLAGE_B}&department=medical_insurance&source=instant&state=pushed`)).toContain(id);
      expect(await q('source=comparison')).not.toContain(id);
      expect(await q(`q=${encodeURIComponent('筛选测试')}`)).toEqual([id]);
      expect(await q(`q=${id}`)).toEqual([id]);
      expect(await q(`householdId=${hh.H4!.id}`)).not.toContain(id);
      const bad = await req(c.county!, 'GET', '/api/warnings?state=nope');
      expect(bad.statusCode).toBe(400);
    });
  });

  describe('lifecycle', () => {
    it('纳入监测: 签收 → include opens an identification case, stores it, and writes the department credit once', async () => {
      const id = await push(c.dept!, { idNumber: hh.H4!.ids[0], riskTypes: ['illness', 'accident'] });
      const d0 = await detail(id, c.township);
      expect(d0.actions.map((a: { event: string }) => a.event)).toEqual(['start_verification', 'mark_duplicate']);
      const d1 = await ok(step(id, 'start_verification', { remarks: '已签收' }));
      expect(d1.warning.state).toBe('verifying');
      expect(d1.actions.map((a: { event: string }) => a.event)).toEqual(['include', 'mark_already_monitored', 'not_include', 'mark_duplicate']);
      const d2 = await ok(step(id, 'include', { remarks: '入户核实属实' }));
      expect(d2.warning).toMatchObject({ state: 'included', closedOn: today, outcomeRemarks: '入户核实属实' });
      expect(d2.linkedCase).toMatchObject({ kind: 'identification', terminal: false });
      const [cs] = await t.db.query(`SELECT household_id, source_warning_id, opened_on, facts FROM monitoring_case WHERE id = $1`, [d2.linkedCase.id]);
      expect(Number(cs!.household_id)).toBe(hh.H4!.id);
      expect(Number(cs!.source_warning_id)).toBe(id);
      expect(cs!.facts.riskTypes).toEqual(['illness', 'accident']);
      expect(d2.steps.map((s: { event: string }) => s.event)).toEqual(['open', 'start_verification', 'include']);
      expect(d2.credit).toEqual({ counts: true, points: 2, reason: '预警核实属实，已纳入监测', written: true });
      expect(await credits(id)).toBe(1);
      const [cr] = await t.db.query(`SELECT department_code, occurred_on FROM warning_credit WHERE source_type = 'warning' AND source_id = $1`, [String(id)]);
      expect(cr).toMatchObject({ department_code: 'medical_insurance', occurred_on: today });
      // terminal: nothing more; a further step is a 409 with no actions
      const again = await step(id, 'not_include', { remarks: 'x' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toBe('该事项纳入监测，不能再办理');
      await t.db.tx((q) => recordAssistanceAdded(q, id, t.ctxOf('township'), today));
      expect(await credits(id)).toBe(1);
      expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'warning.include' AND entity_id = $1`, [String(id)])).toBe(1);
    });

    it('纳入监测 of a roster or name-only clue needs a registry household in scope', async () => {
      const id = await push(c.dept!, { name: '未建档人', villageCode: VILLAGE_A });
      await ok(step(id, 'start_verification'));
      const cases = await count('SELECT count(*) AS n FROM monitoring_case');
      const none = await step(id, 'include', { remarks: '属实' });
      expect(none.statusCode).toBe(400);
      expect(none.json().error.message).toContain('须先在户籍台账中建档');
      expect(none.json().error.fields).toEqual([{ field: 'householdId', message: '须先在户籍台账中建档' }]);
      const out = await step(id, 'include', { remarks: '属实', payload: { householdId: hh.H2!.id } });
      expect(out.statusCode).toBe(400);
      expect(out.json().error.fields[0]).toMatchObject({ field: 'householdId', message: '所选农户不存在或不在您的管辖范围内' });
      expect(await count('SELECT count(*) AS n FROM monitoring_case')).toBe(cases);
      expect((await detail(id)).warning.state).toBe('verifying');
      // the village registers the household; the township then includes it
      const reg = await req(c.village!, 'POST', '/api/households', householdBody(VILLAGE_A, '未建档人'));
      const hid = reg.json().id;
      const d = await ok(step(id, 'include', { remarks: '已建档，属实', payload: { householdId: hid, riskTypes: ['illness'] } }));
      expect(d.warning).toMatchObject({ state: 'included', householdId: hid });
      expect(d.linkedCase.id).toBeGreaterThan(0);
    });

    it('已是监测对象 attaches to the household case; 400 when the household is not monitored and has no case; credit only once assistance is added', async () => {
      const plain = await push(c.dept!, { idNumber: hh.H1!.ids[0], riskTypes: ['disability'] });
      await ok(step(plain, 'start_verification'));
      const r = await step(plain, 'mark_already_monitored');
      expect(r.statusCode).toBe(400);
      expect(r.json().error.message).toContain('该户不是监测对象');
      expect((await detail(plain)).warning.state).toBe('verifying');

      const mon = await push(c.dept!, { idNumber: hh.H3!.ids[0] });
      await ok(step(mon, 'start_verification'));
      const d = await ok(step(mon, 'mark_already_monitored', { remarks: '该户已是边缘易致贫户' }));
      expect(d.warning.state).toBe('already_monitored');
      expect(d.warning.caseId).toBeNull(); // monitored from the registry, no case record yet
      expect(d.credit).toMatchObject({ counts: false, written: false });
      expect(await credits(mon)).toBe(0);
      await t.db.tx((q) => recordAssistanceAdded(q, mon, t.ctxOf('township'), today));
      await t.db.tx((q) => recordAssistanceAdded(q, mon, t.ctxOf('township'), today));
      expect(await credits(mon)).toBe(1);
      const after = await detail(mon);
      expect(after.warning.assistanceAdded).toBe(true);
      expect(after.credit).toMatchObject({ counts: true, reason: '预警核实后新增帮扶措施', written: true });

      // a household with an open identification case: attached to it
      const inc = await push(c.county!, { idNumber: hh.H1!.ids[1], riskTypes: ['illness'] });
      await ok(step(inc, 'start_verification'));
      const incd = await ok(step(inc, 'include', { remarks: '属实' }));
      const dup = await push(c.dept!, { idNumber: hh.H1!.ids[0], riskTypes: ['illness'] });
      await ok(step(dup, 'start_verification'));
      const attached = await ok(step(dup, 'mark_already_monitored'));
      expect(attached.warning.caseId).toBe(incd.linkedCase.id);
      expect(await credits(inc)).toBe(0); // pushed by the county office: no department
    });

    it('不纳入 needs a reason and 重复 a duplicate reference; neither writes credit', async () => {
      const a = await push(c.dept!, { name: '不纳入人', villageCode: VILLAGE_A });
      await ok(step(a, 'start_verification'));
      const noReason = await step(a, 'not_include', { remarks: '  ' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error).toMatchObject({ message: '「核实后不纳入」须填写理由', fields: [{ field: 'remarks' }] });
      const d = await ok(step(a, 'not_include', { remarks: '家庭收入稳定，高于监测范围' }));
      expect(d.warning).toMatchObject({ state: 'not_included', outcomeRemarks: '家庭收入稳定，高于监测范围' });
      expect(d.credit.counts).toBe(false);
      expect(await credits(a)).toBe(0);

      const b = await push(c.dept!, { name: '重复人', villageCode: VILLAGE_A });
      const noRef = await step(b, 'mark_duplicate');
      expect(noRef.statusCode).toBe(400);
      expect(noRef.json().error.fields).toEqual([{ field: 'duplicateOf', message: '标记为重复须指明与哪条预警或哪个案件重复' }]);
      const missing = await step(b, 'mark_duplicate', { payload: { duplicateOf: '99999999' } });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.message).toBe('预警 99999999 不存在或不在您的管辖范围内');
      const self = await step(b, 'mark_duplicate', { payload: { duplicateOf: String(b) } });
      expect(self.statusCode).toBe(400);
      expect((await detail(b)).warning.state).toBe('pushed');
      const dd = await ok(step(b, 'mark_duplicate', { payload: { duplicateOf: `W${a}` } }));
      expect(dd.warning).toMatchObject({ state: 'duplicate', duplicateOf: String(a) });
      expect(await credits(b)).toBe(0);
    });

    it('self-reports have no pushing department: 纳入监测 writes no credit', async () => {
      const id = await t.db.tx((q) => createWarning(q, { source: 'self_report', pushingDepartmentCode: null, villageCode: VILLAGE_B, householdId: hh.H4!.id, title: '农户自主申报', riskTypes: ['illness'], createdBy: null },
        { sourceType: 'self_report', explanation: { kind: 'self_report' } }, null, { at: new Date().toISOString(), today }));
      // H4 already has an open identification case from the first lifecycle test: close it so include may open one
      await t.db.query(`UPDATE monitoring_case SET terminal = true, state = 'rejected' WHERE household_id = $1`, [hh.H4!.id]);
      await ok(step(id, 'start_verification'));
      const d = await ok(step(id, 'include', { remarks: '属实' }));
      expect(d.warning.state).toBe('included');
      expect(d.credit).toMatchObject({ counts: false, reason: '非部门推送的预警，不计部门加分' });
      expect(await credits(id)).toBe(0);
    });

    it('wrong role → 403 naming who may; wrong state → 409 naming the allowed actions; stale version → 409', async () => {
      const id = await push(c.dept!, { name: '状态测试', villageCode: VILLAGE_A });
      const byVillage = await step(id, 'start_verification', {}, c.village);
      expect(byVillage.statusCode).toBe(403);
      expect(byVillage.json().error.message).toBe('预警核实办理只能由县联动办公室/乡村振兴局、乡镇干部进行');
      const byDept = await step(id, 'start_verification', {}, c.dept);
      expect(byDept.statusCode).toBe(403);
      const wrongState = await step(id, 'include', { remarks: 'x' });
      expect(wrongState.statusCode).toBe(409);
      expect(wrongState.json().error.message).toBe('当前环节「已推送」不能执行「纳入监测」；当前可执行：签收并开始核实、标记为重复');
      const unknownEvent = await step(id, 'fly');
      expect(unknownEvent.statusCode).toBe(409);
      const v = (await detail(id)).warning.version;
      await ok(req(c.township!, 'POST', `/api/warnings/${id}/steps`, { event: 'start_verification', expectedVersion: v }));
      const stale = await req(c.county!, 'POST', `/api/warnings/${id}/steps`, { event: 'not_include', remarks: '理由', expectedVersion: v });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.message).toBe('该事项已被他人办理，请刷新后重试');
      const noVersion = await req(c.county!, 'POST', `/api/warnings/${id}/steps`, { event: 'not_include', remarks: '理由' });
      expect(noVersion.statusCode).toBe(400);
      expect((await detail(id)).warning.state).toBe('verifying');
    });

    it('two users acting on the same version: one wins, the other gets 409', async () => {
      const id = await push(c.dept!, { name: '并发测试', villageCode: VILLAGE_A });
      await ok(step(id, 'start_verification'));
      const v = (await detail(id)).warning.version;
      const [a, b] = await Promise.all([
        req(c.township!, 'POST', `/api/warnings/${id}/steps`, { event: 'not_include', remarks: '乡镇：不属实', expectedVersion: v }),
        req(c.county!, 'POST', `/api/warnings/${id}/steps`, { event: 'mark_duplicate', payload: { duplicateOf: '1' }, expectedVersion: v }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const d = await detail(id);
      expect(d.steps).toHaveLength(3);
      expect(['not_included', 'duplicate']).toContain(d.warning.state);
    });

    it('step attachments must belong to the warning', async () => {
      const id = await push(c.dept!, { name: '附件测试', villageCode: VILLAGE_A });
      const file = multipart('诊断证明.png', PNG);
      const up2 = await t.app.inject({ method: 'POST', url: `/api/warnings/${id}/attachments`, headers: { cookie: c.dept!, ...file.headers }, payload: file.payload });
      expect(up2.statusCode, up2.body).toBe(201);
      const att = up2.json().id as number;
      const list = await ok(req(c.township!, 'GET', `/api/warnings/${id}/attachments`));
      expect(list.items.map((x: { id: number }) => x.id)).toContain(att);
      const other = await push(c.dept!, { name: '附件测试2', villageCode: VILLAGE_A });
      const bad = await step(other, 'start_verification', { attachments: [att] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].field).toBe('attachments');
      const d = await ok(step(id, 'start_verification', { attachments: [att] }));
      expect(d.steps[1].attachments).toEqual([att]);
      expect(d.attachments.map((x: { id: number }) => x.id)).toContain(att);
    });
  });

  describe('deadlines and settings', () => {
    it('lists overdue and due-soon warnings with the configured rule; the level above sees counts', async () => {
      await at('2025-04-01');
      const old = await push(c.dept!, { name: '逾期人', villageCode: VILLAGE_B });
      await at('2025-04-05');
      const soon = await push(c.dept!, { name: '将到期人', villageCode: VILLAGE_A });
      await at('2025-04-09'); // old due 04-06 (overdue), soon due 04-10 (due soon: 1 day left)
      const ids = async (qs: string, cookie = c.county!) => (await req(cookie, 'GET', `/api/warnings?pageSize=200&${qs}`)).json().items.map((x: { id: number }) => x.id) as number[];
      expect(await ids('deadline=overdue')).toContain(old);
      expect(await ids('deadline=overdue')).not.toContain(soon);
      expect(await ids('deadline=due_soon')).toContain(soon);
      expect(await ids('deadline=due_soon')).not.toContain(old);
      const d = await detail(old);
      expect(d.warning.deadline).toMatchObject({ dueOn: '2025-04-06', status: 'overdue', text: '预警核实：2025-04-06 到期，已逾期 3 天' });

      const county = await ok(req(c.county!, 'GET', '/api/warnings/overdue-summary'));
      expect(county.level).toBe('township');
      const liushan = county.items.find((x: { areaCode: string }) => x.areaCode === '411321101');
      expect(liushan.areaName).toBe('留山镇');
      expect(liushan.overdue).toBe(await count(`SELECT count(*) AS n FROM warning WHERE NOT terminal AND opened_on <= '2025-04-04' AND village_code LIKE '411321101%'`));
      expect(liushan.overdue).toBeGreaterThan(0);
      const town = await ok(req(c.township!, 'GET', '/api/warnings/overdue-summary'));
      expect(town.level).toBe('village');
      expect(town.items.every((x: { areaCode: string }) => x.areaCode.startsWith('411321101') && x.areaCode.length === 12)).toBe(true);
      expect(town.items.find((x: { areaCode: string }) => x.areaCode === VILLAGE_B).overdue).toBeGreaterThan(0);

      // the office lengthens the deadline to 10 days: nothing is overdue any more for 04-01
      const put = await ok(req(c.county!, 'PUT', '/api/warnings/settings', { verificationDays: 10, counting: 'calendar', dueSoonDays: 2 }));
      expect(put).toMatchObject({ verificationDays: 10, counting: 'calendar', dueSoonDays: 2, updatedBy: '测试county' });
      expect(await ids('deadline=overdue')).not.toContain(old);
      expect((await detail(old)).warning.deadline).toMatchObject({ dueOn: '2025-04-11', status: 'due_soon' });
      expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'warning_setting.update'`)).toBe(1);
      // working days: 2025-04-01 (Tue) + 3 working days = 04-04 (Fri)
      await ok(req(c.county!, 'PUT', '/api/warnings/settings', { verificationDays: 3, counting: 'working', dueSoonDays: 1 }));
      expect((await detail(old)).warning.deadline.dueOn).toBe('2025-04-04');
      expect(await ids('deadline=overdue')).toContain(old);
      await ok(req(c.county!, 'PUT', '/api/warnings/settings', { verificationDays: 5, counting: 'calendar', dueSoonDays: 1 }));
      today = '2025-03-10'; // back in time: the sessions stay valid
    });

    it('refuses bad settings with 400 and keeps the old ones', async () => {
      const bad = await req(c.county!, 'PUT', '/api/warnings/settings', { verificationDays: 3, counting: 'calendar', dueSoonDays: 5 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields).toEqual([{ field: 'dueSoonDays', message: '即将到期提醒天数应为0到核实时限之间的整数' }]);
      const zero = await req(c.county!, 'PUT', '/api/warnings/settings', { verificationDays: 0, counting: 'calendar', dueSoonDays: 0 });
      expect(zero.statusCode).toBe(400);
      expect((await req(c.township!, 'PUT', '/api/warnings/settings', { verificationDays: 5, counting: 'calendar', dueSoonDays: 1 })).statusCode).toBe(403);
      expect(await ok(req(c.township!, 'GET', '/api/warnings/settings'))).toMatchObject({ verificationDays: 5, counting: 'calendar', dueSoonDays: 1 });
    });
  });

  describe('figures', () => {
    it('computes the funnel on a hand-made 2024 dataset, by source, department and area, per scope', async () => {
      today = '2024-06-03';
      const w1 = await push(c.dept!, { idNumber: hh.H1!.ids[0] }); // → included (H1: 2 members)
      const w2 = await push(c.dept!, { name: '甲', villageCode: VILLAGE_B }); // → not included, late (06-10 > due 06-08)
      const w3 = await push(c.county!, { idNumber: hh.H2!.ids[0] }); // stays open → overdue at 06-20
      const w4 = await push(c.dept!, { idNumber: hh.H3!.ids[1] }); // → already monitored
      const w5 = await push(c.dept!, { name: '乙', villageCode: VILLAGE_A }); // → duplicate of w1
      // H1 has an open identification case from the lifecycle tests: close it so include may open a new one
      await t.db.query(`UPDATE monitoring_case SET terminal = true, state = 'rejected' WHERE household_id = $1`, [hh.H1!.id]);
      await ok(step(w1, 'start_verification'));
      await ok(step(w1, 'include', { remarks: '属实' }));
      await ok(step(w4, 'start_verification'));
      await ok(step(w4, 'mark_already_monitored'));
      await ok(step(w5, 'mark_duplicate', { payload: { duplicateOf: String(w1) } }));
      await ok(step(w2, 'start_verification'));
      today = '2024-06-10';
      await ok(step(w2, 'not_include', { remarks: '不属实' }));
      today = '2024-06-20';
      void w3;

      const f = await ok(req(c.county!, 'GET', '/api/warnings/figures?period=year&year=2024'));
      expect(f.period).toMatchObject({ from: '2024-01-01', to: '2024-12-31', label: '2024年' });
      expect(f.total).toEqual({ pushed: 5, verified: 4, included: 1, alreadyMonitored: 1, notIncluded: 1, duplicate: 1, households: 1, persons: 2, overdueOpen: 1, verifiedLate: 1 });
      expect(f.bySource.find((x: { source: string }) => x.source === 'instant')).toMatchObject({ pushed: 5, included: 1 });
      expect(f.bySource.find((x: { source: string }) => x.source === 'comparison')).toMatchObject({ pushed: 0 });
      expect(f.byDepartment).toEqual([{ departmentCode: 'medical_insurance', label: expect.any(String), pushed: 4, verified: 4, included: 1, alreadyMonitored: 1, notIncluded: 1, duplicate: 1, households: 1, persons: 2, overdueOpen: 0, verifiedLate: 1 }]);
      expect(f.areaLevel).toBe('township');
      expect(f.byArea.map((x: { areaCode: string; label: string; pushed: number; overdueOpen: number }) => [x.areaCode, x.label, x.pushed, x.overdueOpen]))
        .toEqual([['411321101', '留山镇', 4, 0], ['411321105', '板山坪镇', 1, 1]]);

      const town = await ok(req(c.township!, 'GET', '/api/warnings/figures?period=year&year=2024'));
      expect(town.total.pushed).toBe(4);
      expect(town.areaLevel).toBe('village');
      expect(town.byArea.map((x: { areaCode: string; pushed: number }) => [x.areaCode, x.pushed])).toEqual([[VILLAGE_A, 3], [VILLAGE_B, 1]]);
      const dept = await ok(req(c.dept!, 'GET', '/api/warnings/figures?period=year&year=2024'));
      expect(dept.total).toMatchObject({ pushed: 4, included: 1, households: 1, persons: 2 });
      const q2 = await ok(req(c.county!, 'GET', '/api/warnings/figures?period=quarter&year=2024&quarter=2'));
      expect(q2.total.pushed).toBe(5);
      const may = await ok(req(c.county!, 'GET', '/api/warnings/figures?period=month&year=2024&month=5'));
      expect(may.total.pushed).toBe(0);
      const area = await ok(req(c.county!, 'GET', `/api/warnings/figures?period=year&year=2024&area=${VILLAGE_B}`));
      expect(area.total).toMatchObject({ pushed: 1, notIncluded: 1, verifiedLate: 1 });
      expect((await req(c.county!, 'GET', '/api/warnings/figures?period=month&month=13')).statusCode).toBe(400);

      const x = await req(c.county!, 'GET', '/api/warnings/figures.xlsx?period=year&year=2024');
      expect(x.statusCode).toBe(200);
      expect(x.headers['content-type']).toContain('spreadsheetml');
      expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
      expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'warning.export'`)).toBe(1);
      expect((await req(c.dept!, 'GET', '/api/warnings/figures.xlsx')).statusCode).toBe(403);
      today = '2025-03-10';
    });
  });
});

/**
 * Screening coverage on the figures (issue 3 §8): a hand-made county where visits are recorded through the screening
 * API in the February and March 村级月排查 rounds and a spring 集中排查 (2026-03-01 … 04-15).
 */
describe.each(engines)('warning figures: screening coverage on %s', (engine) => {
  let t: TestApp;
  let today = '2026-02-10';
  const clock = () => new Date(`${today}T04:00:00Z`);
  const c: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const rounds: Record<string, number> = {};
  const OTHER_TOWNSHIP = VILLAGE_OTHER.slice(0, 9);

  const req = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const ok = async (p: Promise<{ statusCode: number; body: string; json: () => any }>, status = 200) => {
    const r = await p;
    expect(r.statusCode, r.body).toBe(status);
    return r.json();
  };
  const login = async () => { for (const u of ['county', 'township', 'village', 'dept', 'leader']) c[u] = await t.login(u); };
  const visit = (cookie: string, round: number, household: number, body: object) =>
    ok(req(cookie, 'POST', `/api/screening/rounds/${round}/visits`, { householdId: household, ...body }), 201);
  type Row = { areaCode: string; label: string; planned: number; visited: number; percent: number; riskFound: number };
  const byCode = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.areaCode, { planned: r.planned, visited: r.visited, percent: r.percent, riskFound: r.riskFound }]));

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    await login();
    // 大沟村 a1 脱贫户, a2 监测户, a3 一般农户; 上官村 b1 脱贫户; 天云村 (板山坪镇) o1 脱贫户.
    for (const [key, v] of [['a1', VILLAGE_A], ['a2', VILLAGE_A], ['a3', VILLAGE_A], ['b1', VILLAGE_B], ['o1', VILLAGE_OTHER]] as const) {
      const r = await req(c.county!, 'POST', '/api/households', householdBody(v, `户主${key}`));
      expect(r.statusCode, r.body).toBe(201);
      ids[key] = r.json().id;
    }
    await t.db.query(`UPDATE household SET household_type = 'alleviated', alleviation_year = 2016 WHERE id = ANY($1)`, [[ids.a1, ids.b1, ids.o1]]);
    await t.db.query(`UPDATE household SET monitor_category = 'marginal', monitor_identified_on = '2025-06-01' WHERE id = $1`, [ids.a2]);
    // February round: 大沟村 visits a1 (no risk) and a2 (risk → warning); the township visits b1.
    rounds.feb = (await ok(req(c.village!, 'GET', '/api/screening/rounds'))).items[0].id;
    await visit(c.village!, rounds.feb!, ids.a1!, { result: 'no_risk' });
    await visit(c.village!, rounds.feb!, ids.a2!, { result: 'risk_found', riskTypes: ['illness'], note: '住院' });
    await visit(c.township!, rounds.feb!, ids.b1!, { result: 'no_risk' });
    // March round: a3 (ordinary) visited with a risk found; spring campaign: a1 visited.
    today = '2026-03-15';
    await login();
    rounds.mar = (await ok(req(c.village!, 'GET', '/api/screening/rounds'))).items.find((r: { month: string | null }) => r.month === '2026-03').id;
    await visit(c.village!, rounds.mar!, ids.a3!, { result: 'risk_found', riskTypes: ['accident'], note: '户主摔伤' });
    rounds.camp = (await ok(req(c.county!, 'POST', '/api/screening/rounds', { name: '2026年春季集中排查', startsOn: '2026-03-01', endsOn: '2026-04-15' }), 201)).id;
    await visit(c.village!, rounds.camp!, ids.a1!, { result: 'no_risk' });
  });
  afterAll(() => t?.close());

  it('gives coverage per round and per kind by township for the county, in the period', async () => {
    // Planned lists are computed from today's registry: monthly = a1, a2 (监测户, open warning), a3 (open warning), b1, o1; campaign = all five.
    const f = await ok(req(c.county!, 'GET', '/api/warnings/figures?period=quarter&year=2026&quarter=1'));
    const s = f.screening;
    expect(s.area).toEqual({ code: COUNTY, name: expect.any(String), level: 'county' });
    expect(s.rounds.map((r: { id: number; kind: string; name: string }) => [r.id, r.kind, r.name]))
      .toEqual([[rounds.feb, 'monthly', '2026年2月村级月排查'], [rounds.mar, 'monthly', '2026年3月村级月排查'], [rounds.camp, 'campaign', '2026年春季集中排查']]);
    const [feb, mar, camp] = s.rounds;
    expect(feb).toMatchObject({ kindLabel: '村级月排查', startsOn: '2026-02-01', endsOn: '2026-02-28', phase: 'finished', phaseLabel: '已结束', total: { planned: 5, visited: 3, percent: 60, riskFound: 1 } });
    expect(byCode(feb.rows)).toMatchObject({ [TOWNSHIP]: { planned: 4, visited: 3, percent: 75, riskFound: 1 }, [OTHER_TOWNSHIP]: { planned: 1, visited: 0, percent: 0, riskFound: 0 } });
    expect(feb.rows.find((r: Row) => r.areaCode === TOWNSHIP).label).toBe('留山镇');
    // every township of the county is listed; those without households have nothing planned
    expect(feb.rows.filter((r: Row) => r.areaCode !== TOWNSHIP && r.areaCode !== OTHER_TOWNSHIP).every((r: Row) => r.planned === 0 && r.visited === 0)).toBe(true);
    expect(mar.total).toEqual({ planned: 5, visited: 1, percent: 20, riskFound: 1 });
    expect(byCode(mar.rows)[TOWNSHIP]).toEqual({ planned: 4, visited: 1, percent: 25, riskFound: 1 });
    expect(camp).toMatchObject({ kindLabel: '集中排查', phase: 'open', total: { planned: 5, visited: 1, percent: 20, riskFound: 0 } });
    const [monthly, campaign] = s.byKind;
    expect(monthly).toMatchObject({ kind: 'monthly', rounds: 2, total: { planned: 10, visited: 4, percent: 40, riskFound: 2 } });
    expect(byCode(monthly.rows)).toMatchObject({ [TOWNSHIP]: { planned: 8, visited: 4, percent: 50, riskFound: 2 }, [OTHER_TOWNSHIP]: { planned: 2, visited: 0, percent: 0 } });
    expect(campaign).toMatchObject({ kind: 'campaign', rounds: 1, total: { planned: 5, visited: 1, percent: 20, riskFound: 0 } });
    // the risks found became screening warnings, which the funnel counts
    expect(f.bySource.find((x: { source: string }) => x.source === 'screening')).toMatchObject({ pushed: 2 });
  });

  it('selects the rounds of the period: a month holds its own round, a campaign counts where it overlaps', async () => {
    const feb = (await ok(req(c.county!, 'GET', '/api/warnings/figures?period=month&year=2026&month=2'))).screening;
    expect(feb.rounds.map((r: { id: number }) => r.id)).toEqual([rounds.feb]);
    expect(feb.byKind.map((k: { kind: string; rounds: number }) => [k.kind, k.rounds])).toEqual([['monthly', 1], ['campaign', 0]]);
    expect(feb.byKind[1].total).toEqual({ planned: 0, visited: 0, percent: 100, riskFound: 0 });
    const apr = (await ok(req(c.county!, 'GET', '/api/warnings/figures?period=month&year=2026&month=4'))).screening;
    expect(apr.rounds.map((r: { id: number }) => r.id)).toEqual([rounds.camp]);
    const y2025 = (await ok(req(c.county!, 'GET', '/api/warnings/figures?period=year&year=2025'))).screening;
    expect(y2025.rounds).toEqual([]);
    expect(y2025.byKind.map((k: { rounds: number }) => k.rounds)).toEqual([0, 0]);
  });

  it('goes one level down within the scope: township → villages, village → itself; departments get none', async () => {
    const town = (await ok(req(c.township!, 'GET', '/api/warnings/figures?period=quarter&year=2026&quarter=1'))).screening;
    expect(town.area).toMatchObject({ code: TOWNSHIP, level: 'township' });
    expect(byCode(town.rounds[0].rows)).toMatchObject({ [VILLAGE_A]: { planned: 3, visited: 2, percent: 66.7, riskFound: 1 }, [VILLAGE_B]: { planned: 1, visited: 1, percent: 100, riskFound: 0 } });
    expect(town.rounds[0].rows.some((r: Row) => r.areaCode.startsWith(OTHER_TOWNSHIP))).toBe(false);
    expect(town.rounds[0].total).toEqual({ planned: 4, visited: 3, percent: 75, riskFound: 1 });
    const countyDown = (await ok(req(c.county!, 'GET', `/api/warnings/figures?period=quarter&year=2026&quarter=1&area=${TOWNSHIP}`))).screening;
    expect(countyDown.byKind[0].rows).toEqual(town.byKind[0].rows);
    const village = (await ok(req(c.village!, 'GET', '/api/warnings/figures?period=quarter&year=2026&quarter=1'))).screening;
    expect(village.byKind[0].rows).toEqual([{ areaCode: VILLAGE_A, label: '大沟村', planned: 6, visited: 3, percent: 50, riskFound: 2 }]);
    expect((await ok(req(c.dept!, 'GET', '/api/warnings/figures?period=quarter&year=2026&quarter=1'))).screening).toBeNull();
    expect((await ok(req(c.leader!, 'GET', '/api/warnings/figures?period=quarter&year=2026&quarter=1'))).screening.byKind[0].total.planned).toBe(10);
  });

  it('answers 404 for an area outside the scope, and 400 for a bad area code, writing nothing', async () => {
    const before = Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`))[0]!.n);
    for (const [cookie, url] of [
      [c.township!, `/api/warnings/figures?period=year&year=2026&area=${VILLAGE_OTHER}`],
      [c.village!, `/api/warnings/figures?period=year&year=2026&area=${VILLAGE_B}`],
      [c.county!, '/api/warnings/figures?period=year&year=2026&area=411322'],
      [c.township!, `/api/warnings/figures.xlsx?period=year&year=2026&area=${OTHER_TOWNSHIP}`],
    ] as const) {
      const r = await req(cookie, 'GET', url);
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error.message).toBe('区域不存在或不在您的管辖范围内');
    }
    const bad = await req(c.county!, 'GET', '/api/warnings/figures?area=41a');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ field: 'area', message: '区域代码无效' }]);
    expect(Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`))[0]!.n)).toBe(before);
  });

  it('exports the coverage as sheet 排查覆盖 with the same numbers', async () => {
    const x = await req(c.county!, 'GET', '/api/warnings/figures.xlsx?period=quarter&year=2026&quarter=1');
    expect(x.statusCode, x.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总体', '按来源', '按部门', '按乡镇', '排查覆盖']);
    const sheet = wb.getWorksheet('排查覆盖')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '排查轮次', '类型', '起止日期', '状态', '区域', '计划走访户数', '已走访户数', '覆盖率（%）', '发现风险（转预警）']);
    const rows = sheet.getSheetValues().slice(2).map((r) => Array.from((r as unknown[]).slice(1), (v) => v ?? ''));
    const find = (name: string, area: string) => rows.find((r) => r[0] === name && r[4] === area);
    expect(find('村级月排查（本期2轮汇总）', '留山镇')).toEqual(['村级月排查（本期2轮汇总）', '村级月排查', '', '', '留山镇', 8, 4, 50, 2]);
    expect(find('村级月排查（本期2轮汇总）', '合计')!.slice(5)).toEqual([10, 4, 40, 2]);
    expect(find('集中排查（本期1轮汇总）', '合计')!.slice(5)).toEqual([5, 1, 20, 0]);
    expect(find('2026年2月村级月排查', '留山镇')).toEqual(['2026年2月村级月排查', '村级月排查', '2026-02-01 至 2026-02-28', '已结束', '留山镇', 4, 3, 75, 1]);
    expect(find('2026年3月村级月排查', '合计')!.slice(5)).toEqual([5, 1, 20, 1]);
    expect(find('2026年春季集中排查', '留山镇')!.slice(2)).toEqual(['2026-03-01 至 2026-04-15', '进行中', '留山镇', 4, 1, 25, 0]);
    expect(await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'warning.export'`)).toHaveLength(1);
  });
});
