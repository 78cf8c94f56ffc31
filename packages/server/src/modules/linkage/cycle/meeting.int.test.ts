import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../../../testing/engines.js';
import { createTestApp, type TestApp } from '../../../testing/fixture.js';
import { movableClock } from './cycle.test-support.js';

const engines = await availableEngines();

describe.each(engines)('monthly meetings (小结) on %s', (engine) => {
  let t: TestApp;
  let county: string;
  let leader: string;
  let dept: string; // 县医保局
  let id: number;
  let taskId: number;

  const req = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const meeting = (extra: Record<string, unknown> = {}) => ({ kind: 'progress', heldOn: '2026-03-08', title: '三月“5+2”联动推进会', agenda: '通报二月自查情况', ...extra });
  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query(sql, params))[0]!.n);

  beforeAll(async () => {
    t = await createTestApp(engine, { clock: movableClock('2026-03-10') });
    [county, leader, dept] = await Promise.all(['county', 'leader', 'dept'].map((u) => t.login(u)));
  });
  afterAll(() => t?.close());

  it('creates a meeting with every department present unless given, audited', async () => {
    const r = await req(county, 'POST', '/api/meetings', meeting({ attendance: [{ departmentCode: 'finance', status: 'excused', remark: '外出培训' }] }));
    expect(r.statusCode, r.body).toBe(201);
    const d = r.json();
    id = d.meeting.id;
    expect(d.meeting).toMatchObject({ kind: 'progress', kindLabel: '推进会', heldOn: '2026-03-08', version: 1, minutes: '' });
    expect(d.attendance).toHaveLength(26);
    expect(d.attendance.filter((a: { status: string }) => a.status === 'present')).toHaveLength(25);
    expect(d.attendance.find((a: { departmentCode: string }) => a.departmentCode === 'finance')).toMatchObject({ status: 'excused', statusLabel: '请假', remark: '外出培训' });
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'meeting.create' AND entity_id = $1`, [String(id)])).toBe(1);
  });

  it.each([
    [{ kind: 'party' }, 'kind', '会议形式取值无效（exchange 交流会 / progress 推进会 / observation 观摩会）'],
    [{ title: ' ' }, 'title', '请填写会议名称'],
    [{ heldOn: '2026-13-01' }, 'heldOn', '会议日期应为有效日期（YYYY-MM-DD）'],
    [{ attendance: [{ departmentCode: 'nope', status: 'absent' }] }, 'attendance.0.departmentCode', '部门不存在'],
    [{ attendance: [{ departmentCode: 'water', status: 'absent' }, { departmentCode: 'water', status: 'present' }] }, 'attendance.1.departmentCode', '同一部门只能登记一次'],
    [{ attendance: [{ departmentCode: 'water', status: 'late' }] }, 'attendance.0.status', '参会情况取值无效（present 出席 / absent 缺席 / improper 未按要求参会 / excused 请假）'],
  ])('refuses %j with 400 naming the field, writing nothing', async (extra, field, message) => {
    const before = await count('SELECT count(*) AS n FROM meeting');
    const r = await req(county, 'POST', '/api/meetings', meeting(extra));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields[0]).toEqual({ field, message });
    expect(await count('SELECT count(*) AS n FROM meeting')).toBe(before);
  });

  it('updates attendance for the departments listed, audited; refuses unknown or repeated departments', async () => {
    const r = await req(county, 'PUT', `/api/meetings/${id}/attendance`, {
      items: [{ departmentCode: 'medical_insurance', status: 'absent', remark: '未请假缺席' }, { departmentCode: 'water', status: 'improper', remark: '迟到' }],
    });
    expect(r.statusCode, r.body).toBe(200);
    const att = r.json().attendance;
    expect(att).toHaveLength(26);
    expect(att.find((a: { departmentCode: string }) => a.departmentCode === 'medical_insurance')).toMatchObject({ status: 'absent', statusLabel: '缺席' });
    expect(att.find((a: { departmentCode: string }) => a.departmentCode === 'water')).toMatchObject({ status: 'improper', statusLabel: '未按要求参会' });
    expect(att.find((a: { departmentCode: string }) => a.departmentCode === 'finance')).toMatchObject({ status: 'excused' });
    const audit = await t.db.query(`SELECT before, after FROM audit_log WHERE action = 'meeting.attendance.update' AND entity_id = $1`, [String(id)]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toContainEqual({ departmentCode: 'medical_insurance', status: 'present', remark: null });

    const dup = await req(county, 'PUT', `/api/meetings/${id}/attendance`, { items: [{ departmentCode: 'water', status: 'present' }, { departmentCode: 'water', status: 'absent' }] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.message).toBe('部门“县水利局”的参会情况重复登记');
    const unknown = await req(county, 'PUT', `/api/meetings/${id}/attendance`, { items: [{ departmentCode: 'water', status: 'present' }, { departmentCode: 'nope', status: 'absent' }] });
    expect(unknown.json().error.message).toBe('部门代码 nope 不存在');
    const empty = await req(county, 'PUT', `/api/meetings/${id}/attendance`, { items: [] });
    expect(empty.json().error.fields[0]).toEqual({ field: 'items', message: '请至少登记一个部门的参会情况' });
    // nothing of the refused requests was written
    expect((await req(county, 'GET', `/api/meetings/${id}`)).json().attendance.find((a: { departmentCode: string }) => a.departmentCode === 'water').status).toBe('improper');
    expect((await req(county, 'PUT', '/api/meetings/999999/attendance', { items: [{ departmentCode: 'water', status: 'present' }] })).statusCode).toBe(404);
    expect((await req(dept, 'PUT', `/api/meetings/${id}/attendance`, { items: [{ departmentCode: 'medical_insurance', status: 'present' }] })).statusCode).toBe(403);
  });

  it('edits the meeting with its version; a stale version is 409', async () => {
    const ok = await req(county, 'PUT', `/api/meetings/${id}`, { ...meeting({ minutes: '会议通报了二月自查情况，布置三月工作' }), version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().meeting).toMatchObject({ minutes: '会议通报了二月自查情况，布置三月工作', version: 2 });
    const stale = await req(county, 'PUT', `/api/meetings/${id}`, { ...meeting({ title: '覆盖' }), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('该会议已被他人修改，请刷新后再编辑');
  });

  it('adds follow-up tasks and records the day one is done', async () => {
    const early = await req(county, 'POST', `/api/meetings/${id}/tasks`, { title: '补报材料', departmentCode: 'water', deadline: '2026-03-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toBe('完成时限不能早于会议日期');
    const unknown = await req(county, 'POST', `/api/meetings/${id}/tasks`, { title: '补报材料', departmentCode: 'nope', deadline: '2026-03-20' });
    expect(unknown.json().error.message).toBe('部门代码 nope 不存在');
    const r = await req(county, 'POST', `/api/meetings/${id}/tasks`, { title: '补报医保参保比对材料', departmentCode: 'medical_insurance', deadline: '2026-03-20' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().task).toMatchObject({ departmentName: '县医保局', status: 'open', statusLabel: '未完成', doneOn: null, overdue: false });
    taskId = r.json().task.id;
    await req(county, 'POST', `/api/meetings/${id}/tasks`, { title: '各部门报送三月自查', deadline: '2026-04-05' });
    await req(county, 'POST', `/api/meetings/${id}/tasks`, { title: '水利局整改水质问题', departmentCode: 'water', deadline: '2026-03-31' });

    const future = await req(county, 'PUT', `/api/meeting-tasks/${taskId}`, { status: 'done', doneOn: '2026-03-11' });
    expect(future.json().error.message).toBe('完成日期不能晚于今天');
    const openWithDate = await req(county, 'PUT', `/api/meeting-tasks/${taskId}`, { status: 'open', doneOn: '2026-03-09' });
    expect(openWithDate.json().error.message).toBe('任务未完成时不应填写完成日期');
    const done = await req(county, 'PUT', `/api/meeting-tasks/${taskId}`, { status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().task).toMatchObject({ status: 'done', statusLabel: '已完成', doneOn: '2026-03-10' });
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'meeting_task.update' AND entity_id = $1`, [String(taskId)])).toBe(1);
    expect((await req(dept, 'PUT', `/api/meeting-tasks/${taskId}`, { status: 'open' })).statusCode).toBe(403);
    expect((await req(county, 'PUT', '/api/meeting-tasks/999999', { status: 'done' })).statusCode).toBe(404);
  });

  it('shows a department user its own attendance row and its own or shared tasks', async () => {
    const d = (await req(dept, 'GET', `/api/meetings/${id}`)).json();
    expect(d.attendance).toEqual([{ departmentCode: 'medical_insurance', departmentName: '县医保局', status: 'absent', statusLabel: '缺席', remark: '未请假缺席' }]);
    expect(d.tasks.map((x: { title: string }) => x.title)).toEqual(['补报医保参保比对材料', '各部门报送三月自查']);
    const list = (await req(dept, 'GET', '/api/meetings?year=2026')).json().items;
    expect(list[0]).toMatchObject({ id, absentCount: 1, improperCount: 1, excusedCount: 1, taskCount: 3, openTaskCount: 2, myAttendance: { status: 'absent', statusLabel: '缺席' } });
    expect((await req(leader, 'GET', '/api/meetings?year=2026')).json().items[0].myAttendance).toBeNull();
    expect((await req(leader, 'GET', '/api/meetings?year=2025')).json().items).toEqual([]);
    expect((await req(leader, 'GET', `/api/meetings/${id}`)).json().attendance).toHaveLength(26);
    expect((await req(dept, 'GET', '/api/meetings/999999')).json().error.message).toBe('会议不存在');
    expect((await req(dept, 'POST', '/api/meetings', meeting())).statusCode).toBe(403);
  });
});
