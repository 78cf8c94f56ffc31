import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../../../testing/engines.js';
import { createTestApp, householdBody, VILLAGE_A, type TestApp } from '../../../testing/fixture.js';

const engines = await availableEngines();

const MARCH_EVENING = new Date('2025-03-31T20:00:00+08:00');
const APRIL_MORNING = new Date('2025-04-01T01:00:00+08:00'); // five hours later (Beijing time): sessions stay valid

type Json = Record<string, any>;

describe.each(engines)('joint handling on %s', (engine) => {
  let t: TestApp;
  let now = MARCH_EVENING;
  const cookies: Record<string, string> = {};
  const req = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const count = async (table: string) => Number((await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);
  const taskRow = async (id: number) => (await t.db.query('SELECT * FROM coop_task WHERE id = $1', [id]))[0]!;

  let householdId = 0;
  /** A consultation with a task for 县医保局 (the fixture's department) and one for 县民政局. */
  let consultation: Json;
  /** An assignment (交办) to 县水利局 only: the fixture's department has no task in it. */
  let assignment: Json;

  const consultationBody = (extra: Json = {}) => ({
    kind: 'consultation', title: '因病返贫风险户联席会商', description: '王大山家庭医疗支出较大，需多部门研判。', householdId,
    details: { participants: ['县医保局', '县民政局'], minutes: '会商纪要', decisions: ['医保局核实参保', '民政局入户走访'] },
    tasks: [
      { departmentCode: 'medical_insurance', title: '核实参保和医疗救助情况', deadline: '2025-04-15' },
      { departmentCode: 'civil_affairs', title: '入户走访核实', deadline: '2025-03-31' },
    ],
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp(engine, { clock: () => now });
    for (const u of ['county', 'leader', 'township', 'dept', 'inspector']) cookies[u] = await t.login(u);
    const h = await req('county', 'POST', '/api/households', householdBody(VILLAGE_A, '王大山'));
    householdId = h.json().id;
  });
  afterAll(() => t?.close());

  it('lets the county office open a consultation with its tasks, linked to a household, and audits it', async () => {
    const r = await req('county', 'POST', '/api/coop-cases', consultationBody());
    expect(r.statusCode, r.body).toBe(201);
    consultation = r.json();
    expect(consultation.case).toMatchObject({ kind: 'consultation', kindLabel: '联席会商', status: 'open', openedOn: '2025-03-31', householdId, subject: null, version: 1 });
    expect(consultation.case.details).toEqual({ participants: ['县医保局', '县民政局'], minutes: '会商纪要', decisions: ['医保局核实参保', '民政局入户走访'] });
    expect(consultation.household).toMatchObject({ householdNo: expect.any(String), villageName: '大沟村', headName: '王大山' });
    expect(consultation.tasks.map((x: Json) => [x.departmentName, x.status, x.overdue])).toEqual([['县民政局', 'open', false], ['县医保局', 'open', false]]);
    const a = await req('county', 'POST', '/api/coop-cases', { kind: 'assignment', title: '交办：饮水安全问题整改', subject: '上官村供水管网', tasks: [{ departmentCode: 'water', title: '修复供水管网', deadline: '2025-04-10' }] });
    expect(a.statusCode, a.body).toBe(201);
    assignment = a.json();
    const [audit] = await t.db.query('SELECT after FROM audit_log WHERE action = $1 AND entity_id = $2', ['coop_case.create', String(consultation.case.id)]);
    expect(audit!.after.tasks).toHaveLength(2);
  });

  it.each([
    { name: 'no task', body: () => consultationBody({ tasks: [] }), field: 'tasks', message: '至少分派一项部门任务' },
    { name: 'an unknown department', body: () => consultationBody({ tasks: [{ departmentCode: 'nowhere', title: '任务', deadline: '2025-04-15' }] }), field: 'tasks.0.departmentCode', message: '责任部门不存在：nowhere' },
    { name: 'a deadline before the case opened', body: () => consultationBody({ openedOn: '2025-03-20', tasks: [{ departmentCode: 'water', title: '任务', deadline: '2025-03-19' }] }), field: 'tasks.0.deadline', message: '任务期限不能早于立案日期（2025-03-20）' },
    { name: 'an opening day in the future', body: () => consultationBody({ openedOn: '2025-04-01' }), field: 'openedOn', message: '立案日期不能晚于今天' },
    { name: 'an impossible deadline', body: () => consultationBody({ tasks: [{ departmentCode: 'water', title: '任务', deadline: '2025-04-31' }] }), field: 'tasks.0.deadline', message: '办理期限应为有效日期（YYYY-MM-DD）' },
    { name: 'minutes that are not text', body: () => consultationBody({ details: { minutes: 42 } }), field: 'details.minutes', message: '联席会商附加信息有误：会商纪要应为文本' },
    { name: 'details the kind does not have', body: () => ({ kind: 'assignment', title: '交办', details: { minutes: 'x' }, tasks: [{ departmentCode: 'water', title: '任务', deadline: '2025-04-15' }] }), field: 'details', message: '交办附加信息有误：不支持的字段：minutes' },
    { name: 'both a household and a subject', body: () => consultationBody({ subject: '另一对象' }), field: 'subject', message: '已关联农户时无需再填写处置对象' },
    { name: 'an unknown household', body: () => consultationBody({ householdId: 999999 }), field: 'householdId', message: '关联农户不存在' },
    { name: 'an unknown kind', body: () => consultationBody({ kind: 'meeting' }), field: 'kind', message: '事项类型应为联防联控、联席会商、联合处置或交办（joint_prevention/consultation/joint_handling/assignment）' },
    { name: 'a blank title', body: () => consultationBody({ title: ' ' }), field: 'title', message: '请填写事项标题' },
  ])('rejects a case with $name (400), writing nothing', async ({ body, field, message }) => {
    const [cases, tasks] = [await count('coop_case'), await count('coop_task')];
    const r = await req('county', 'POST', '/api/coop-cases', body());
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error.fields).toContainEqual({ field, message });
    expect([await count('coop_case'), await count('coop_task')]).toEqual([cases, tasks]);
  });

  it('refuses a department user or a leader opening a case (403)', async () => {
    for (const u of ['dept', 'leader']) expect((await req(u, 'POST', '/api/coop-cases', consultationBody())).statusCode).toBe(403);
  });

  it('lists for a department user only the cases where it has a task; others see all', async () => {
    const ids = async (user: string, qs = '') => (await req(user, 'GET', `/api/coop-cases${qs}`)).json().items.map((c: Json) => c.id);
    expect(await ids('dept')).toEqual([consultation.case.id]);
    expect(await ids('dept', '?departmentCode=water')).toEqual([]);
    expect((await ids('leader')).sort()).toEqual([consultation.case.id, assignment.case.id].sort());
    expect((await ids('township')).sort()).toEqual([consultation.case.id, assignment.case.id].sort());
    expect(await ids('county', '?kind=assignment')).toEqual([assignment.case.id]);
    expect(await ids('county', '?departmentCode=civil_affairs')).toEqual([consultation.case.id]);
    expect(await ids('county', '?status=closed')).toEqual([]);
    const item = (await req('county', 'GET', '/api/coop-cases?kind=consultation')).json().items[0];
    expect(item).toMatchObject({ taskCount: 2, openTaskCount: 2, overdueTaskCount: 0, departments: ['县医保局', '县民政局'], kindLabel: '联席会商' });
    expect((await req('inspector', 'GET', '/api/coop-cases')).statusCode).toBe(403);
    expect((await req('county', 'GET', '/api/coop-cases?kind=other')).statusCode).toBe(400);
  });

  it('shows a department a case only where it has a task (else 404)', async () => {
    expect((await req('dept', 'GET', `/api/coop-cases/${consultation.case.id}`)).statusCode).toBe(200);
    const other = await req('dept', 'GET', `/api/coop-cases/${assignment.case.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.message).toBe('记录不存在或不在您的管辖范围内');
  });

  it('answers 404 when a department updates another department\'s task, changing nothing', async () => {
    const water = assignment.tasks[0];
    const r = await req('dept', 'PUT', `/api/coop-tasks/${water.id}`, { status: 'done', resultNote: '已修复', version: 1 });
    expect(r.statusCode).toBe(404);
    expect(await taskRow(water.id)).toMatchObject({ status: 'open', result_note: null, version: 1 });
    expect((await req('leader', 'PUT', `/api/coop-tasks/${water.id}`, { status: 'open', version: 1 })).statusCode).toBe(403);
  });

  it.each([
    { name: 'done without a result note', body: { status: 'done', version: 1 }, status: 400, field: 'resultNote', message: '标记办结须填写办理结果' },
    { name: 'carried over without a note', body: { status: 'carried_over', carryNote: '  ', version: 1 }, status: 400, field: 'carryNote', message: '转入后续计划须填写转入说明（转入哪项计划、如何跟进）' },
    { name: 'an unknown status', body: { status: 'finished', version: 1 }, status: 400, field: 'status', message: '任务状态应为办理中、已办结或转入后续计划（open/done/carried_over）' },
    { name: 'a stale version', body: { status: 'open', progress: '进行中', version: 7 }, status: 409, message: '该任务已被他人修改，请刷新后再编辑' },
  ])('refuses a task update with $name ($status), changing nothing', async ({ body, status, field, message }) => {
    const mine = consultation.tasks.find((x: Json) => x.departmentCode === 'medical_insurance');
    const r = await req('dept', 'PUT', `/api/coop-tasks/${mine.id}`, body);
    expect(r.statusCode).toBe(status);
    if (field) expect(r.json().error.fields).toContainEqual({ field, message });
    else expect(r.json().error.message).toBe(message);
    expect(await taskRow(mine.id)).toMatchObject({ status: 'open', closed_on: null, version: 1 });
  });

  it('lets a department record progress and finish its task; only the office reopens it', async () => {
    const mine = consultation.tasks.find((x: Json) => x.departmentCode === 'medical_insurance');
    const p = await req('dept', 'PUT', `/api/coop-tasks/${mine.id}`, { status: 'open', progress: '已调取参保记录', version: 1 });
    expect(p.json().task).toMatchObject({ status: 'open', progress: '已调取参保记录', version: 2 });
    const done = await req('dept', 'PUT', `/api/coop-tasks/${mine.id}`, { status: 'done', progress: '已调取参保记录', resultNote: '已落实医疗救助', version: 2 });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().task).toMatchObject({ status: 'done', statusLabel: '已办结', closedOn: '2025-03-31', version: 3 });
    const reopen = await req('dept', 'PUT', `/api/coop-tasks/${mine.id}`, { status: 'open', version: 3 });
    expect(reopen.statusCode).toBe(403);
    expect(reopen.json().error.message).toBe('已办结或已转入后续计划的任务只能由县联动办公室重新打开');
    const office = await req('county', 'PUT', `/api/coop-tasks/${mine.id}`, { status: 'open', progress: '核查发现未落实', version: 3 });
    expect(office.json().task).toMatchObject({ status: 'open', closedOn: null });
    const again = await req('dept', 'PUT', `/api/coop-tasks/${mine.id}`, { status: 'done', resultNote: '已补办医疗救助', version: 4 });
    expect(again.statusCode).toBe(200);
    expect(Number((await t.db.query('SELECT count(*) AS n FROM audit_log WHERE action = $1 AND entity_id = $2', ['coop_task.update', String(mine.id)]))[0]!.n)).toBe(4);
  });

  it('refuses a department carrying over an assigned item (403) but lets it finish one; the office may carry over', async () => {
    const mine = await req('county', 'POST', '/api/coop-cases', { kind: 'assignment', title: '交办：慢性病鉴定政策宣传', tasks: [{ departmentCode: 'medical_insurance', title: '开展政策宣传', deadline: '2025-04-20' }] });
    const task = mine.json().tasks[0];
    const carry = await req('dept', 'PUT', `/api/coop-tasks/${task.id}`, { status: 'carried_over', carryNote: '转入下季度', version: 1 });
    expect(carry.statusCode).toBe(403);
    expect(carry.json().error.message).toBe('交办事项转入后续计划须由县联动办公室确认');
    expect(await taskRow(task.id)).toMatchObject({ status: 'open', carry_note: null });
    expect((await req('dept', 'PUT', `/api/coop-tasks/${task.id}`, { status: 'done', resultNote: '已在各乡镇宣传', version: 1 })).statusCode).toBe(200);
    const water = assignment.tasks[0];
    const office = await req('county', 'PUT', `/api/coop-tasks/${water.id}`, { status: 'carried_over', carryNote: '纳入二季度农村供水工程计划', version: 1 });
    expect(office.json().task).toMatchObject({ status: 'carried_over', closedOn: '2025-03-31' });
    // Back to open for the overdue checks below.
    expect((await req('county', 'PUT', `/api/coop-tasks/${water.id}`, { status: 'open', version: 2 })).statusCode).toBe(200);
  });

  it('lists overdue tasks as of the injected clock: a department sees only its own', async () => {
    const overdueIds = async (user: string, qs = '') => (await req(user, 'GET', `/api/coop-tasks/overdue${qs}`)).json().items.map((x: Json) => x.title);
    expect(await overdueIds('county')).toEqual([]); // 民政局's deadline is today, 2025-03-31
    now = APRIL_MORNING;
    const list = (await req('county', 'GET', '/api/coop-tasks/overdue')).json();
    expect(list.asOf).toBe('2025-04-01');
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ departmentName: '县民政局', title: '入户走访核实', caseTitle: '因病返贫风险户联席会商', caseKind: 'consultation', daysOverdue: 1, overdue: true });
    expect(await overdueIds('dept')).toEqual([]);
    expect(await overdueIds('county', '?departmentCode=civil_affairs')).toEqual(['入户走访核实']);
    expect(await overdueIds('county', '?departmentCode=water')).toEqual([]);
    expect(await overdueIds('dept', '?departmentCode=civil_affairs')).toEqual([]);
    expect((await req('county', 'GET', '/api/coop-cases?kind=consultation')).json().items[0].overdueTaskCount).toBe(1);
    now = new Date('2025-04-11T01:00:00+08:00');
    // Sessions last eight hours: log in again after the jump.
    cookies.county = await t.login('county');
    expect(await overdueIds('county')).toEqual(['入户走访核实', '修复供水管网']);
    now = APRIL_MORNING;
    cookies.county = await t.login('county');
  });

  it('refuses closing a case with an open task (409) naming it', async () => {
    const r = await req('county', 'POST', `/api/coop-cases/${consultation.case.id}/close`, { closeNote: '会商事项已落实' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'open_tasks', message: '尚有未完成任务：县民政局「入户走访核实」' });
    expect((await t.db.query('SELECT status FROM coop_case WHERE id = $1', [consultation.case.id]))[0]!.status).toBe('open');
    const noNote = await req('county', 'POST', `/api/coop-cases/${consultation.case.id}/close`, { closeNote: '' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.fields).toEqual([{ field: 'closeNote', message: '请填写办结说明' }]);
  });

  it('edits the case minutes with its version; a stale version is refused', async () => {
    const body = { title: '因病返贫风险户联席会商', description: '', householdId, details: { participants: ['县医保局'], minutes: '补充纪要', decisions: [] } };
    const stale = await req('county', 'PUT', `/api/coop-cases/${consultation.case.id}`, { ...body, version: 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('该事项已被他人修改，请刷新后再编辑');
    const ok = await req('county', 'PUT', `/api/coop-cases/${consultation.case.id}`, { ...body, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().case).toMatchObject({ version: 2, details: { minutes: '补充纪要' } });
    const [audit] = await t.db.query('SELECT before, after FROM audit_log WHERE action = $1', ['coop_case.update']);
    expect(audit!.before.details.minutes).toBe('会商纪要');
    expect(audit!.after.details.minutes).toBe('补充纪要');
    const bad = await req('county', 'PUT', `/api/coop-cases/${consultation.case.id}`, { ...body, details: { team: [] }, version: 2 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ field: 'details', message: '联席会商附加信息有误：不支持的字段：team' }]);
  });

  it('adds a task to an open case; refuses one with an unknown department or an early deadline', async () => {
    const url = `/api/coop-cases/${consultation.case.id}/tasks`;
    const before = await count('coop_task');
    const unknown = await req('county', 'POST', url, { departmentCode: 'nowhere', title: '追加', deadline: '2025-04-20' });
    expect(unknown.json().error.fields).toEqual([{ field: 'departmentCode', message: '责任部门不存在：nowhere' }]);
    const early = await req('county', 'POST', url, { departmentCode: 'health', title: '追加', deadline: '2025-03-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual([{ field: 'deadline', message: '任务期限不能早于立案日期（2025-03-31）' }]);
    expect(await count('coop_task')).toBe(before);
    const ok = await req('county', 'POST', url, { departmentCode: 'health', title: '家庭医生签约服务', deadline: '2025-04-20' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().task).toMatchObject({ departmentName: '县卫健委', status: 'open' });
    expect((await req('county', 'POST', '/api/coop-cases/999999/tasks', { departmentCode: 'health', title: 'x', deadline: '2025-04-20' })).statusCode).toBe(404);
  });

  it('closes a case once every task is done or carried over; then nothing about it changes', async () => {
    const detail = (await req('county', 'GET', `/api/coop-cases/${consultation.case.id}`)).json();
    for (const task of detail.tasks.filter((x: Json) => x.status === 'open')) {
      const body = task.departmentCode === 'health'
        ? { status: 'carried_over', carryNote: '纳入常态化健康帮扶计划', version: task.version }
        : { status: 'done', resultNote: '已入户核实', version: task.version };
      expect((await req('county', 'PUT', `/api/coop-tasks/${task.id}`, body)).statusCode).toBe(200);
    }
    const closed = await req('county', 'POST', `/api/coop-cases/${consultation.case.id}/close`, { closeNote: '会商事项已全部落实' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().case).toMatchObject({ status: 'closed', closedOn: '2025-04-01', closeNote: '会商事项已全部落实' });
    const task = closed.json().tasks[0];
    const edit = await req('county', 'PUT', `/api/coop-tasks/${task.id}`, { status: 'open', version: task.version });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe('该协同处置事项已办结，不能再修改');
    expect((await req('county', 'POST', `/api/coop-cases/${consultation.case.id}/tasks`, { departmentCode: 'health', title: 'x', deadline: '2025-04-20' })).statusCode).toBe(409);
    expect((await req('county', 'PUT', `/api/coop-cases/${consultation.case.id}`, { title: 'x', version: closed.json().case.version })).statusCode).toBe(409);
    const twice = await req('county', 'POST', `/api/coop-cases/${consultation.case.id}/close`, { closeNote: '再次办结' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('该协同处置事项已办结');
    expect(Number((await t.db.query('SELECT count(*) AS n FROM audit_log WHERE action = $1', ['coop_case.close']))[0]!.n)).toBe(1);
    expect((await req('dept', 'GET', '/api/coop-cases?status=closed')).json().total).toBe(1);
  });
});
