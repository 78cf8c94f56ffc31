/**
 * Scoring end to end on both engines: facts gathered from the cycle and sharing records (inserted with SQL),
 * manual items, 资料报送, 核查 with a reproducible sample, scores, rankings (versions, publication), notices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../../../testing/engines.js';
import { createTestApp, type TestApp } from '../../../testing/fixture.js';
import { movableClock } from '../cycle/cycle.test-support.js';
import { drawSample } from './verification.sampling.js';

const engines = await availableEngines();

type Line = { code: string; count: number; points: number; month?: string; refs: { type: string; id: number }[] };

describe.each(engines)('linkage scoring on %s', (engine) => {
  let t: TestApp;
  const clock = movableClock('2024-04-10');
  let county: string;
  let leader: string;
  let inspector: string;
  let dept: string; // 县医保局 (紧密型)

  const req = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const sql = (text: string, params: unknown[] = []) => t.db.query(text, params);
  const one = async (text: string, params: unknown[] = []) => (await sql(text, params))[0]!;
  // Sessions expire by the injected clock: they are opened at the latest day the tests use and stay valid before it.
  const moveTo = async (day: string) => clock.set(day);
  const explain = async (code: string, year: number, quarter: number, cookie = county) => {
    const r = await req(cookie, 'GET', `/api/linkage/scores/${code}?year=${year}&quarter=${quarter}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json().score as { total: number; lines: Line[] };
  };
  const line = (lines: Line[], code: string, month?: string) => lines.find((l) => l.code === code && (month === undefined || l.month === month));

  const selfCheck = async (department: string, month: string, o: { submittedAt?: string; late?: boolean; due?: string } = {}) => {
    const due = o.due ?? `${month.slice(0, 4)}-${String(Number(month.slice(5)) + 1).padStart(2, '0')}-05`.replace(/-13-/, '-01-');
    const row = await one(
      `INSERT INTO self_check (department_code, month, status, due_date, submitted_at, submitted_late)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [department, month, o.submittedAt ? 'submitted' : 'draft', due, o.submittedAt ?? null, o.late ?? false],
    );
    return Number(row.id);
  };
  const rectification = async (department: string, selfCheckId: number | null, deadline: string, doneOn: string | null) => {
    const row = await one(
      `INSERT INTO rectification (self_check_id, department_code, problem, deadline, status, done_on) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [selfCheckId, department, '问题清单中的一项问题', deadline, doneOn ? 'done' : 'in_progress', doneOn],
    );
    return Number(row.id);
  };
  const townshipRanking = (department: string, month: string) =>
    sql(`INSERT INTO township_ranking (department_code, month, county_code, submitted_at) VALUES ($1, $2, '411321', $3)`, [department, month, `${month}-28T04:00:00Z`]);

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    clock.set('2024-07-10');
    [county, leader, inspector, dept] = await Promise.all(['county', 'leader', 'inspector', 'dept'].map((u) => t.login(u)));
    clock.set('2024-04-10');
    // The cycle and sharing tables this module reads (migrations 0004, 0005) must exist.
    for (const table of ['self_check', 'rectification', 'township_ranking', 'meeting_attendance', 'coop_task']) {
      expect((await one('SELECT to_regclass($1) AS t', [table])).t, table).not.toBeNull();
    }
  });
  afterAll(() => t?.close());

  describe('a department with no activity', () => {
    it('scores 100 − 3×8 = 76 (related, emergency) and 76 − 3×5 = 61 (close) once the last self-check is due', async () => {
      await moveTo('2024-04-10');
      const r = await req(county, 'GET', '/api/linkage/scores?year=2024&quarter=1');
      expect(r.statusCode, r.body).toBe(200);
      const items = r.json().items as { departmentCode: string; total: number }[];
      expect(items).toHaveLength(26);
      const total = (code: string) => items.find((i) => i.departmentCode === code)!.total;
      expect(total('discipline')).toBe(76);
      expect(total('public_security')).toBe(76);
      expect(total('education')).toBe(61);
      const edu = await explain('education', 2024, 1);
      expect(edu.lines.filter((l) => l.code === 'no_self_check').map((l) => [l.month, l.points])).toEqual([['2024-01', -8], ['2024-02', -8], ['2024-03', -8]]);
      expect(edu.lines.filter((l) => l.code === 'no_township_ranking')).toHaveLength(3);
    });

    it('does not count the last month while its self-check is still in time (the due day itself)', async () => {
      await moveTo('2024-04-05');
      expect((await explain('discipline', 2024, 1)).total).toBe(84);
      expect((await explain('education', 2024, 1)).total).toBe(74);
      await moveTo('2024-04-10');
    });

    it('answers 404 for an unknown department and 400 for a bad quarter', async () => {
      expect((await req(county, 'GET', '/api/linkage/scores/nowhere?year=2024&quarter=1')).statusCode).toBe(404);
      const bad = await req(county, 'GET', '/api/linkage/scores?year=2024&quarter=5');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toContain('季度应为1-4');
    });
  });

  describe('facts from the cycle and sharing records', () => {
    it('counts late self-checks, no-problem months, absences, open assignments and verified warnings, each with its record', async () => {
      // 县水利局: January late, February on time with no problem, March on time with one problem done in time.
      const jan = await selfCheck('water', '2024-01', { submittedAt: '2024-02-07T04:00:00Z', late: true });
      const feb = await selfCheck('water', '2024-02', { submittedAt: '2024-03-04T04:00:00Z' });
      const mar = await selfCheck('water', '2024-03', { submittedAt: '2024-04-03T04:00:00Z' });
      await rectification('water', jan, '2024-03-31', '2024-03-20');
      await rectification('water', mar, '2024-03-25', '2024-03-20');
      for (const m of ['2024-01', '2024-02', '2024-03']) await townshipRanking('water', m);
      const meeting = Number((await one(`INSERT INTO meeting (kind, held_on, title) VALUES ('progress', '2024-02-20', '二月推进会') RETURNING id`)).id);
      const meeting2 = Number((await one(`INSERT INTO meeting (kind, held_on, title) VALUES ('exchange', '2024-03-20', '三月交流会') RETURNING id`)).id);
      await sql(`INSERT INTO meeting_attendance (meeting_id, department_code, status) VALUES ($1, 'water', 'absent'), ($2, 'water', 'improper'), ($1, 'housing', 'excused')`, [meeting, meeting2]);
      const kase = Number((await one(`INSERT INTO coop_case (kind, title, opened_on, opened_by) VALUES ('assignment', '交办：饮水安全问题', '2024-02-01', $1) RETURNING id`, [t.userIds.county])).id);
      const task = Number((await one(`INSERT INTO coop_task (case_id, department_code, title, deadline) VALUES ($1, 'water', '整改饮水问题', '2024-03-10') RETURNING id`, [kase])).id);
      await sql(`INSERT INTO coop_task (case_id, department_code, title, deadline, status, closed_on, result_note) VALUES ($1, 'water', '已整改事项', '2024-03-10', 'done', '2024-03-08', '已完成')`, [kase]);
      const credit = Number((await one(`INSERT INTO warning_credit (department_code, occurred_on, source_type, source_id, note) VALUES ('water', '2024-03-02', 'warning', 'W-1', '推送饮水风险户') RETURNING id`)).id);
      await sql(`INSERT INTO warning_credit (department_code, occurred_on, source_type, source_id) VALUES ('water', '2024-04-02', 'warning', 'W-2')`);

      const s = await explain('water', 2024, 1);
      expect(line(s.lines, 'submission_late', '2024-01')).toMatchObject({ points: -1, refs: [{ type: 'self_check', id: jan }] });
      expect(line(s.lines, 'self_check_no_problem', '2024-02')).toMatchObject({ points: -3, refs: [{ type: 'self_check', id: feb }] });
      expect(line(s.lines, 'self_check_no_problem', '2024-03')).toBeUndefined();
      expect(line(s.lines, 'no_self_check')).toBeUndefined();
      expect(line(s.lines, 'no_township_ranking')).toBeUndefined();
      expect(line(s.lines, 'rectification_overdue')).toBeUndefined();
      expect(line(s.lines, 'meeting_absent')).toMatchObject({ points: -2, refs: [{ type: 'meeting', id: meeting }] });
      expect(line(s.lines, 'meeting_improper')).toMatchObject({ points: -1, refs: [{ type: 'meeting', id: meeting2 }] });
      expect(line(s.lines, 'assignment_overdue')).toMatchObject({ count: 1, points: -3, refs: [{ type: 'coop_task', id: task }] });
      expect(line(s.lines, 'warning_verified')).toMatchObject({ count: 1, points: 2, refs: [{ type: 'warning_credit', id: credit }] });
      expect(s.total).toBe(100 - 1 - 3 - 2 - 1 - 3 + 2);
      // An excused absence costs nothing.
      expect(line((await explain('housing', 2024, 1)).lines, 'meeting_absent')).toBeUndefined();
    });
  });

  describe('manual score items', () => {
    const item = (extra: Record<string, unknown> = {}) => ({
      departmentCode: 'organization', year: 2024, quarter: 1, itemCode: 'praise_county', count: 2, occurredOn: '2024-02-15',
      evidence: '县委办公室通报表扬文件（召办〔2024〕3号）', ...extra,
    });

    it.each([
      ['evidence missing', { evidence: undefined }, '请填写佐证材料'],
      ['evidence blank', { evidence: '   ' }, '请填写佐证材料'],
      ['unknown item code', { itemCode: 'bogus_item' }, '未知的评分项目代码: bogus_item'],
      ['computed item code', { itemCode: 'no_self_check' }, '评分项目 no_self_check 由系统计算，不能手工录入'],
      ['date outside the quarter', { occurredOn: '2024-04-01' }, '发生日期应在所选季度内'],
      ['unknown department', { departmentCode: 'nowhere' }, '部门代码 nowhere 不存在'],
    ])('refuses %s with 400 and writes nothing', async (_label, extra, message) => {
      const before = Number((await one('SELECT count(*) AS n FROM manual_score_item')).n);
      const r = await req(county, 'POST', '/api/linkage/manual-items', item(extra));
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.message).toBe(message);
      expect(Number((await one('SELECT count(*) AS n FROM manual_score_item')).n)).toBe(before);
    });

    it('counts an item once the county leader approves it, never while pending or rejected', async () => {
      await moveTo('2024-04-10');
      const base = (await explain('organization', 2024, 1)).total;
      expect(base).toBe(76);
      const a = await req(county, 'POST', '/api/linkage/manual-items', item());
      expect(a.statusCode, a.body).toBe(201);
      expect(a.json().item).toMatchObject({ status: 'pending', itemLabel: '被县级点名通报表扬', points: 2 });
      const pending = await req(county, 'POST', '/api/linkage/manual-items', item({ itemCode: 'notice_county', count: 1, evidence: '县督查通报' }));
      const rejected = await req(county, 'POST', '/api/linkage/manual-items', item({ itemCode: 'notice_city', count: 1, evidence: '市督查通报（待核）' }));
      expect((await explain('organization', 2024, 1)).total).toBe(base);

      expect((await req(county, 'POST', `/api/linkage/manual-items/${a.json().item.id}/approve`)).statusCode).toBe(403);
      const ok = await req(leader, 'POST', `/api/linkage/manual-items/${a.json().item.id}/approve`, { note: '同意' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().item.status).toBe('approved');
      const rej = await req(leader, 'POST', `/api/linkage/manual-items/${rejected.json().item.id}/reject`, { note: '佐证不足' });
      expect(rej.json().item.status).toBe('rejected');
      const again = await req(leader, 'POST', `/api/linkage/manual-items/${a.json().item.id}/reject`);
      expect(again.statusCode).toBe(409);

      const s = await explain('organization', 2024, 1);
      expect(s.total).toBe(base + 2);
      expect(line(s.lines, 'praise_county')).toMatchObject({ count: 2, points: 2, refs: [{ type: 'manual_score_item', id: a.json().item.id }] });
      expect(line(s.lines, 'notice_county')).toBeUndefined();
      expect(line(s.lines, 'notice_city')).toBeUndefined();
      expect(pending.json().item.status).toBe('pending');
      expect(Number((await one(`SELECT count(*) AS n FROM audit_log WHERE action = 'manual_score_item.approve' AND entity_id = $1`, [String(a.json().item.id)])).n)).toBe(1);
    });
  });

  describe('department users', () => {
    it('see their own explanation only (another department → 404) and only their own provisional score', async () => {
      expect((await req(dept, 'GET', '/api/linkage/scores/medical_insurance?year=2024&quarter=1')).statusCode).toBe(200);
      const other = await req(dept, 'GET', '/api/linkage/scores/education?year=2024&quarter=1');
      expect(other.statusCode).toBe(404);
      const list = (await req(dept, 'GET', '/api/linkage/scores?year=2024&quarter=1')).json();
      expect(list.items.map((i: { departmentCode: string }) => i.departmentCode)).toEqual(['medical_insurance']);
      const monthly = (await req(dept, 'GET', '/api/linkage/monthly-ranking?month=2024-03')).json();
      expect(monthly.items.map((i: { departmentCode: string }) => i.departmentCode)).toEqual(['medical_insurance']);
    });
  });

  describe('资料报送', () => {
    it('records submissions; late costs 1, never made 2, once due', async () => {
      await moveTo('2024-04-10');
      const past = await req(county, 'POST', '/api/submission-requests', { title: '过期事项', dueDate: '2024-04-09', departmentCodes: ['water'] });
      expect(past.statusCode).toBe(400);
      expect(past.json().error.message).toBe('报送截止日期不能早于今天');
      const unknown = await req(county, 'POST', '/api/submission-requests', { title: '事项', dueDate: '2024-04-20', departmentCodes: ['water', 'nowhere'] });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.message).toBe('部门代码 nowhere 不存在');

      const a = await req(county, 'POST', '/api/submission-requests', { title: '一季度帮扶工作总结', dueDate: '2024-04-15', departmentCodes: ['medical_insurance', 'civil_affairs'] });
      expect(a.statusCode, a.body).toBe(201);
      const b = await req(county, 'POST', '/api/submission-requests', { title: '医保参保数据', dueDate: '2024-04-20', departmentCodes: ['medical_insurance', 'civil_affairs'] });
      const notMine = await req(county, 'POST', '/api/submission-requests', { title: '民政数据', dueDate: '2024-04-20', departmentCodes: ['civil_affairs'] });

      const onTime = await req(dept, 'POST', `/api/submission-requests/${b.json().id}/submit`, { note: '已报送' });
      expect(onTime.statusCode, onTime.body).toBe(200);
      expect(onTime.json().submission).toMatchObject({ status: 'submitted', submittedOn: '2024-04-10', late: false });
      expect((await req(dept, 'POST', `/api/submission-requests/${b.json().id}/submit`)).statusCode).toBe(409);
      expect((await req(dept, 'POST', `/api/submission-requests/${notMine.json().id}/submit`)).statusCode).toBe(404);

      await moveTo('2024-04-18');
      const late = await req(dept, 'POST', `/api/submission-requests/${a.json().id}/submit`);
      expect(late.json().submission).toMatchObject({ submittedOn: '2024-04-18', late: true });

      const mine = (await req(dept, 'GET', '/api/submission-requests?year=2024')).json().items;
      expect(mine.map((r: { title: string }) => r.title).sort()).toEqual(['一季度帮扶工作总结', '医保参保数据']);
      expect(mine.every((r: { submissions: unknown[] }) => r.submissions.length === 1)).toBe(true);

      await moveTo('2024-07-10');
      const med = await explain('medical_insurance', 2024, 2);
      expect(line(med.lines, 'submission_late')).toMatchObject({ count: 1, points: -1, refs: [{ type: 'submission_request', id: a.json().id }] });
      expect(line(med.lines, 'submission_missing')).toBeUndefined();
      const civil = await explain('civil_affairs', 2024, 2);
      expect(line(civil.lines, 'submission_missing')).toMatchObject({ count: 3, points: -6 });
      await moveTo('2024-04-10');
    });
  });

  describe('每月核查', () => {
    let health: { jan: number; feb: number; mar: number; rFeb: number; rMar: number };

    beforeAll(async () => {
      const jan = await selfCheck('health', '2024-01', { submittedAt: '2024-02-03T04:00:00Z' });
      const feb = await selfCheck('health', '2024-02', { submittedAt: '2024-03-03T04:00:00Z' });
      const mar = await selfCheck('health', '2024-03', { submittedAt: '2024-04-03T04:00:00Z' });
      await rectification('health', jan, '2024-01-31', '2024-01-25');
      const rFeb = await rectification('health', feb, '2024-03-15', '2024-03-10');
      const rMar = await rectification('health', mar, '2024-04-30', null);
      for (const m of ['2024-01', '2024-02', '2024-03']) await townshipRanking('health', m);
      health = { jan, feb, mar, rFeb, rMar };
      // May self-checks of eight departments: the population of the sampling test.
      for (const d of ['education', 'housing', 'civil_affairs', 'human_resources', 'agriculture', 'disabled_federation', 'commerce', 'science']) {
        await selfCheck(d, '2024-05', { submittedAt: '2024-06-03T04:00:00Z' });
      }
    });

    it('draws the same sample from the same seed and population, as the pure function does', async () => {
      await moveTo('2024-06-10');
      const body = { month: '2024-05', selfCheckCount: 3, rectificationCount: 0, seed: '2024年5月核查' };
      const a = await req(inspector, 'POST', '/api/verification-rounds', body);
      expect(a.statusCode, a.body).toBe(201);
      const b = await req(county, 'POST', '/api/verification-rounds', body);
      expect(b.json().sample).toEqual(a.json().sample);
      expect(a.json().sample).toHaveLength(3);
      const round = (await req(county, 'GET', `/api/verification-rounds/${a.json().id}`)).json().round;
      expect(round.seed).toBe('2024年5月核查');
      expect(round.population.selfChecks).toHaveLength(8);
      const expected = drawSample(round.population.selfChecks as number[], 3, '2024年5月核查/self_check');
      expect(a.json().sample.map((m: { targetId: number }) => m.targetId)).toEqual(expected);
      const generated = await req(county, 'POST', '/api/verification-rounds', { month: '2024-05', selfCheckCount: 2, rectificationCount: 0 });
      expect(generated.json().seed).toMatch(/^[0-9a-f]{16}$/);
    });

    it.each([
      ['a future month', { month: '2024-07' }, '不能核查未来月份'],
      ['a month with nothing to sample', { month: '2023-01' }, '2023-01 没有可抽查的自查报告或整改事项'],
      ['zero sizes', { month: '2024-05', selfCheckCount: 0, rectificationCount: 0 }, '抽查数量不能都为0'],
    ])('refuses a round for %s', async (_label, body, message) => {
      await moveTo('2024-06-10');
      const r = await req(county, 'POST', '/api/verification-rounds', body);
      expect(r.statusCode).toBe(400);
      expect(r.json().error.message).toBe(message);
    });

    it('turns contradicting findings into facts: a self-check not carried out, a rectification not done', async () => {
      await moveTo('2024-04-10');
      expect((await explain('health', 2024, 1)).total).toBe(100);
      const round = await req(inspector, 'POST', '/api/verification-rounds', { month: '2024-03', selfCheckCount: 50, rectificationCount: 50, seed: 'all' });
      expect(round.statusCode, round.body).toBe(201);
      const id = round.json().id;
      const sampled = round.json().sample.map((m: { targetType: string; targetId: number }) => `${m.targetType}:${m.targetId}`);
      expect(sampled).toEqual(expect.arrayContaining([`self_check:${health.mar}`, `rectification:${health.rFeb}`, `rectification:${health.rMar}`]));

      const notSampled = await req(inspector, 'POST', `/api/verification-rounds/${id}/findings`, { targetType: 'self_check', targetId: health.jan, verdict: 'contradicts' });
      expect(notSampled.statusCode).toBe(400);
      expect(notSampled.json().error.message).toBe('该记录不在本轮抽查样本中');
      const noStatus = await req(inspector, 'POST', `/api/verification-rounds/${id}/findings`, { targetType: 'rectification', targetId: health.rFeb, verdict: 'contradicts' });
      expect(noStatus.statusCode).toBe(400);
      expect(noStatus.json().error.message).toBe('核查整改事项须填写核实的整改状态');

      const f1 = await req(inspector, 'POST', `/api/verification-rounds/${id}/findings`, { targetType: 'self_check', targetId: health.mar, verdict: 'contradicts', note: '现场未见自查影像资料' });
      expect(f1.statusCode, f1.body).toBe(201);
      expect(f1.json().finding.departmentCode).toBe('health');
      expect((await req(county, 'POST', `/api/verification-rounds/${id}/findings`, { targetType: 'self_check', targetId: health.mar, verdict: 'confirms' })).statusCode).toBe(409);
      let s = await explain('health', 2024, 1);
      expect(line(s.lines, 'no_self_check', '2024-03')).toMatchObject({ points: -8, refs: [{ type: 'self_check', id: health.mar }] });
      expect(s.total).toBe(92);

      await req(county, 'POST', `/api/verification-rounds/${id}/findings`, { targetType: 'rectification', targetId: health.rFeb, verdict: 'contradicts', verifiedStatus: 'in_progress' });
      await req(county, 'POST', `/api/verification-rounds/${id}/findings`, { targetType: 'rectification', targetId: health.rMar, verdict: 'confirms', verifiedStatus: 'in_progress' });
      s = await explain('health', 2024, 1);
      expect(line(s.lines, 'rectification_overdue')).toMatchObject({ count: 1, refs: [{ type: 'rectification', id: health.rFeb }] });
      expect(s.total).toBe(90);
      const detail = (await req(inspector, 'GET', `/api/verification-rounds/${id}`)).json();
      expect(detail.findings).toHaveLength(3);
      expect(detail.sample.find((m: { targetId: number; targetType: string }) => m.targetType === 'self_check' && m.targetId === health.mar).finding).toBe('contradicts');
    });
  });

  describe('settings and evaluations', () => {
    it('refuses bad settings and keeps the old values', async () => {
      const bad = await req(county, 'PUT', '/api/linkage/settings', { extensionWeight: 2 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toContain('延伸评价权重应在0-1之间');
      expect((await req(county, 'PUT', '/api/linkage/settings', {})).statusCode).toBe(400);
      expect((await req(dept, 'GET', '/api/linkage/settings')).json()).toEqual({ selfCheckDueDay: 5, extensionWeight: 0, noticeBottomN: 3, noticeConsecutiveQuarters: 2 });
    });

    it.each([
      ['an extension evaluation of a related department', { departmentCode: 'discipline', kind: 'extension', score: 90 }, '延伸评价仅适用于紧密型部门，县纪委监委不是紧密型部门'],
      ['an external evaluation of another department', { departmentCode: 'water', kind: 'external', score: 90, source: '省后评估' }, '外部评价仅适用于县乡村振兴局和县财政局'],
      ['an external evaluation without its source', { departmentCode: 'finance', kind: 'external', score: 90 }, '请填写外部评价来源'],
      ['a score above 100', { departmentCode: 'education', kind: 'extension', score: 101 }, '请求内容有误：score 评价得分应在0-100之间'],
    ])('refuses %s with 400', async (_label, body, message) => {
      const r = await req(county, 'PUT', '/api/linkage/evaluations', { year: 2024, quarter: 1, ...body });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.message).toBe(message);
    });
  });

  describe('quarterly ranking and notice', () => {
    let v1: number;
    let v2: number;
    let noticeId: number;

    it('refuses to rank a quarter that has not ended', async () => {
      await moveTo('2024-06-30');
      const r = await req(county, 'POST', '/api/linkage/rankings', { year: 2024, quarter: 2 });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.message).toBe('该季度尚未结束，不能排序');
      await moveTo('2024-04-10');
    });

    it('ranks per class with the extension weight and external evaluations, and stores a draft', async () => {
      expect((await req(county, 'PUT', '/api/linkage/settings', { extensionWeight: 0.3 })).json().extensionWeight).toBe(0.3);
      const notice = await req(county, 'POST', '/api/linkage/manual-items', {
        departmentCode: 'emergency_management', year: 2024, quarter: 1, itemCode: 'notice_county', count: 1, occurredOn: '2024-03-05', evidence: '县督查通报（召督〔2024〕2号）',
      });
      expect((await req(leader, 'POST', `/api/linkage/manual-items/${notice.json().item.id}/approve`)).statusCode).toBe(200);
      expect((await req(county, 'PUT', '/api/linkage/evaluations', { year: 2024, quarter: 1, departmentCode: 'education', kind: 'extension', score: 90 })).statusCode).toBe(200);
      expect((await req(county, 'PUT', '/api/linkage/evaluations', { year: 2024, quarter: 1, departmentCode: 'finance', kind: 'external', score: 95, source: '省对市资金绩效评估结果' })).statusCode).toBe(200);
      const r = await req(county, 'POST', '/api/linkage/rankings', { year: 2024, quarter: 1 });
      expect(r.statusCode, r.body).toBe(201);
      v1 = r.json().ranking.id;
      expect(r.json().ranking).toMatchObject({ version: 1, status: 'draft', supersedesId: null });
      const entries = r.json().entries as { departmentCode: string; class: string; finalScore: number; rank: number; basis: string }[];
      expect(entries).toHaveLength(26);
      expect(entries.find((e) => e.departmentCode === 'education')).toMatchObject({ finalScore: 69.7, basis: 'combined' });
      expect(entries.find((e) => e.departmentCode === 'finance')).toMatchObject({ finalScore: 95, basis: 'external', rank: 1 });
      expect(entries.find((e) => e.departmentCode === 'water')).toMatchObject({ finalScore: 92, rank: 1, class: 'close', basis: 'office' });
      expect(entries.find((e) => e.departmentCode === 'health')).toMatchObject({ finalScore: 90, rank: 2, class: 'close' });
      expect(entries.find((e) => e.departmentCode === 'medical_insurance')).toMatchObject({ finalScore: 61, rank: 4 });
      expect(entries.find((e) => e.departmentCode === 'emergency_management')).toMatchObject({ finalScore: 74, rank: 2, class: 'emergency' });
      expect(entries.map((e) => e.class)).toEqual([...Array(9).fill('close'), ...Array(15).fill('related'), ...Array(2).fill('emergency')]);
    });

    it('hides drafts from department users', async () => {
      expect((await req(dept, 'GET', `/api/linkage/rankings/${v1}`)).statusCode).toBe(404);
      expect((await req(dept, 'GET', '/api/linkage/rankings?year=2024')).json().items).toEqual([]);
    });

    it('publishes once (again → 409) and freezes the explanation', async () => {
      const p = await req(county, 'POST', `/api/linkage/rankings/${v1}/publish`);
      expect(p.statusCode, p.body).toBe(200);
      expect(p.json().ranking.status).toBe('published');
      const again = await req(county, 'POST', `/api/linkage/rankings/${v1}/publish`);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toBe('本季度排序已发布');
      // A later change does not alter the published version.
      await req(county, 'PUT', '/api/linkage/evaluations', { year: 2024, quarter: 1, departmentCode: 'education', kind: 'extension', score: null });
      const got = (await req(county, 'GET', `/api/linkage/rankings/${v1}`)).json();
      expect(got.entries.find((e: { departmentCode: string }) => e.departmentCode === 'education').finalScore).toBe(69.7);
      expect(got.explanation.health.total).toBe(90);
      expect(Object.keys(got.explanation)).toHaveLength(26);
    });

    it('shows department users the published ranking with their own explanation only', async () => {
      const got = await req(dept, 'GET', `/api/linkage/rankings/${v1}`);
      expect(got.statusCode).toBe(200);
      expect(got.json().entries).toHaveLength(26);
      expect(Object.keys(got.json().explanation)).toEqual(['medical_insurance']);
    });

    it('recomputes after publication as version 2, whose publication needs a reason', async () => {
      const r = await req(county, 'POST', '/api/linkage/rankings', { year: 2024, quarter: 1 });
      expect(r.statusCode, r.body).toBe(201);
      v2 = r.json().ranking.id;
      expect(r.json().ranking).toMatchObject({ version: 2, status: 'draft', supersedesId: v1 });
      expect(r.json().entries.find((e: { departmentCode: string }) => e.departmentCode === 'education')).toMatchObject({ finalScore: 61, basis: 'office' });
      const noReason = await req(county, 'POST', `/api/linkage/rankings/${v2}/publish`, {});
      expect(noReason.statusCode).toBe(409);
      expect(noReason.json().error.message).toBe('本季度排序已发布（第1版），发布新版本须填写原因');
      expect((await one('SELECT status FROM quarter_ranking WHERE id = $1', [v2])).status).toBe('draft');
      const ok = await req(county, 'POST', `/api/linkage/rankings/${v2}/publish`, { reason: '县专班延伸评价撤回，重新排序' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().ranking).toMatchObject({ version: 2, status: 'published', reason: '县专班延伸评价撤回，重新排序' });
      expect((await one('SELECT status FROM quarter_ranking WHERE id = $1', [v1])).status).toBe('superseded');
      expect((await req(county, 'POST', `/api/linkage/rankings/${v1}/publish`, { reason: 'x' })).statusCode).toBe(409);
      const actions = (await sql(`SELECT action FROM audit_log WHERE entity_type = 'quarter_ranking' ORDER BY id`)).map((a) => a.action);
      expect(actions).toEqual(['ranking.create', 'ranking.publish', 'ranking.supersede', 'ranking.republish']);
      const list = (await req(dept, 'GET', '/api/linkage/rankings?year=2024')).json().items;
      expect(list.map((x: { version: number; status: string }) => [x.version, x.status])).toEqual([[2, 'published'], [1, 'superseded']]);
    });

    it('shows the year side by side from the published versions', async () => {
      const r = await req(dept, 'GET', '/api/linkage/annual?year=2024');
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().items).toHaveLength(26);
      const edu = r.json().items.find((i: { departmentCode: string }) => i.departmentCode === 'education');
      expect(edu.quarters[0]).toMatchObject({ quarter: 1, rankingId: v2, version: 2, finalScore: 61 });
      expect(edu.quarters.slice(1)).toEqual([null, null, null]);
    });

    it('generates the notice from the published ranking only, once', async () => {
      const fromOld = await req(county, 'POST', '/api/linkage/notices', { rankingId: v1 });
      expect(fromOld.statusCode).toBe(400);
      expect(fromOld.json().error.message).toBe('该排序已被新版本取代，请根据现行版本生成通报');
      await req(county, 'PUT', '/api/linkage/settings', { noticeConsecutiveQuarters: 1 });
      const r = await req(county, 'POST', '/api/linkage/notices', { rankingId: v2 });
      expect(r.statusCode, r.body).toBe(201);
      const n = r.json().notice;
      noticeId = n.id;
      expect(n.status).toBe('draft');
      expect(n.title).toBe('关于2024年第一季度县直重点行业部门“5+2”联动工作排序情况的通报');
      expect(n.body).toContain('一、紧密型部门（9个）');
      expect(n.body).toContain('二、相关部门（15个）');
      expect(n.body).toContain('三、紧急预警部门（2个）');
      expect(n.body).toContain('第1名　县水利局　92分\n　　第2名　县卫健委　90分\n');
      expect(n.body).toContain('第1名　县财政局　95分（采用外部评价结果）');
      // Flagged over 1 quarter: the bottom 3 of a class (nobody in the close and related classes ranks that low,
      // everyone else being tied) and, in the class of 2, only the lower one.
      expect(n.lagging).toEqual(['emergency_management']);
      expect(n.body).toContain('县应急管理局连续1个季度处于本类别后3位，予以全县通报');
      expect((await req(county, 'POST', '/api/linkage/notices', { rankingId: v2 })).statusCode).toBe(409);
      await req(county, 'PUT', '/api/linkage/settings', { noticeConsecutiveQuarters: 2 });
    });

    it('hides the draft notice from department users and lets the office edit it', async () => {
      expect((await req(dept, 'GET', `/api/linkage/notices/${noticeId}`)).statusCode).toBe(404);
      expect((await req(dept, 'POST', `/api/linkage/notices/${noticeId}/read`)).statusCode).toBe(404);
      const edit = await req(county, 'PUT', `/api/linkage/notices/${noticeId}`, { title: '关于2024年第一季度部门排序情况的通报', body: '各乡镇、县直有关单位：\n　　正文。\n县“5+2”联动机制办公室\n2024年4月10日' });
      expect(edit.statusCode, edit.body).toBe(200);
    });

    it('delivers on the leader approval: 26 receipts unread; a department marks it read', async () => {
      expect((await req(county, 'POST', `/api/linkage/notices/${noticeId}/approve`)).statusCode).toBe(403);
      const a = await req(leader, 'POST', `/api/linkage/notices/${noticeId}/approve`);
      expect(a.statusCode, a.body).toBe(200);
      expect(a.json()).toMatchObject({ notice: { status: 'delivered' }, receipts: 26 });
      expect(Number((await one('SELECT count(*) AS n FROM notice_receipt WHERE notice_id = $1 AND read_at IS NULL', [noticeId])).n)).toBe(26);
      expect((await req(leader, 'POST', `/api/linkage/notices/${noticeId}/approve`)).statusCode).toBe(409);
      expect((await req(county, 'PUT', `/api/linkage/notices/${noticeId}`, { title: 'x', body: 'y' })).statusCode).toBe(409);

      const read = await req(dept, 'POST', `/api/linkage/notices/${noticeId}/read`);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json().receipt.readAt).toBeTruthy();
      expect((await req(dept, 'POST', `/api/linkage/notices/${noticeId}/read`)).statusCode).toBe(200);
      expect((await req(county, 'POST', `/api/linkage/notices/${noticeId}/read`)).statusCode).toBe(403);
      const office = (await req(county, 'GET', `/api/linkage/notices/${noticeId}`)).json();
      expect(office.receipts).toHaveLength(26);
      expect(office.receipts.filter((r: { readAt: string | null }) => r.readAt).map((r: { departmentCode: string }) => r.departmentCode)).toEqual(['medical_insurance']);
      const mine = (await req(dept, 'GET', `/api/linkage/notices/${noticeId}`)).json();
      expect(mine.receipts).toHaveLength(1);
      expect(Number((await one(`SELECT count(*) AS n FROM audit_log WHERE action = 'notice.read'`)).n)).toBe(1);
    });

    it('prints as a self-contained A4 HTML page', async () => {
      const r = await req(dept, 'GET', `/api/linkage/notices/${noticeId}/print`);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain('text/html');
      expect(r.body).toContain('<!DOCTYPE html>');
      expect(r.body).toContain('size: A4');
      expect(r.body).toContain('<h1>关于2024年第一季度部门排序情况的通报</h1>');
      expect(r.body).not.toMatch(/https?:\/\/|<link|<script|src=/);
    });

    it('downloads as a PDF with an embedded Chinese font', async () => {
      const r = await req(dept, 'GET', `/api/linkage/notices/${noticeId}/pdf`);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe('application/pdf');
      const pdf = Buffer.from(r.rawPayload);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1')).toMatch(/FontFile2/); // a TrueType font program is embedded (subset)
      expect(pdf.toString('latin1')).toContain('NotoSansSC');
    });
  });

  describe('monthly ranking of the close departments', () => {
    it('ranks the nine by the month\'s items only', async () => {
      await moveTo('2024-04-10');
      const r = await req(county, 'GET', '/api/linkage/monthly-ranking?month=2024-01');
      expect(r.statusCode, r.body).toBe(200);
      const items = r.json().items as { departmentCode: string; total: number; rank: number; lines: Line[] }[];
      expect(items).toHaveLength(9);
      // 县水利局: January late (−1) only; 县卫健委: nothing in January; a department with no January activity −8 −5.
      expect(items.find((i) => i.departmentCode === 'water')!.total).toBe(99);
      expect(items.find((i) => i.departmentCode === 'health')).toMatchObject({ total: 100, rank: 1 });
      expect(items.find((i) => i.departmentCode === 'education')!.total).toBe(87);
      expect(items.find((i) => i.departmentCode === 'water')!.lines.every((l) => l.month === undefined || l.month === '2024-01')).toBe(true);
    });
  });
});
