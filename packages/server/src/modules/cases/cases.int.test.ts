import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../../testing/engines.js';
import { COUNTY, createTestApp, householdBody, PASSWORD, VILLAGE_A, VILLAGE_B, VILLAGE_OTHER, type TestApp } from '../../testing/fixture.js';
import { movableClock } from '../linkage/cycle/cycle.test-support.js';

const engines = await availableEngines();

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const MAX = 32 * 1024;

function multipart(cookie: string, fileName: string, data: Buffer, contentType = 'image/png') {
  const boundary = '----shouwangcase' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head, 'utf8'), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(engines)('identification and elimination cases on %s', (engine) => {
  let t: TestApp;
  const clock = movableClock('2026-03-02');
  const c: Record<string, string> = {};

  const req = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const newHousehold = async (village: string, name: string) => {
    const r = await req(c.county!, 'POST', '/api/households', householdBody(village, name));
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as number;
  };
  const detail = async (id: number, who = 'county') => (await req(c[who]!, 'GET', `/api/cases/${id}`)).json();
  const step = async (who: string, id: number, event: string, extra: Record<string, unknown> = {}) => {
    const d = await detail(id);
    return req(c[who]!, 'POST', `/api/cases/${id}/steps`, { event, expectedVersion: d.case.version, ...extra });
  };
  const ok = async (who: string, id: number, event: string, extra: Record<string, unknown> = {}) => {
    const r = await step(who, id, event, extra);
    expect(r.statusCode, `${who} ${event}: ${r.body}`).toBe(200);
    return r.json();
  };
  const stepCount = async (id: number) => Number((await t.db.query(`SELECT count(*) AS n FROM workflow_step WHERE case_id = $1 AND machine IN ('identification', 'elimination')`, [id]))[0]!.n);
  /** Move the business date (sessions live a year here, so nobody has to sign in again). */
  const setDay = async (day: string) => clock.set(day);
  const assignHelper = async (householdId: number) => {
    const [hp] = await t.db.query<{ id: number }>(`INSERT INTO helper_person (name, unit, area_code) VALUES ('帮扶人甲', '县农业农村局', $1) RETURNING id`, [COUNTY]);
    await t.db.query(`INSERT INTO helper_assignment (household_id, helper_id, assigned_on) VALUES ($1, $2, '2026-03-01')`, [householdId, hp!.id]);
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { clock, attachmentMaxBytes: MAX, config: { SESSION_TTL_HOURS: 24 * 365 } });
    const admin = await t.login('admin');
    const r = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin }, payload: { username: 'county2', displayName: '测试county2', role: 'county_office', areaCode: COUNTY, password: PASSWORD } });
    expect(r.statusCode, r.body).toBe(201);
    for (const u of ['county', 'county2', 'township', 'village', 'leader', 'helper']) c[u] = await t.login(u);
  });
  afterAll(() => t?.close());

  let identHousehold = 0;
  let identCase = 0;

  it('runs the whole identification path with the right users, with notices, objections and deadlines', async () => {
    await setDay('2026-03-02');
    identHousehold = await newHousehold(VILLAGE_A, '王守田');
    const open = await req(c.village!, 'POST', '/api/cases/identification', { householdId: identHousehold, riskTypes: ['illness', 'accident'], clueOn: '2026-03-01' });
    expect(open.statusCode, open.body).toBe(201);
    identCase = open.json().case.id;
    const d0 = open.json();
    expect(d0.case).toMatchObject({ state: 'verifying', openedOn: '2026-03-01', urgency: 'on_time' });
    expect(d0.deadlines[0]).toMatchObject({ rule: 'identification', date: '2026-03-16' });
    expect(d0.actions.map((a: { event: string }) => a.event).sort()).toEqual(['record_home_visit', 'reject', 'withdraw']);
    expect(d0.household).not.toHaveProperty('phone');

    // 入户核实 needs the signed 承诺授权书.
    const noAuth = await step('village', identCase, 'record_home_visit');
    expect(noAuth.statusCode).toBe(409);
    expect(noAuth.json().error.message).toContain('承诺授权书');
    const up = await t.app.inject({ method: 'POST', url: `/api/cases/${identCase}/attachments`, ...multipart(c.village!, '承诺授权书.png', PNG) });
    expect(up.statusCode, up.body).toBe(201);
    const aid = up.json().id as number;
    const noFile = await req(c.village!, 'PUT', `/api/cases/${identCase}/facts`, { authorizationSigned: true, expectedVersion: 1 });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.message).toBe('请先上传农户签署的承诺授权书扫描件或照片');
    expect((await req(c.village!, 'PUT', `/api/cases/${identCase}/facts`, { authorizationSigned: true, authorizationAttachmentId: aid, expectedVersion: 1 })).statusCode).toBe(200);

    const visit = await ok('village', identCase, 'record_home_visit', { remarks: '入户核实，家庭成员患病', attachments: [aid] });
    expect(visit.case.state).toBe('verifying');
    expect(visit.case.subSteps).toEqual([{ id: 'home_visit', label: '入户核实', done: true }, { id: 'data_check', label: '信息比对', done: false }]);
    expect((await ok('township', identCase, 'record_data_check', { remarks: '比对无异常' })).case.state).toBe('village_review');

    // Wrong role: 403 naming who may.
    const wrongRole = await step('township', identCase, 'approve');
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json().error.message).toBe('「民主评议通过，张贴公示」只能由村干部/网格员/驻村第一书记办理');

    // 公示: generated from the village's cases waiting for it, no ID numbers or phones, printable and as PDF.
    const gen = await req(c.village!, 'POST', '/api/case-notices', { kind: 'identification_publicity', villageCode: VILLAGE_A, contactPhone: '0377-6921234' });
    expect(gen.statusCode, gen.body).toBe(201);
    const notice = gen.json().notice;
    expect(notice).toMatchObject({ status: 'draft', caseIds: [identCase] });
    const text = notice.content.text as string;
    expect(text).toContain('王守田');
    expect(text).toContain('刚性支出较大');
    expect(text).toContain('待定');
    expect(text).not.toMatch(/\d{15,}/);
    expect(text).not.toContain('13800001234');
    expect(text).not.toContain('因病');
    const print = await req(c.village!, 'GET', `/api/case-notices/${notice.id}/print`);
    expect(print.statusCode).toBe(200);
    expect(print.headers['content-type']).toContain('text/html');
    expect(print.body).toContain('草稿（尚未张贴）');
    const pdf = await req(c.village!, 'GET', `/api/case-notices/${notice.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // A township cadre cannot post a village's 公示 (the step is the village's).
    const townshipPost = await req(c.township!, 'POST', `/api/case-notices/${notice.id}/post`);
    expect(townshipPost.statusCode).toBe(403);
    expect(townshipPost.json().error.message).toContain('只能由村干部');
    const posted = await req(c.village!, 'POST', `/api/case-notices/${notice.id}/post`);
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json().notice).toMatchObject({ status: 'posted', postedOn: '2026-03-02', periodFrom: '2026-03-02', periodTo: '2026-03-06', earliestNextOn: '2026-03-07' });
    expect((await detail(identCase)).case.state).toBe('publicity');

    // The 公示期 is a minimum.
    await setDay('2026-03-05');
    const early = await step('village', identCase, 'complete_publicity');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('村内公示期未满');

    // An objection pauses the case until it is resolved.
    const obj = await ok('township', identCase, 'raise_objection', { remarks: '村民反映该户收入较高' });
    expect(obj.case).toMatchObject({ paused: true, openObjections: 1 });
    await setDay('2026-03-08');
    const paused = await step('village', identCase, 'complete_publicity');
    expect(paused.statusCode).toBe(409);
    expect(paused.json().error.message).toContain('异议待处理');
    const noticeView = (await req(c.village!, 'GET', `/api/case-notices/${notice.id}`)).json();
    expect(noticeView.objections).toEqual([expect.objectContaining({ caseId: identCase, event: 'raise_objection', remarks: '村民反映该户收入较高' })]);
    await ok('village', identCase, 'resolve_objection', { remarks: '经核实收入情况属实，异议不成立' });
    expect((await ok('village', identCase, 'complete_publicity')).case.state).toBe('township_review');

    // Wrong state: 409 listing what may be done.
    const wrongState = await step('township', identCase, 'publish_result');
    expect(wrongState.statusCode).toBe(409);
    expect(wrongState.json().error.message).toBe('当前环节「乡镇审核」不能执行「结果公告」；当前可执行：乡镇审核通过、驳回（不予纳入）、撤回');

    expect((await ok('township', identCase, 'approve', { remarks: '同意' })).case.state).toBe('county_approval');
    // 县级审批 needs a 帮扶责任人.
    const noHelper = await step('county', identCase, 'approve');
    expect(noHelper.statusCode).toBe(409);
    expect(noHelper.json().error.message).toContain('帮扶责任人');
    await assignHelper(identHousehold);
    await setDay('2026-03-10');
    expect((await ok('county', identCase, 'approve', { remarks: '同意纳入' })).case.state).toBe('announcement');
    const approval = await t.db.query(`SELECT on_date FROM workflow_step WHERE machine = 'identification' AND case_id = $1 AND event = 'approve' AND from_state = 'county_approval'`, [identCase]);
    expect(approval).toEqual([{ on_date: '2026-03-10' }]);

    // 结果公告 by the county.
    const result = await req(c.county!, 'POST', '/api/case-notices', { kind: 'identification_result', villageCode: VILLAGE_A });
    expect(result.statusCode, result.body).toBe(201);
    expect((await req(c.county!, 'POST', `/api/case-notices/${result.json().notice.id}/post`)).statusCode).toBe(200);
    expect((await detail(identCase)).case.state).toBe('filing');

    // 录入建档 needs the category; then the household is a 监测对象.
    const noCat = await step('village', identCase, 'file');
    expect(noCat.statusCode).toBe(409);
    expect(noCat.json().error.message).toContain('监测对象类别');
    expect((await req(c.village!, 'PUT', `/api/cases/${identCase}/facts`, { monitorCategory: 'marginal', riskTypes: ['illness'], expectedVersion: (await detail(identCase)).case.version })).statusCode).toBe(200);
    const filed = await ok('village', identCase, 'file');
    expect(filed.case).toMatchObject({ state: 'done', terminal: true });
    expect(filed.actions).toEqual([]);
    const [h] = await t.db.query('SELECT monitor_category, monitor_identified_on, risk_types, risk_eliminated FROM household WHERE id = $1', [identHousehold]);
    expect(h).toEqual({ monitor_category: 'marginal', monitor_identified_on: '2026-03-10', risk_types: ['illness'], risk_eliminated: false });
    const hist = await t.db.query(`SELECT changes FROM household_history WHERE household_id = $1 AND entity_type = 'household' AND action = 'update'`, [identHousehold]);
    expect(hist.some((r) => (r.changes as Record<string, unknown>).monitorCategory)).toBe(true);
    const audits = await t.db.query(`SELECT action FROM audit_log WHERE entity_type = 'monitoring_case' AND entity_id = $1 AND action = 'identification_case.step'`, [String(identCase)]);
    expect(audits.length).toBe(await stepCount(identCase) - 1);
    const steps = (await detail(identCase)).steps as { event: string; actorName: string; remarks: string | null; attachments: number[] }[];
    expect(steps.map((s) => s.event)).toEqual(['open', 'record_home_visit', 'record_data_check', 'approve', 'raise_objection', 'resolve_objection', 'complete_publicity', 'approve', 'approve', 'publish_result', 'file']);
    expect(steps[1]).toMatchObject({ actorName: '测试village', remarks: '入户核实，家庭成员患病', attachments: [aid] });
    // The household page lists it; a second identification is refused while monitored.
    const hc = (await req(c.village!, 'GET', `/api/households/${identHousehold}/cases`)).json();
    expect(hc.cases.map((x: { id: number }) => x.id)).toEqual([identCase]);
    expect(hc).toMatchObject({ canOpenIdentification: false, canOpenElimination: true, canRollback: false });
    const again = await req(c.village!, 'POST', '/api/cases/identification', { householdId: identHousehold, riskTypes: ['illness'] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该户已是监测对象（边缘易致贫户），无需重复识别纳入');
  });

  it('refuses bad input to open a case, and out-of-scope cases answer 404', async () => {
    await setDay('2026-03-10');
    const hid = await newHousehold(VILLAGE_A, '赵二河');
    const before = await t.db.query('SELECT count(*) AS n FROM monitoring_case');
    const bad = await req(c.village!, 'POST', '/api/cases/identification', { householdId: hid, riskTypes: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].message).toBe('请至少选择一项风险类型');
    const future = await req(c.village!, 'POST', '/api/cases/identification', { householdId: hid, riskTypes: ['illness'], clueOn: '2026-04-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toBe('线索发现日期无效或晚于今天');
    expect(await t.db.query('SELECT count(*) AS n FROM monitoring_case')).toEqual(before);

    const otherHousehold = await newHousehold(VILLAGE_OTHER, '孙远山');
    expect((await req(c.village!, 'POST', '/api/cases/identification', { householdId: otherHousehold, riskTypes: ['illness'] })).statusCode).toBe(404);
    const otherCase = (await req(c.county!, 'POST', '/api/cases/identification', { householdId: otherHousehold, riskTypes: ['illness'] })).json().case.id as number;
    expect((await req(c.village!, 'GET', `/api/cases/${otherCase}`)).statusCode).toBe(404);
    expect((await req(c.township!, 'GET', `/api/cases/${otherCase}`)).statusCode).toBe(404);
    expect((await req(c.village!, 'POST', `/api/cases/${otherCase}/steps`, { event: 'withdraw', remarks: 'x', expectedVersion: 1 })).statusCode).toBe(404);
    expect((await req(c.village!, 'GET', `/api/households/${otherHousehold}/elimination-check`)).statusCode).toBe(404);
    // The helper sees only assigned households; the leader reads but cannot act.
    expect((await req(c.helper!, 'GET', `/api/cases/${otherCase}`)).statusCode).toBe(404);
    expect((await req(c.leader!, 'GET', `/api/cases/${otherCase}`)).statusCode).toBe(200);
    expect((await req(c.leader!, 'POST', `/api/cases/${otherCase}/steps`, { event: 'withdraw', remarks: 'x', expectedVersion: 1 })).statusCode).toBe(403);
  });

  it('two users acting on the same step at once: one wins, the other gets 409, nothing lost', async () => {
    const hid = await newHousehold(VILLAGE_A, '钱并发');
    const id = (await req(c.village!, 'POST', '/api/cases/identification', { householdId: hid, riskTypes: ['disability'] })).json().case.id as number;
    const body = { event: 'record_data_check', remarks: '比对', expectedVersion: 1 };
    const [a, b] = await Promise.all([req(c.township!, 'POST', `/api/cases/${id}/steps`, body), req(c.county!, 'POST', `/api/cases/${id}/steps`, body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.message).toBe('该事项已被他人办理，请刷新后重试');
    const d = await detail(id);
    expect(d.case.version).toBe(2);
    expect(d.steps.map((s: { event: string }) => s.event)).toEqual(['open', 'record_data_check']);
    expect(await stepCount(id)).toBe(2);
  });

  it('checks attachments: over the limit 413, wrong type 415, a foreign attachment on a step 400', async () => {
    const hid = await newHousehold(VILLAGE_A, '孙附件');
    const id = (await req(c.village!, 'POST', '/api/cases/identification', { householdId: hid, riskTypes: ['illness'] })).json().case.id as number;
    const before = (await t.db.query('SELECT count(*) AS n FROM attachment'))[0]!.n;
    const big = await t.app.inject({ method: 'POST', url: `/api/cases/${id}/attachments`, ...multipart(c.village!, 'big.png', Buffer.concat([PNG, Buffer.alloc(MAX)])) });
    expect(big.statusCode).toBe(413);
    const wrong = await t.app.inject({ method: 'POST', url: `/api/cases/${id}/attachments`, ...multipart(c.village!, 'a.txt', Buffer.from('plain text file'), 'text/plain') });
    expect(wrong.statusCode).toBe(415);
    expect(wrong.json().error.message).toBe('只接受 JPEG、PNG、WebP 图片或 PDF 文档');
    expect((await t.db.query('SELECT count(*) AS n FROM attachment'))[0]!.n).toBe(before);
    const foreign = (await t.app.inject({ method: 'POST', url: `/api/cases/${identCase}/attachments`, ...multipart(c.village!, 'x.png', PNG) })).json().id as number;
    const r = await step('township', id, 'record_data_check', { attachments: [foreign] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toBe(`附件 ${foreign} 不属于该事项，请先在本事项下上传`);
    expect(await stepCount(id)).toBe(1);
  });

  it('refuses a notice whose text would show a phone number, names what was found, and writes nothing', async () => {
    const hid = await newHousehold(VILLAGE_A, '吴号码');
    await t.db.query(`UPDATE person SET name = '吴13912345678' WHERE household_id = $1 AND relation = 'head'`, [hid]);
    const id = (await req(c.village!, 'POST', '/api/cases/identification', { householdId: hid, riskTypes: ['illness'] })).json().case.id as number;
    await t.db.query(`UPDATE monitoring_case SET facts = facts || '{"authorizationSigned": true}'::jsonb WHERE id = $1`, [id]);
    await ok('village', id, 'record_home_visit');
    await ok('township', id, 'record_data_check');
    const before = (await t.db.query('SELECT count(*) AS n FROM case_notice'))[0]!.n;
    const r = await req(c.village!, 'POST', '/api/case-notices', { kind: 'identification_publicity', villageCode: VILLAGE_A, caseIds: [id] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toBe('公示公告中发现 1 处不得公开的信息：手机号码（139****5678）。请删除后再打印');
    expect((await t.db.query('SELECT count(*) AS n FROM case_notice'))[0]!.n).toBe(before);
    // The single-case approval builds the same notice: refused too, and the case stays where it was.
    const approve = await step('village', id, 'approve');
    expect(approve.statusCode).toBe(400);
    expect((await detail(id)).case.state).toBe('village_review');
  });

  it('eliminates a household after the criteria pass; a new risk is refused until an audited county override approved by another county user; then rollback', async () => {
    await setDay('2026-09-15');
    // Six months above the line (2026: 8,300) after identification, and a measure 已落实.
    for (const m of ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']) {
      await t.db.query(`INSERT INTO household_assessment (household_id, month, assessed_on, per_capita_net_income) VALUES ($1, $2, $3, 9100)`, [identHousehold, m, `${m}-10`]);
    }
    const [plan] = await t.db.query<{ id: number }>(`INSERT INTO help_plan (household_id, case_id, made_on) VALUES ($1, $2, '2026-03-15') RETURNING id`, [identHousehold, identCase]);
    await t.db.query(`INSERT INTO help_measure (plan_id, household_id, measure_code, planned_on, status, implemented_on) VALUES ($1, $2, 'industry', '2026-03-20', 'implemented', '2026-04-20')`, [plan!.id, identHousehold]);

    const check = (await req(c.village!, 'GET', `/api/households/${identHousehold}/elimination-check`)).json();
    expect(check.evaluation.eligible, JSON.stringify(check.evaluation.failing)).toBe(true);
    expect(check.evaluation.criteria.find((x: { id: string }) => x.id === 'income_stable')).toMatchObject({ passed: true, numbers: { line: 8300, lowest: 9100, months: 6 } });

    const open = await req(c.village!, 'POST', '/api/cases/elimination', { householdId: identHousehold, remarks: '收入稳定，申请风险消除' });
    expect(open.statusCode, open.body).toBe(201);
    const id = open.json().case.id as number;
    await ok('village', id, 'record_home_visit', { remarks: '入户核实' });
    const pub = await ok('village', id, 'approve', { remarks: '村级评议通过' });
    expect(pub.case.state).toBe('publicity');
    // Approved on its own: its one-household 公示 is recorded as posted today.
    expect(pub.notices).toEqual([expect.objectContaining({ kind: 'elimination_publicity', status: 'posted', postedOn: '2026-09-15', periodTo: '2026-09-19' })]);
    await setDay('2026-09-20');
    await ok('village', id, 'complete_publicity');
    await ok('township', id, 'approve', { remarks: '乡镇审核通过' });

    // A new risk appears before 县级审批: refused with the failing criteria listed.
    await t.db.query(`UPDATE household_assessment SET new_risk_types = '{accident}' WHERE household_id = $1 AND month = '2026-09'`, [identHousehold]);
    const versionBefore = (await detail(id)).case.version;
    const refused = await step('county', id, 'approve');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('风险消除标准未全部满足：1. 无新的风险——出现新的风险且尚未消除：因意外事故。如确需消除，须由县联动办公室登记理由后办理');
    expect((await detail(id)).case.version).toBe(versionBefore);
    const noReason = await step('county', id, 'override_criteria');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('「县级决定越过未满足的标准」须填写理由');
    await ok('county', id, 'override_criteria', { remarks: '意外事故已获保险理赔，不影响基本生活' });
    const audit = await t.db.query(`SELECT after FROM audit_log WHERE action = 'elimination_case.step' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [String(id)]);
    expect(audit[0]!.after).toMatchObject({ event: 'override_criteria', remarks: '意外事故已获保险理赔，不影响基本生活' });
    // Four eyes: the county user who recorded the override cannot approve it.
    const self = await step('county', id, 'approve');
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toBe('不能对自己办理的上一步进行「县级审批通过」，须由其他人员办理');
    const approved = await ok('county2', id, 'approve', { remarks: '同意' });
    expect(approved.case.state).toBe('announcement');
    expect(approved.steps.at(-1)).toMatchObject({ event: 'approve', bypassedGuards: ['criteria_pass'] });
    await ok('county', id, 'publish_result');
    const badMethod = await step('village', id, 'mark', { payload: {} });
    expect(badMethod.statusCode).toBe(400);
    expect(badMethod.json().error.message).toBe('请选择消除方式：帮扶消除或自然消除');
    const done = await ok('village', id, 'mark', { payload: { method: 'assisted' } });
    expect(done.case.state).toBe('done');
    const [h] = await t.db.query('SELECT risk_eliminated, elimination_method, eliminated_on FROM household WHERE id = $1', [identHousehold]);
    expect(h).toEqual({ risk_eliminated: true, elimination_method: 'assisted', eliminated_on: '2026-09-20' });

    // After elimination a new identification may be opened (a new risk); while it is open the rollback waits.
    const reident = await req(c.village!, 'POST', '/api/cases/identification', { householdId: identHousehold, riskTypes: ['accident'] });
    expect(reident.statusCode, reident.body).toBe(201);
    const reidentId = reident.json().case.id as number;
    const blocked = await req(c.county!, 'POST', `/api/households/${identHousehold}/elimination-rollback`, { reason: '新风险' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toBe(`该户已有进行中的识别纳入事项（编号 ${reidentId}），不能同时回退`);
    await ok('village', reidentId, 'withdraw', { remarks: '改为风险消除回退' });

    // 风险消除回退: county office only, with a reason; recorded and visible on the household.
    expect((await req(c.village!, 'POST', `/api/households/${identHousehold}/elimination-rollback`, { reason: 'x' })).statusCode).toBe(403);
    const noWhy = await req(c.county!, 'POST', `/api/households/${identHousehold}/elimination-rollback`, { reason: ' ' });
    expect(noWhy.statusCode).toBe(400);
    expect(noWhy.json().error.fields[0].message).toBe('请填写回退理由');
    await setDay('2026-10-12');
    expect((await req(c.county!, 'POST', `/api/households/${identHousehold}/elimination-rollback`, { reason: '月排查发现家庭成员新患大病' })).statusCode).toBe(201);
    const [after] = await t.db.query('SELECT risk_eliminated, elimination_method, eliminated_on, monitor_category FROM household WHERE id = $1', [identHousehold]);
    expect(after).toEqual({ risk_eliminated: false, elimination_method: null, eliminated_on: null, monitor_category: 'marginal' });
    const hc = (await req(c.township!, 'GET', `/api/households/${identHousehold}/cases`)).json();
    expect(hc.rollbacks).toEqual([expect.objectContaining({ eliminationCaseId: id, on: '2026-10-12', reason: '月排查发现家庭成员新患大病', previous: { eliminationMethod: 'assisted', eliminatedOn: '2026-09-20' } })]);
    expect(hc.cases.map((x: { kind: string; state: string }) => `${x.kind}/${x.state}`)).toEqual(['identification/withdrawn', 'elimination/done', 'identification/done']);
    const again = await req(c.county!, 'POST', `/api/households/${identHousehold}/elimination-rollback`, { reason: '再次' });
    expect(again.statusCode).toBe(409);
  });

  it('refuses elimination at village review while a criterion fails, and lets it pass after a county override', async () => {
    await setDay('2026-10-12');
    const hid = await newHousehold(VILLAGE_A, '周未稳');
    await t.db.query(`UPDATE household SET monitor_category = 'unstable', risk_types = '{illness}', monitor_identified_on = '2026-09-01' WHERE id = $1`, [hid]);
    const id = (await req(c.village!, 'POST', '/api/cases/elimination', { householdId: hid })).json().case.id as number;
    await ok('village', id, 'record_home_visit');
    const before = await stepCount(id);
    const refused = await step('village', id, 'approve');
    expect(refused.statusCode).toBe(409);
    const msg = refused.json().error.message as string;
    expect(msg).toMatch(/^风险消除标准未全部满足：1\. 人均纯收入稳定超过监测线——缺少 /);
    expect(msg).toContain('识别时的风险已消除——尚未消除的风险：因病');
    expect(await stepCount(id)).toBe(before);
    const d = await detail(id, 'village');
    expect(d.actions.find((a: { event: string }) => a.event === 'approve').blockedReason).toBe(msg);
    expect(d.actions.some((a: { event: string }) => a.event === 'override_criteria')).toBe(false);
    expect((await detail(id)).actions.some((a: { event: string }) => a.event === 'override_criteria')).toBe(true);
    await ok('county', id, 'override_criteria', { remarks: '县级研究决定' });
    const passed = await ok('village', id, 'approve');
    expect(passed.case.state).toBe('publicity');
    expect(passed.steps.at(-1).bypassedGuards).toEqual(['criteria_pass']);
  });

  it('lists overdue and due-soon cases per level on a hand-made dataset', async () => {
    await setDay('2026-11-20');
    await t.db.query(`UPDATE monitoring_case SET terminal = true, state = 'withdrawn' WHERE NOT terminal`);
    const open = async (village: string, name: string, clueOn: string) => {
      const hid = await newHousehold(village, name);
      const r = await req(c.county!, 'POST', '/api/cases/identification', { householdId: hid, riskTypes: ['illness'], clueOn });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().case.id as number;
    };
    const late = await open(VILLAGE_A, '逾期甲', '2026-11-01'); // due 11-16 → overdue
    const soon = await open(VILLAGE_B, '逾期乙', '2026-11-04'); // due 11-19 → overdue
    const soon2 = await open(VILLAGE_B, '将到期丙', '2026-11-07'); // due 11-22 → 2 days left → due soon
    const fresh = await open(VILLAGE_OTHER, '按时丁', '2026-11-20'); // due 12-05 → on time
    const overdueList = (await req(c.county!, 'GET', '/api/cases?urgency=overdue')).json();
    expect(overdueList.items.map((x: { id: number }) => x.id)).toEqual([late, soon]);
    expect(overdueList.items[0].deadlines[0].text).toBe('识别纳入办理时限：2026-11-16 到期，已逾期 4 天');
    expect((await req(c.county!, 'GET', '/api/cases?urgency=due_soon')).json().items.map((x: { id: number }) => x.id)).toEqual([soon2]);
    expect((await req(c.village!, 'GET', '/api/cases?urgency=overdue')).json().items.map((x: { id: number }) => x.id)).toEqual([late]);

    const county = (await req(c.county!, 'GET', '/api/cases/overdue-summary')).json();
    expect(county.totals).toEqual({ open: 4, overdue: 2, dueSoon: 1 });
    expect(county.items.map((r: { areaCode: string; overdue: number; dueSoon: number }) => [r.areaCode, r.overdue, r.dueSoon])).toEqual([['411321101', 2, 1], ['411321105', 0, 0]]);
    const township = (await req(c.township!, 'GET', '/api/cases/overdue-summary')).json();
    expect(township.items.map((r: { areaCode: string; areaName: string; overdue: number; dueSoon: number }) => [r.areaCode, r.overdue, r.dueSoon])).toEqual([[VILLAGE_B, 1, 1], [VILLAGE_A, 1, 0]]);
    void fresh;

    // Working days (configured by the county office, audited) change the deadlines.
    const s = (await req(c.county!, 'GET', '/api/case-settings')).json();
    const body = { rules: { identification: { days: 15, counting: 'working' }, publicity: { days: 5, counting: 'calendar' }, help_plan: { days: 10, counting: 'calendar' } }, dueSoonDays: 3, calendar: { holidays: [], extraWorkingDays: [] }, version: s.deadlines.version };
    expect((await req(c.township!, 'PUT', '/api/case-settings/deadlines', body)).statusCode).toBe(403);
    const bad = await req(c.county!, 'PUT', '/api/case-settings/deadlines', { ...body, rules: { ...body.rules, publicity: { days: 0, counting: 'calendar' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('村内公示期应为1-365之间的整数天');
    const saved = await req(c.county!, 'PUT', '/api/case-settings/deadlines', body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().deadlines.config.rules.identification).toEqual({ days: 15, counting: 'working', kind: 'max' });
    expect((await req(c.county!, 'PUT', '/api/case-settings/deadlines', body)).statusCode).toBe(409);
    expect((await t.db.query(`SELECT count(*) AS n FROM audit_log WHERE action = 'case_setting.deadlines'`))[0]!.n).toBe(1);
    // 2026-11-01 + 15 working days = 2026-11-20 (today): due soon, no longer overdue.
    expect((await req(c.county!, 'GET', '/api/cases?urgency=overdue')).json().items.map((x: { id: number }) => x.id)).toEqual([]);
    expect((await detail(late)).deadlines[0]).toMatchObject({ date: '2026-11-20', status: 'due_soon' });

    const elim = await req(c.county!, 'PUT', '/api/case-settings/elimination', { stabilityMonths: 13, eliminateNoLabourHouseholds: false, version: 0 });
    expect(elim.statusCode).toBe(400);
    expect(elim.json().error.message).toBe('收入稳定期应为1-12之间的整数月');
    expect((await req(c.county!, 'PUT', '/api/case-settings/elimination', { stabilityMonths: 3, eliminateNoLabourHouseholds: false, version: 0 })).json().elimination.stabilityMonths).toBe(3);
  });
});
