import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../../../testing/engines.js';
import { createTestApp, type TestApp } from '../../../testing/fixture.js';
import { departmentUser, movableClock } from './cycle.test-support.js';

const engines = await availableEngines();

describe.each(engines)('monthly self-checks on %s', (engine) => {
  let t: TestApp;
  const clock = movableClock('2026-03-10');
  let county: string;
  let leader: string;
  let inspector: string;
  let dept: string; // 县医保局
  let edu: string; // 县教育局
  let febId: number;
  let problemId: number;
  let eduId: number;

  const req = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query(sql, params))[0]!.n);
  const problem = (extra: Record<string, unknown> = {}) => ({
    problem: '部分脱贫人口参保信息未及时核对', measure: '逐户比对参保数据', owner: '张科长', deadline: '2026-03-31', ...extra,
  });

  /** Sessions expire by the injected clock too: moving it days ahead means logging in again. */
  const loginAll = async () => {
    [county, leader, inspector, dept, edu] = await Promise.all(['county', 'leader', 'inspector', 'dept', 'edu'].map((u) => t.login(u)));
  };
  const moveTo = async (day: string) => {
    clock.set(day);
    await loginAll();
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    await departmentUser(t, 'edu', 'education');
    await loginAll();
  });
  afterAll(() => t?.close());

  it('refuses a future month with 400 and writes nothing', async () => {
    const r = await req(dept, 'POST', '/api/self-checks', { month: '2026-04', summary: '未来' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ message: '不能填报未来月份的自查', fields: [{ field: 'month', message: '不能填报未来月份的自查' }] });
    expect(await count('SELECT count(*) AS n FROM self_check')).toBe(0);
  });

  it('refuses a malformed month with a Chinese message', async () => {
    const r = await req(dept, 'POST', '/api/self-checks', { month: '2026-3' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields[0]).toMatchObject({ field: 'month', message: '月份应为 YYYY-MM 格式（如 2026-03）' });
  });

  it('refuses filing for another department with 403', async () => {
    const r = await req(dept, 'POST', '/api/self-checks', { month: '2026-02', departmentCode: 'education' });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toBe('只能填报本部门的自查');
    expect(await count('SELECT count(*) AS n FROM self_check')).toBe(0);
  });

  it('creates a draft due on the 5th of the next month, audited; a second one for the month is 409', async () => {
    const r = await req(dept, 'POST', '/api/self-checks', { month: '2026-02', summary: '' });
    expect(r.statusCode, r.body).toBe(201);
    const sc = r.json().selfCheck;
    expect(sc).toMatchObject({ departmentCode: 'medical_insurance', departmentName: '县医保局', month: '2026-02', status: 'draft', statusLabel: '草稿', dueDate: '2026-03-05', submittedLate: false, version: 1 });
    febId = sc.id;
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'self_check.create' AND entity_id = $1`, [String(febId)])).toBe(1);
    const dup = await req(dept, 'POST', '/api/self-checks', { month: '2026-02', summary: '再来一份' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('本部门2026-02月份的自查报告已存在，不能重复创建');
    expect(await count('SELECT count(*) AS n FROM self_check')).toBe(1);
  });

  it('builds the problem list (整改台账) in the draft, with precise refusals', async () => {
    const ok = await req(dept, 'POST', `/api/self-checks/${febId}/problems`, problem({ evidence: [{ name: '比对台账.xlsx', note: '第一批' }] }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().rectification).toMatchObject({ status: 'in_progress', statusLabel: '整改中', doneOn: null, evidence: [{ name: '比对台账.xlsx', note: '第一批' }], overdue: false });
    problemId = ok.json().rectification.id;

    const cases: [Record<string, unknown>, string, string][] = [
      [problem({ status: 'done' }), 'doneOn', '已整改的问题必须填写整改完成日期'],
      [problem({ status: 'done', doneOn: '2026-03-11' }), 'doneOn', '整改完成日期不能晚于今天'],
      [problem({ doneOn: '2026-03-01' }), 'doneOn', '问题未整改完成时不应填写整改完成日期'],
      [problem({ owner: '  ' }), 'owner', '请填写整改责任人'],
      [problem({ deadline: '2026-02-30' }), 'deadline', '整改时限应为有效日期（YYYY-MM-DD）'],
      [problem({ status: 'fixed' }), 'status', '整改状态取值无效（in_progress 整改中 / done 已整改 / long_term 长期整改）'],
    ];
    for (const [body, field, message] of cases) {
      const r = await req(dept, 'POST', `/api/self-checks/${febId}/problems`, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.fields[0]).toEqual({ field, message });
    }
    const longTerm = await req(dept, 'POST', `/api/self-checks/${febId}/problems`, problem({ problem: '乡村医疗机构人员配备不足', status: 'long_term' }));
    expect(longTerm.statusCode).toBe(201);
    expect(await count('SELECT count(*) AS n FROM rectification WHERE self_check_id = $1', [febId])).toBe(2);
  });

  it('edits the draft with its version; a stale version is 409', async () => {
    const ok = await req(dept, 'PUT', `/api/self-checks/${febId}`, { summary: '本月开展参保核查自查', version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().selfCheck).toMatchObject({ summary: '本月开展参保核查自查', version: 2, problemCount: 2, openRectifications: 1, longTermRectifications: 1 });
    const stale = await req(dept, 'PUT', `/api/self-checks/${febId}`, { summary: '覆盖', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('该自查报告已被他人修改，请刷新后再编辑');
  });

  it('records a submission after the due date as late', async () => {
    const r = await req(dept, 'POST', `/api/self-checks/${febId}/submit`, { version: 2 });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().selfCheck).toMatchObject({ status: 'submitted', submittedLate: true, submittedAt: '2026-03-10T04:00:00.000Z' });
    expect((await req(dept, 'POST', `/api/self-checks/${febId}/submit`)).json().error.message).toBe('自查报告已提交，不能重复提交');
  });

  it('refuses editing a submitted report with 409 and changes nothing', async () => {
    const msg = '自查报告已提交，不能修改；如需修改请联系县联动办公室退回';
    const edit = await req(dept, 'PUT', `/api/self-checks/${febId}`, { summary: '改写', version: 3 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe(msg);
    const add = await req(dept, 'POST', `/api/self-checks/${febId}/problems`, problem());
    expect(add.statusCode).toBe(409);
    expect((await req(dept, 'DELETE', `/api/rectifications/${problemId}`)).statusCode).toBe(409);
    const d = (await req(dept, 'GET', `/api/self-checks/${febId}`)).json();
    expect(d.selfCheck.summary).toBe('本月开展参保核查自查');
    expect(d.problems).toHaveLength(2);
  });

  it('keeps rectification going after submission: status and done date, not the problem or deadline', async () => {
    const noDate = await req(dept, 'PUT', `/api/rectifications/${problemId}`, { status: 'done' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().error.message).toBe('已整改的问题必须填写整改完成日期');
    const deadline = await req(dept, 'PUT', `/api/rectifications/${problemId}`, { deadline: '2026-06-30' });
    expect(deadline.statusCode).toBe(409);
    expect(deadline.json().error.message).toBe('自查报告已提交，整改时限不能修改；如需调整请联系县联动办公室退回');
    expect((await req(dept, 'PUT', `/api/rectifications/${problemId}`, { problem: '改写问题' })).statusCode).toBe(409);
    const done = await req(dept, 'PUT', `/api/rectifications/${problemId}`, { status: 'done', doneOn: '2026-03-09', evidence: [{ name: '整改报告', note: null }] });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().rectification).toMatchObject({ status: 'done', statusLabel: '已整改', doneOn: '2026-03-09', deadline: '2026-03-31' });
    const back = await req(dept, 'PUT', `/api/rectifications/${problemId}`, { status: 'in_progress' });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.message).toBe('已整改的问题不能改回未整改状态；如核查发现整改不到位，由县联动办公室处理');
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'rectification.update' AND entity_id = $1`, [String(problemId)])).toBe(1);
  });

  it('lets only the office return a report, with a reason, audited; then the department edits and resubmits', async () => {
    expect((await req(dept, 'POST', `/api/self-checks/${febId}/reopen`, { reason: '自己退回' })).statusCode).toBe(403);
    const noReason = await req(county, 'POST', `/api/self-checks/${febId}/reopen`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0]).toEqual({ field: 'reason', message: '请填写退回原因' });
    const r = await req(county, 'POST', `/api/self-checks/${febId}/reopen`, { reason: '问题清单不完整，请补充' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().selfCheck).toMatchObject({ status: 'draft', reopenedCount: 1, lastReopenReason: '问题清单不完整，请补充' });
    const audit = await t.db.query(`SELECT username, after FROM audit_log WHERE action = 'self_check.reopen' AND entity_id = $1`, [String(febId)]);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'county', after: { status: 'draft', reason: '问题清单不完整，请补充' } });
    expect((await req(county, 'POST', `/api/self-checks/${febId}/reopen`, { reason: '再退' })).json().error.message).toBe('自查报告尚未提交，无需退回');

    const version = r.json().selfCheck.version;
    const edit = await req(dept, 'PUT', `/api/self-checks/${febId}`, { summary: '补充后的自查情况', version });
    expect(edit.statusCode, edit.body).toBe(200);
    const again = await req(dept, 'POST', `/api/self-checks/${febId}/submit`, {});
    expect(again.json().selfCheck).toMatchObject({ status: 'submitted', submittedLate: true, submittedAt: '2026-03-10T04:00:00.000Z' });
  });

  it('submits on time up to the due date; refuses an empty summary and a stale version', async () => {
    const mar = (await req(dept, 'POST', '/api/self-checks', { month: '2026-03' })).json().selfCheck;
    const empty = await req(dept, 'POST', `/api/self-checks/${mar.id}/submit`);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ message: '提交前请填写自查情况小结', fields: [{ field: 'summary', message: '提交前请填写自查情况小结' }] });
    await req(dept, 'PUT', `/api/self-checks/${mar.id}`, { summary: '三月自查', version: mar.version });
    const stale = await req(dept, 'POST', `/api/self-checks/${mar.id}/submit`, { version: mar.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('该自查报告已被他人修改，请刷新后再编辑');
    await moveTo('2026-04-05');
    const r = await req(dept, 'POST', `/api/self-checks/${mar.id}/submit`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().selfCheck).toMatchObject({ status: 'submitted', submittedLate: false, dueDate: '2026-04-05' });
    const e = await req(edu, 'POST', '/api/self-checks', { month: '2026-03', summary: '教育局三月自查' });
    expect(e.statusCode, e.body).toBe(201);
    eduId = e.json().selfCheck.id;
  });

  it('shows the month overview: on time, late, draft, missing only after the due date, not due', async () => {
    await moveTo('2026-04-06');
    const mar = (await req(county, 'GET', '/api/self-checks/overview?month=2026-03')).json();
    expect(mar.items).toHaveLength(26);
    const by = (code: string) => mar.items.find((i: { departmentCode: string }) => i.departmentCode === code);
    expect(by('medical_insurance')).toMatchObject({ status: 'on_time', statusLabel: '按时报送', problemCount: 0, townshipRanked: false });
    expect(by('education')).toMatchObject({ status: 'draft', selfCheckId: eduId });
    expect(by('finance')).toMatchObject({ status: 'missing', statusLabel: '未报送', selfCheckId: null, dueDate: '2026-04-05', townshipRanked: null });
    expect(mar.totals).toEqual({ onTime: 1, late: 0, draft: 1, missing: 24, notDue: 0 });
    const feb = (await req(leader, 'GET', '/api/self-checks/overview?month=2026-02')).json();
    expect(feb.items.find((i: { departmentCode: string }) => i.departmentCode === 'medical_insurance')).toMatchObject({ status: 'late', problemCount: 2, openRectifications: 0, longTermRectifications: 1 });
    const apr = (await req(inspector, 'GET', '/api/self-checks/overview?month=2026-04')).json();
    expect(apr.totals).toEqual({ onTime: 0, late: 0, draft: 0, missing: 0, notDue: 26 });
    // A department user sees its own row only.
    const own = (await req(dept, 'GET', '/api/self-checks/overview?month=2026-03')).json();
    expect(own.items.map((i: { departmentCode: string }) => i.departmentCode)).toEqual(['medical_insurance']);
    expect((await req(county, 'GET', '/api/self-checks/overview')).statusCode).toBe(400);
  });

  it('confines a department user to its own reports: another department is 404', async () => {
    const other = await req(dept, 'GET', `/api/self-checks/${eduId}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.message).toBe('记录不存在或不在您的管辖范围内');
    expect((await req(dept, 'PUT', `/api/self-checks/${eduId}`, { summary: '越权', version: 1 })).statusCode).toBe(404);
    expect((await req(dept, 'POST', `/api/self-checks/${eduId}/submit`)).statusCode).toBe(404);
    expect((await req(edu, 'PUT', `/api/rectifications/${problemId}`, { measure: '越权' })).statusCode).toBe(404);
    const own = (await req(dept, 'GET', '/api/self-checks')).json().items;
    expect(own.map((i: { departmentCode: string }) => i.departmentCode)).toEqual(['medical_insurance', 'medical_insurance']);
    expect((await req(dept, 'GET', '/api/self-checks?departmentCode=education')).json().items).toEqual([]);
    // The office and the leader see all; filters narrow.
    expect((await req(county, 'GET', '/api/self-checks?month=2026-03')).json().items).toHaveLength(2);
    expect((await req(leader, 'GET', '/api/self-checks?status=draft')).json().items.map((i: { id: number }) => i.id)).toEqual([eduId]);
    expect((await req(county, 'GET', `/api/self-checks/${eduId}`)).statusCode).toBe(200);
  });

  it('deletes a problem entered by mistake while the report is a draft', async () => {
    const p = (await req(edu, 'POST', `/api/self-checks/${eduId}/problems`, problem({ deadline: '2026-04-30' }))).json().rectification;
    expect((await req(dept, 'DELETE', `/api/rectifications/${p.id}`)).statusCode).toBe(404);
    expect((await req(edu, 'DELETE', `/api/rectifications/${p.id}`)).statusCode).toBe(204);
    expect(await count('SELECT count(*) AS n FROM rectification WHERE id = $1', [p.id])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'rectification.delete' AND entity_id = $1`, [String(p.id)])).toBe(1);
  });

  it('lets only department users file (the office reads and returns)', async () => {
    expect((await req(county, 'POST', '/api/self-checks', { month: '2026-03' })).statusCode).toBe(403);
    expect((await req(leader, 'POST', `/api/self-checks/${eduId}/submit`)).statusCode).toBe(403);
  });
});
