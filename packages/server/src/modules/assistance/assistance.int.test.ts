import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../../testing/engines.js';
import { COUNTY, TOWNSHIP, VILLAGE_A, VILLAGE_B, VILLAGE_OTHER, createTestApp, householdBody, type TestApp } from '../../testing/fixture.js';
import { departmentUser, movableClock } from '../linkage/cycle/cycle.test-support.js';

const engines = await availableEngines();

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
function multipart(fileName: string, data: Buffer, contentType = 'image/png') {
  const boundary = '----shouwangtest' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head, 'utf8'), data, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(engines)('assistance (早帮扶) on %s', (engine) => {
  let t: TestApp;
  const clock = movableClock('2026-03-10');
  const c: Record<string, string> = {};
  let edu = '';
  const names = ['county', 'leader', 'township', 'village', 'dept', 'helper', 'inspector'];
  const loginAll = async () => {
    for (const u of names) c[u] = await t.login(u);
    edu = await t.login('edu');
  };
  /** Move the clock; the sessions (which expire by the injected clock) are carried along instead of logging in again. */
  const moveTo = async (day: string) => {
    clock.set(day);
    await t.db.query('UPDATE user_session SET expires_at = $1', [new Date(clock().getTime() + 8 * 3_600_000).toISOString()]);
  };
  const req = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query(sql, params))[0]!.n);

  const monitored = (village: string, name: string, members?: unknown[]) => {
    const b = householdBody(village, name, { monitorCategory: 'marginal', monitorIdentifiedOn: '2026-02-01', riskTypes: ['illness'] });
    if (members) b.members = members as typeof b.members;
    return b;
  };
  const mkHousehold = async (body: unknown) => {
    const r = await req(c.county!, 'POST', '/api/households', body);
    if (r.statusCode !== 201) throw new Error(r.body);
    return r.json().id as number;
  };
  /** A 县级审批 step of the household's identification case on `day`. */
  const approve = async (householdId: number, village: string, day: string) => {
    const [mc] = await t.db.query<{ id: number }>(
      `INSERT INTO monitoring_case (kind, household_id, village_code, state, opened_on, state_entered_on, facts) VALUES ('identification', $1, $2, 'announcement', $3, $3, '{}') RETURNING id`,
      [householdId, village, day],
    );
    await t.db.query(
      `INSERT INTO workflow_step (machine, case_id, seq, event, label, from_state, to_state, actor_role, at, on_date, outcome)
       VALUES ('identification', $1, 6, 'approve', '县级审批通过', 'county_approval', 'announcement', 'county_office', now(), $2, 'approved')`,
      [mc!.id, day],
    );
    return Number(mc!.id);
  };

  let hA = 0; // 大沟村, monitored, labour-capable
  let hB = 0; // 大沟村, monitored
  let hOther = 0; // 天云村 (another township)
  let helperT = 0; // township helper
  let helperC = 0; // county helper, linked to the `helper` login

  beforeAll(async () => {
    t = await createTestApp(engine, { clock, attachmentMaxBytes: 4096 });
    await departmentUser(t, 'edu', 'education');
    await loginAll();
    hA = await mkHousehold(monitored(VILLAGE_A, '帮扶甲'));
    hB = await mkHousehold(monitored(VILLAGE_A, '帮扶乙'));
    hOther = await mkHousehold(monitored(VILLAGE_OTHER, '帮扶丙'));
  });
  afterAll(() => t?.close());

  describe('帮扶责任人 registry', () => {
    it('lets a township cadre add helpers of its township only, and the county office at county level', async () => {
      const bad = await req(c.township!, 'POST', '/api/helpers', { name: '越权', unit: '县农业农村局', areaCode: COUNTY });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toBe('所在区域 南召县 不在您的管辖范围内');
      const r = await req(c.township!, 'POST', '/api/helpers', { name: '王镇干', unit: '留山镇人民政府', position: '副镇长', phone: '13900001111', areaCode: TOWNSHIP });
      expect(r.statusCode, r.body).toBe(201);
      helperT = r.json().helper.id;
      const r2 = await req(c.county!, 'POST', '/api/helpers', { name: '杨红梅', unit: '县乡村振兴局', phone: '13900002222', areaCode: COUNTY, userId: t.userIds.helper });
      expect(r2.statusCode, r2.body).toBe(201);
      helperC = r2.json().helper.id;
      expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'helper.create'`)).toBe(2);
    });

    it('refuses bad input with field messages and writes nothing', async () => {
      const before = await count('SELECT count(*) AS n FROM helper_person');
      const empty = await req(c.county!, 'POST', '/api/helpers', { name: '', unit: '县民政局', areaCode: COUNTY });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.fields).toContainEqual({ field: 'name', message: '请填写姓名' });
      const phone = await req(c.county!, 'POST', '/api/helpers', { name: '李四', unit: '县民政局', areaCode: COUNTY, phone: '12345' });
      expect(phone.json().error.fields).toContainEqual({ field: 'phone', message: '联系电话应为11位手机号或带区号的固定电话' });
      const village = await req(c.county!, 'POST', '/api/helpers', { name: '李四', unit: '县民政局', areaCode: VILLAGE_A });
      expect(village.json().error.fields).toContainEqual({ field: 'areaCode', message: '所在区域应为县或乡镇' });
      const notHelper = await req(c.county!, 'POST', '/api/helpers', { name: '李四', unit: '县民政局', areaCode: COUNTY, userId: t.userIds.leader });
      expect(notHelper.statusCode).toBe(400);
      expect(notHelper.json().error.message).toBe('关联的登录账号不存在或不是帮扶责任人角色');
      const linked = await req(c.county!, 'POST', '/api/helpers', { name: '李四', unit: '县民政局', areaCode: COUNTY, userId: t.userIds.helper });
      expect(linked.statusCode).toBe(409);
      expect(linked.json().error.message).toBe('该登录账号已关联帮扶责任人 杨红梅');
      expect(await count('SELECT count(*) AS n FROM helper_person')).toBe(before);
    });

    it('masks phones for roles that do not manage helpers', async () => {
      const county = (await req(c.county!, 'GET', '/api/helpers')).json();
      expect(county.items.find((h: { id: number }) => h.id === helperT).phone).toBe('13900001111');
      const village = (await req(c.village!, 'GET', '/api/helpers')).json();
      expect(village.items.map((h: { id: number }) => h.id).sort()).toEqual([helperT, helperC].sort());
      expect(village.items.find((h: { id: number }) => h.id === helperT).phone).toBe('139****1111');
      const forbidden = await req(c.helper!, 'GET', '/api/helpers');
      expect(forbidden.statusCode).toBe(403);
    });
  });

  describe('assignment', () => {
    it('assigns, reassigns with a reason, keeps the history and the household mirror', async () => {
      const first = await req(c.township!, 'POST', `/api/households/${hA}/helper-assignment`, { helperId: helperT });
      expect(first.statusCode, first.body).toBe(201);
      let [h] = await t.db.query('SELECT helper_name, helper_user_id FROM household WHERE id = $1', [hA]);
      expect(h).toMatchObject({ helper_name: '王镇干', helper_user_id: null });

      const noReason = await req(c.county!, 'POST', `/api/households/${hA}/helper-assignment`, { helperId: helperC });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.message).toBe('更换帮扶责任人须填写原因');
      const same = await req(c.county!, 'POST', `/api/households/${hA}/helper-assignment`, { helperId: helperT, reason: '重复' });
      expect(same.statusCode).toBe(409);

      await moveTo('2026-03-12');
      const second = await req(c.county!, 'POST', `/api/households/${hA}/helper-assignment`, { helperId: helperC, reason: '原帮扶责任人工作调动' });
      expect(second.statusCode, second.body).toBe(201);
      [h] = await t.db.query('SELECT helper_name, helper_user_id FROM household WHERE id = $1', [hA]);
      expect(h).toMatchObject({ helper_name: '杨红梅', helper_user_id: t.userIds.helper });

      const hist = (await req(c.village!, 'GET', `/api/households/${hA}/helper-assignments`)).json().items;
      expect(hist).toMatchObject([
        { helperName: '杨红梅', assignedOn: '2026-03-12', endedOn: null, reason: '原帮扶责任人工作调动' },
        { helperName: '王镇干', assignedOn: '2026-03-10', endedOn: '2026-03-12' },
      ]);
      expect(await count(`SELECT count(*) AS n FROM helper_assignment WHERE household_id = $1 AND ended_on IS NULL`, [hA])).toBe(1);
      expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action IN ('helper.assign', 'helper.reassign') AND entity_id = $1`, [String(hA)])).toBe(2);
      expect(await count(`SELECT count(*) AS n FROM household_history WHERE household_id = $1 AND changes::text LIKE '%helperName%'`, [hA])).toBe(2);

      // the registry shows the workload
      const list = (await req(c.county!, 'GET', '/api/helpers')).json().items;
      expect(list.find((x: { id: number }) => x.id === helperC).households).toBe(1);
      expect(list.find((x: { id: number }) => x.id === helperT).households).toBe(0);
    });

    it('refuses a helper whose area does not contain the household, households out of scope, and other roles', async () => {
      await req(c.township!, 'POST', `/api/households/${hB}/helper-assignment`, { helperId: helperT });
      const outOfArea = await req(c.county!, 'POST', `/api/households/${hOther}/helper-assignment`, { helperId: helperT });
      expect(outOfArea.statusCode).toBe(400);
      expect(outOfArea.json().error.message).toBe('帮扶责任人 王镇干 所在区域（留山镇）不包含该户所在村');
      const outOfScope = await req(c.township!, 'POST', `/api/households/${hOther}/helper-assignment`, { helperId: helperT });
      expect(outOfScope.statusCode).toBe(404);
      const village = await req(c.village!, 'POST', `/api/households/${hB}/helper-assignment`, { helperId: helperC, reason: 'x' });
      expect(village.statusCode).toBe(403);
      expect(await count(`SELECT count(*) AS n FROM helper_assignment WHERE household_id = $1`, [hOther])).toBe(0);
    });

    it('refuses to deactivate a helper with households, with a stale version, and accepts a fresh one', async () => {
      const cur = (await req(c.county!, 'GET', `/api/helpers/${helperT}`)).json().helper;
      const busy = await req(c.township!, 'PUT', `/api/helpers/${helperT}`, { name: cur.name, unit: cur.unit, areaCode: TOWNSHIP, active: false, version: cur.version });
      expect(busy.statusCode).toBe(409);
      expect(busy.json().error.message).toBe('该帮扶责任人仍在帮扶 1 户，请先为这些户更换帮扶责任人再停用');
      const stale = await req(c.township!, 'PUT', `/api/helpers/${helperT}`, { name: '王镇干', unit: cur.unit, areaCode: TOWNSHIP, version: cur.version + 1 });
      expect(stale.statusCode).toBe(409);
      const ok = await req(c.township!, 'PUT', `/api/helpers/${helperT}`, { name: '王镇干部', unit: cur.unit, phone: '13900001111', areaCode: TOWNSHIP, version: cur.version });
      expect(ok.statusCode, ok.body).toBe(200);
      const [h] = await t.db.query('SELECT helper_name FROM household WHERE id = $1', [hB]);
      expect(h!.helper_name).toBe('王镇干部'); // the mirror follows the rename
    });
  });

  describe('helper scope', () => {
    it('a helper sees only the households assigned to them: others answer 404', async () => {
      expect((await req(c.helper!, 'GET', `/api/households/${hA}/assistance`)).statusCode).toBe(200);
      expect((await req(c.helper!, 'GET', `/api/households/${hB}/assistance`)).statusCode).toBe(404);
      expect((await req(c.helper!, 'GET', `/api/households/${hB}/helper-assignments`)).statusCode).toBe(404);
      const visit = await req(c.helper!, 'POST', '/api/visits', { householdId: hB, visitedOn: '2026-03-11', kind: 'home' });
      expect(visit.statusCode).toBe(404);
    });
  });

  describe('help plans', () => {
    let planA = 0;
    let mHealth = 0; // 健康帮扶 → 县医保局 (the dept user)
    let mEdu = 0; // 义务教育保障 → 县教育局
    let mSoc = 0;

    it('lists households approved at county level without a plan, due 10 days after approval, overdue after', async () => {
      await approve(hA, VILLAGE_A, '2026-03-02');
      await approve(hB, VILLAGE_A, '2026-02-20');
      await moveTo('2026-03-12');
      const r = await req(c.township!, 'GET', '/api/help-plans/pending');
      expect(r.statusCode, r.body).toBe(200);
      const items = r.json().items as { householdId: number; dueOn: string; status: string }[];
      expect(items.find((x) => x.householdId === hB)).toMatchObject({ dueOn: '2026-03-02', status: 'overdue' });
      expect(items.find((x) => x.householdId === hA)).toMatchObject({ dueOn: '2026-03-12', status: 'due_soon' });
      expect(r.json().overdue).toBe(1);
      const overdueOnly = (await req(c.county!, 'GET', '/api/help-plans/pending?status=overdue')).json().items;
      expect(overdueOnly.map((x: { householdId: number }) => x.householdId)).toEqual([hB]);
      await moveTo('2026-03-13');
      const later = (await req(c.county!, 'GET', '/api/help-plans/pending?status=overdue')).json().items;
      expect(later.map((x: { householdId: number }) => x.householdId).sort()).toEqual([hA, hB].sort());
    });

    it('creates a plan with measures; the labour rule flags a plan with only 综合保障', async () => {
      const r = await req(c.village!, 'POST', '/api/help-plans', {
        householdId: hA, notes: '因病致贫风险，落实医疗保障',
        measures: [
          { measureCode: 'social_security', plannedOn: '2026-03-20', amount: 3600 },
          { measureCode: 'health', departmentCode: 'medical_insurance', plannedOn: '2026-03-25' },
          { measureCode: 'compulsory_education', plannedOn: '2026-04-01' },
        ],
      });
      expect(r.statusCode, r.body).toBe(201);
      const plan = r.json();
      planA = plan.id;
      expect(plan).toMatchObject({ madeOn: '2026-03-13', dueOn: '2026-03-12', labourCapable: 2 });
      expect(plan.deadline).toMatchObject({ status: 'overdue' });
      expect(plan.finding).toMatchObject({ code: 'missing', ok: false });
      expect(plan.measures.find((m: { measureCode: string }) => m.measureCode === 'compulsory_education').departmentCode).toBe('education');
      mSoc = plan.measures[0].id;
      mHealth = plan.measures[1].id;
      mEdu = plan.measures[2].id;
      // a second active plan is refused
      const dup = await req(c.county!, 'POST', '/api/help-plans', { householdId: hA, measures: [{ measureCode: 'industry', plannedOn: '2026-04-01' }] });
      expect(dup.statusCode).toBe(409);
      // the labour-problem filter lists it; adding a 开发式 measure satisfies the rule
      const flagged = (await req(c.county!, 'GET', '/api/help-plans?finding=labour_problem')).json();
      expect(flagged.items.map((p: { id: number }) => p.id)).toContain(planA);
      const add = await req(c.township!, 'POST', `/api/help-plans/${planA}/measures`, { measureCode: 'employment', plannedOn: '2026-04-10', content: '推荐到帮扶车间务工' });
      expect(add.statusCode, add.body).toBe(201);
      const after = (await req(c.county!, 'GET', `/api/help-plans/${planA}`)).json();
      expect(after.finding).toMatchObject({ code: 'satisfied', ok: true });
      // the plan no longer appears among the pending ones
      const pending = (await req(c.county!, 'GET', '/api/help-plans/pending')).json().items;
      expect(pending.map((x: { householdId: number }) => x.householdId)).not.toContain(hA);
    });

    it('flags only 综合保障 for a household with labour', async () => {
      const r = await req(c.county!, 'POST', '/api/help-plans', { householdId: hB, measures: [{ measureCode: 'social_security', plannedOn: '2026-03-20' }] });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().finding).toMatchObject({ code: 'only_social_security', ok: false });
      expect(r.json().finding.message).toContain('仅有综合保障措施');
    });

    it('refuses bad plans with precise messages and writes nothing', async () => {
      const before = await count('SELECT count(*) AS n FROM help_plan');
      const ordinary = await mkHousehold(householdBody(VILLAGE_A, '一般户'));
      const notMonitored = await req(c.county!, 'POST', '/api/help-plans', { householdId: ordinary, measures: [{ measureCode: 'industry', plannedOn: '2026-04-01' }] });
      expect(notMonitored.statusCode).toBe(400);
      expect(notMonitored.json().error.message).toBe('该户不是监测对象，不能制定帮扶计划');
      const hC = await mkHousehold(monitored(VILLAGE_A, '帮扶丁'));
      const badDept = await req(c.county!, 'POST', '/api/help-plans', { householdId: hC, measures: [{ measureCode: 'industry', plannedOn: '2026-04-01' }, { measureCode: 'other', departmentCode: 'nope', plannedOn: '2026-04-01' }] });
      expect(badDept.statusCode).toBe(400);
      expect(badDept.json().error).toMatchObject({ message: '第2项措施：责任部门 nope 不存在', fields: [{ field: 'measures.1.departmentCode', message: '责任部门不存在' }] });
      const badCode = await req(c.county!, 'POST', '/api/help-plans', { householdId: hC, measures: [{ measureCode: 'magic', plannedOn: '2026-04-01' }] });
      expect(badCode.statusCode).toBe(400);
      expect(badCode.json().error.fields[0]).toMatchObject({ field: 'measures.0.measureCode', message: '帮扶措施类别无效' });
      const none = await req(c.county!, 'POST', '/api/help-plans', { householdId: hC, measures: [] });
      expect(none.json().error.fields[0]).toMatchObject({ field: 'measures', message: '帮扶计划至少包含一项措施' });
      const outOfScope = await req(c.village!, 'POST', '/api/help-plans', { householdId: hOther, measures: [{ measureCode: 'industry', plannedOn: '2026-04-01' }] });
      expect(outOfScope.statusCode).toBe(404);
      expect(await count('SELECT count(*) AS n FROM help_plan')).toBe(before);
    });

    it('a department user sees and marks only its own measures; others are 404, other roles 403', async () => {
      const seen = (await req(c.dept!, 'GET', `/api/help-plans/${planA}`)).json();
      expect(seen.measures.map((m: { id: number }) => m.id)).toEqual([mHealth]);
      const other = await req(c.dept!, 'POST', `/api/help-measures/${mEdu}/implement`, { implementedOn: '2026-03-13', evidenceNote: '已资助', version: 1 });
      expect(other.statusCode).toBe(404);
      const planB = (await req(c.dept!, 'GET', '/api/help-plans')).json().items.map((p: { id: number }) => p.id);
      expect(planB).toEqual([planA]); // hB's plan has no 医保 measure
      const leader = await req(c.leader!, 'POST', `/api/help-measures/${mHealth}/implement`, { implementedOn: '2026-03-13', evidenceNote: '已报销', version: 1 });
      expect(leader.statusCode).toBe(403);
      const noEvidence = await req(c.dept!, 'POST', `/api/help-measures/${mHealth}/implement`, { implementedOn: '2026-03-13', evidenceNote: ' ', version: 1 });
      expect(noEvidence.statusCode).toBe(400);
      expect(noEvidence.json().error.message).toBe('请填写落实情况说明（佐证）');
      const future = await req(c.dept!, 'POST', `/api/help-measures/${mHealth}/implement`, { implementedOn: '2026-03-14', evidenceNote: '已报销', version: 1 });
      expect(future.json().error.message).toBe('落实日期不能晚于今天');
      const ok = await req(c.dept!, 'POST', `/api/help-measures/${mHealth}/implement`, { implementedOn: '2026-03-13', evidenceNote: '医疗救助已报销 3200 元', version: 1 });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().measure).toMatchObject({ status: 'implemented', implementedOn: '2026-03-13', version: 2 });
      const edu2 = await req(edu, 'POST', `/api/help-measures/${mEdu}/implement`, { implementedOn: '2026-03-13', evidenceNote: '已资助', version: 1 });
      expect(edu2.statusCode, edu2.body).toBe(200);
      expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'help_measure.implement'`)).toBe(2);
    });

    it('a stale version answers 409 and changes nothing', async () => {
      const stale = await req(c.county!, 'PUT', `/api/help-measures/${mSoc}`, { plannedOn: '2026-03-30', amount: 4000, version: 5 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.message).toBe('该措施已被他人修改，请刷新后再操作');
      const ok = await req(c.county!, 'PUT', `/api/help-measures/${mSoc}`, { plannedOn: '2026-03-30', amount: 4000, departmentCode: 'civil_affairs', version: 1 });
      expect(ok.statusCode, ok.body).toBe(200);
      const again = await req(c.county!, 'POST', `/api/help-measures/${mSoc}/cancel`, { reason: '重复', version: 1 });
      expect(again.statusCode).toBe(409);
      const twice = await req(c.dept!, 'POST', `/api/help-measures/${mHealth}/implement`, { implementedOn: '2026-03-13', evidenceNote: '再次', version: 2 });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.message).toBe('该措施已落实，不能重复操作');
      const [m] = await t.db.query('SELECT amount, version, status FROM help_measure WHERE id = $1', [mSoc]);
      expect(m).toMatchObject({ amount: 4000, version: 2, status: 'planned' });
    });

    it('a helper marks measures of their own households only', async () => {
      const plan = (await req(c.helper!, 'GET', `/api/help-plans/${planA}`)).json();
      const emp = plan.measures.find((m: { measureCode: string }) => m.measureCode === 'employment');
      const ok = await req(c.helper!, 'POST', `/api/help-measures/${emp.id}/implement`, { implementedOn: '2026-03-13', evidenceNote: '已在帮扶车间务工', version: emp.version });
      expect(ok.statusCode, ok.body).toBe(200);
      const planB = (await req(c.county!, 'GET', '/api/help-plans')).json().items.find((p: { householdId: number }) => p.householdId === hB);
      expect((await req(c.helper!, 'GET', `/api/help-plans/${planB.id}`)).statusCode).toBe(404);
      const cancel = await req(c.helper!, 'POST', `/api/help-measures/${mSoc}/cancel`, { reason: 'x', version: 2 });
      expect(cancel.statusCode).toBe(403);
    });

    it('a measure added because of a warning marks the warning and credits the pushing department', async () => {
      const [w] = await t.db.query<{ id: number }>(
        `INSERT INTO warning (source, pushing_department_code, village_code, household_id, title, state, terminal, opened_on, state_entered_on, facts)
         VALUES ('instant', 'medical_insurance', $1, $2, '大额医疗支出', 'already_monitored', true, '2026-03-01', '2026-03-05', $3) RETURNING id`,
        [VILLAGE_A, hA, JSON.stringify({ source: 'instant', pushingDepartmentCode: 'medical_insurance', assistanceAdded: false })],
      );
      const wrong = await req(c.county!, 'POST', `/api/help-plans/${(await req(c.county!, 'GET', '/api/help-plans')).json().items.find((p: { householdId: number }) => p.householdId === hB).id}/measures`, { measureCode: 'health', plannedOn: '2026-03-20', warningId: w!.id });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.message).toBe(`预警 ${w!.id} 不存在或不属于该户`);
      const r = await req(c.county!, 'POST', `/api/help-plans/${planA}/measures`, { measureCode: 'health', plannedOn: '2026-03-20', warningId: w!.id });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().measure.warningId).toBe(w!.id);
      const [after] = await t.db.query('SELECT assistance_added FROM warning WHERE id = $1', [w!.id]);
      expect(after!.assistance_added).toBe(true);
      expect(await count(`SELECT count(*) AS n FROM warning_credit WHERE source_id = $1 AND department_code = 'medical_insurance'`, [String(w!.id)])).toBe(1);
    });

    it('shows the plan on the household card', async () => {
      const card = (await req(c.village!, 'GET', `/api/households/${hA}/assistance`)).json();
      expect(card.helper).toMatchObject({ name: '杨红梅', phone: '139****2222' });
      expect(card.plan).toMatchObject({ id: planA, implemented: 3 });
      expect(card.pendingPlan).toBeNull();
    });
  });

  describe('figures', () => {
    it('computes 户均享受政策数 and 落实率 on a hand-made dataset, by village and by household', async () => {
      // 上官村: two monitored households (3 implemented of 4 active, 1 cancelled) and one ordinary household (not counted)
      const f1 = await mkHousehold(monitored(VILLAGE_B, '统计甲'));
      const f2 = await mkHousehold(monitored(VILLAGE_B, '统计乙'));
      await mkHousehold(householdBody(VILLAGE_B, '统计丙'));
      const mk = async (hid: number, codes: string[]) => (await req(c.county!, 'POST', '/api/help-plans', { householdId: hid, measures: codes.map((m) => ({ measureCode: m, plannedOn: '2026-03-20' })) })).json().measures as { id: number; version: number }[];
      const m1 = await mk(f1, ['industry', 'health', 'housing']);
      const m2 = await mk(f2, ['employment', 'water']);
      for (const m of [m1[0]!, m1[1]!, m2[0]!]) {
        const r = await req(c.county!, 'POST', `/api/help-measures/${m.id}/implement`, { implementedOn: '2026-03-13', evidenceNote: '已落实', version: m.version });
        expect(r.statusCode, r.body).toBe(200);
      }
      await req(c.county!, 'POST', `/api/help-measures/${m2[1]!.id}/cancel`, { reason: '已通过其他项目解决', version: 1 });

      const town = (await req(c.township!, 'GET', `/api/assistance/figures?area=${TOWNSHIP}`)).json();
      const b = town.rows.find((r: { code: string }) => r.code === VILLAGE_B);
      expect(b).toMatchObject({ name: '上官村', households: 2, implemented: 3, planned: 1, cancelled: 1, policiesPerHousehold: 1.5, implementationRate: 0.75 });
      const byHousehold = (await req(c.county!, 'GET', `/api/assistance/figures?area=${VILLAGE_B}`)).json();
      expect(byHousehold.total).toMatchObject({ households: 2, implemented: 3, policiesPerHousehold: 1.5, implementationRate: 0.75 });
      expect(byHousehold.rows.find((r: { code: string }) => r.code === String(f1))).toMatchObject({ implemented: 2, planned: 1, policiesPerHousehold: 2, implementationRate: 0.67 });
      const county = (await req(c.county!, 'GET', '/api/assistance/figures')).json();
      expect(county.rows.map((r: { code: string }) => r.code)).toEqual(['411321101', '411321105']);
      const outOfScope = await req(c.village!, 'GET', `/api/assistance/figures?area=${TOWNSHIP}`);
      expect(outOfScope.statusCode).toBe(400);
      expect(outOfScope.json().error.message).toBe('所选区域不在您的管辖范围内');
    });
  });

  describe('visits', () => {
    let visitId = 0;

    it('records a 帮扶日 visit with the "四个一" and lists it on the calendar', async () => {
      await moveTo('2026-03-16');
      const r = await req(c.helper!, 'POST', '/api/visits', { householdId: hA, visitedOn: '2026-03-15', kind: 'help_day', fourOnes: ['survey', 'yard_cleaning'], notes: '了解就医报销情况，帮助打扫庭院' });
      expect(r.statusCode, r.body).toBe(201);
      visitId = r.json().visit.id;
      expect(r.json().visit).toMatchObject({ helperId: helperC, helperName: '杨红梅', kind: 'help_day' });
      const v2 = await req(c.village!, 'POST', '/api/visits', { householdId: hB, visitedOn: '2026-03-05', kind: 'phone' });
      expect(v2.json().visit.helperId).toBe(helperT); // defaults to the household's current helper
      const cal = (await req(c.township!, 'GET', '/api/assistance/help-days?month=2026-03')).json();
      expect(cal.households).toBe(2);
      expect(cal.days).toMatchObject([
        { date: '2026-03-05', past: true, visited: 1, visits: 1 },
        { date: '2026-03-15', past: true, visited: 1, visits: 1, fourOnes: { survey: 1, practical_matter: 0, policy_talk: 0, yard_cleaning: 1 } },
        { date: '2026-03-25', past: false, visited: 0 },
      ]);
      expect((await req(c.helper!, 'GET', '/api/visits')).json().items.map((v: { id: number }) => v.id)).toEqual([visitId]);
    });

    it('refuses bad visits with precise messages and writes nothing', async () => {
      const before = await count('SELECT count(*) AS n FROM visit');
      const wrongDay = await req(c.helper!, 'POST', '/api/visits', { householdId: hA, visitedOn: '2026-03-16', kind: 'help_day', fourOnes: ['survey'] });
      expect(wrongDay.statusCode).toBe(400);
      expect(wrongDay.json().error.message).toBe('帮扶日走访的日期应为每月5日、15日或25日');
      const future = await req(c.helper!, 'POST', '/api/visits', { householdId: hA, visitedOn: '2026-03-17', kind: 'home' });
      expect(future.json().error.fields).toEqual([{ field: 'visitedOn', message: '走访日期不能晚于今天' }]);
      const long = await req(c.helper!, 'POST', '/api/visits', { householdId: hA, visitedOn: '2026-03-16', kind: 'home', notes: '很'.repeat(2001) });
      expect(long.statusCode).toBe(400);
      expect(long.json().error.fields[0]).toMatchObject({ field: 'notes', message: '走访情况不超过2000字' });
      const dept = await req(c.dept!, 'POST', '/api/visits', { householdId: hA, visitedOn: '2026-03-16', kind: 'home' });
      expect(dept.statusCode).toBe(403);
      expect(await count('SELECT count(*) AS n FROM visit')).toBe(before);
    });

    it('takes visit photos within the limits: too big → 413, wrong type → 415, nothing stored', async () => {
      const file = multipart('走访.png', PNG);
      const ok = await t.app.inject({ method: 'POST', url: `/api/visits/${visitId}/attachments`, headers: { cookie: c.helper!, ...file.headers }, payload: file.payload });
      const ok2 = await t.app.inject({ method: 'POST', url: `/api/visits/${visitId}/attachments`, headers: { cookie: c.village!, ...file.headers }, payload: file.payload });
      expect([ok.statusCode, ok2.statusCode], ok.body).toEqual([201, 201]);
      const dept = await t.app.inject({ method: 'POST', url: `/api/visits/${visitId}/attachments`, headers: { cookie: c.dept!, ...file.headers }, payload: file.payload });
      expect(dept.statusCode).toBe(403);
      const big = multipart('大照片.png', Buffer.concat([PNG, Buffer.alloc(8192, 1)]));
      const r413 = await t.app.inject({ method: 'POST', url: `/api/visits/${visitId}/attachments`, headers: { cookie: c.helper!, ...big.headers }, payload: big.payload });
      expect(r413.statusCode).toBe(413);
      const txt = multipart('说明.png', Buffer.from('this is not an image at all'));
      const r415 = await t.app.inject({ method: 'POST', url: `/api/visits/${visitId}/attachments`, headers: { cookie: c.helper!, ...txt.headers }, payload: txt.payload });
      expect(r415.statusCode).toBe(415);
      expect(await count(`SELECT count(*) AS n FROM attachment WHERE owner_type = 'visit' AND owner_id = $1`, [visitId])).toBe(2);
      const listed = (await req(c.village!, 'GET', '/api/visits')).json().items.find((v: { id: number }) => v.id === visitId);
      expect(listed.attachments).toBe(2);
    });

    it('lists households not visited in N days per area and per helper; N is a county setting', async () => {
      await moveTo('2026-04-10');
      // hA visited 03-15 (26 days ago), hB 03-05 (36 days ago)
      const r = (await req(c.township!, 'GET', '/api/assistance/unvisited')).json();
      expect(r).toMatchObject({ days: 30, cutoff: '2026-03-12' });
      expect(r.items.map((x: { householdId: number }) => x.householdId)).toEqual([hB]);
      expect(r.items[0]).toMatchObject({ lastVisitOn: '2026-03-05', daysSince: 36, helperName: '王镇干部' });
      expect(r.byArea.find((a: { code: string }) => a.code === VILLAGE_A)).toMatchObject({ households: 2, unvisited: 1 });
      expect(r.byHelper).toEqual([{ helperId: helperT, helperName: '王镇干部', households: 1, unvisited: 1 }]);

      const township = await req(c.township!, 'PUT', '/api/assistance/settings', { noVisitDays: 20 });
      expect(township.statusCode).toBe(403);
      const bad = await req(c.county!, 'PUT', '/api/assistance/settings', { noVisitDays: 0 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].message).toBe('未走访天数应为1-365');
      const set = await req(c.county!, 'PUT', '/api/assistance/settings', { noVisitDays: 20 });
      expect(set.statusCode, set.body).toBe(200);
      const r2 = (await req(c.county!, 'GET', `/api/assistance/unvisited?area=${VILLAGE_A}`)).json();
      expect(r2.days).toBe(20);
      expect(r2.items.map((x: { householdId: number }) => x.householdId).sort()).toEqual([hA, hB].sort());
      const mine = (await req(c.helper!, 'GET', '/api/assistance/unvisited')).json();
      expect(mine.items.map((x: { householdId: number }) => x.householdId)).toEqual([hA]);
      const card = (await req(c.county!, 'GET', `/api/households/${hA}/assistance`)).json();
      expect(card).toMatchObject({ lastVisitOn: '2026-03-15', visitOverdue: true });
      expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'assistance.settings'`)).toBe(1);
    });
  });
});
