import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../testing/engines.js';
import { COUNTY, PASSWORD, createTestApp, type TestApp } from '../testing/fixture.js';
import { loadDemoIfEmpty, type DemoResult } from './demo.loader.js';
import {
  DRAFT_SELF_CHECK_DEPARTMENT, MISSING_SELF_CHECKS, MISSING_SUBMISSION, MISSING_TOWNSHIP_RANKINGS, VERIFICATION_SAMPLE, WEAK_DEPARTMENTS,
  linkageDemoPeriods, loadLinkageDemo, planLinkageDemo, type LinkageDemoInput,
} from './linkage.demo.js';

const engines = await availableEngines();
const TODAY = '2026-11-22';
const clock = () => new Date(`${TODAY}T03:00:00Z`);
const PREV = ['2026-04', '2026-05', '2026-06'];
const LAST = ['2026-07', '2026-08', '2026-09'];

interface Entry { departmentCode: string; class: string; finalScore: number; rank: number }

describe('linkage demo periods and plan (pure)', () => {
  it('derives Qprev, Qlast and the current quarter’s past months from today', () => {
    expect(linkageDemoPeriods(TODAY)).toEqual({
      today: TODAY, prev: { year: 2026, quarter: 2 }, last: { year: 2026, quarter: 3 }, current: { year: 2026, quarter: 4 },
      months: [...PREV, ...LAST, '2026-10'],
    });
    expect(linkageDemoPeriods('2027-01-10').months).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
  });

  it('plans the same data for the same today and nothing dated after it', () => {
    const input: LinkageDemoInput = {
      seed: 7, today: '2027-02-03', now: '2027-02-03T02:00:00.000Z', dueDay: 5, countyCode: COUNTY,
      names: { county: '南召县', city: '南阳市', province: '河南省' },
      departments: [
        { code: 'water', name: '县水利局', class: 'close' }, { code: 'medical_insurance', name: '县医保局', class: 'close' },
        { code: 'commerce', name: '县商务局', class: 'related' }, { code: 'public_security', name: '县公安局', class: 'emergency' },
      ],
      townships: [{ code: `${COUNTY}101`, name: '留山镇' }, { code: `${COUNTY}102`, name: '云阳镇' }],
      households: [{ id: 9, riskTypes: ['illness'], village: '大沟村', township: '留山镇' }],
      users: { county: 2, leader: 3, dept: 6, deptDepartment: 'medical_insurance' },
    };
    const a = planLinkageDemo(input);
    expect(planLinkageDemo(input)).toEqual(a);
    const dates = [
      ...a.selfChecks.flatMap((s) => [s.createdAt, s.submittedAt, ...s.problems.map((p) => p.doneOn)]),
      ...a.meetings.map((m) => m.heldOn), ...a.policies.flatMap((p) => [p.publishedAt, ...p.receipts.map((r) => r.readAt)]),
      ...a.cases.flatMap((c) => [c.openedOn, c.closedOn, ...c.tasks.map((t) => t.closedOn)]),
      ...a.requests.flatMap((r) => r.submissions.map((s) => s.submittedOn)), ...a.warningCredits.map((w) => w.occurredOn),
    ].filter((d): d is string => d !== null);
    expect(dates.length).toBeGreaterThan(50);
    expect(dates.filter((d) => d.slice(0, 10) >= input.today && d > input.now)).toEqual([]);
  });
});

describe.each(engines)('“5+2” linkage demo on %s', (engine) => {
  let t: TestApp;
  let first: DemoResult;
  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query<{ n: number }>(sql, params))[0]!.n);
  const req = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    first = await loadDemoIfEmpty(t.db, { counties: [COUNTY], scale: 0.02, password: PASSWORD, clock });
  });
  afterAll(() => t?.close());

  it('loads the linkage demo with the registry demo and reports what it created', async () => {
    expect(first.loaded).toBe(true);
    const c = first.linkage!;
    expect(c).toMatchObject({ rankings: 2, notices: 2, coopCases: 8 });
    expect(await count('SELECT count(*) AS n FROM self_check')).toBe(c.selfChecks);
    expect(await count('SELECT count(*) AS n FROM rectification')).toBe(c.rectifications);
    expect(await count('SELECT count(*) AS n FROM meeting')).toBe(c.meetings);
    expect(await count('SELECT count(*) AS n FROM policy_doc')).toBe(c.policies);
    expect(await count('SELECT count(*) AS n FROM verification_round')).toBe(c.verificationRounds);
    expect(c.policies).toBeGreaterThanOrEqual(12);
    expect(c.submissionRequests).toBeGreaterThanOrEqual(6);
  });

  it('has every department’s self-checks for Qprev and Qlast, except the designed missing months', async () => {
    const rows = await t.db.query<{ department_code: string; month: string; status: string; submitted_late: boolean }>(
      'SELECT department_code, month, status, submitted_late FROM self_check WHERE month = ANY($1)', [[...PREV, ...LAST]],
    );
    const departments = (await t.db.query<{ code: string }>('SELECT code FROM department')).map((d) => d.code);
    expect(departments).toHaveLength(26);
    expect(rows).toHaveLength(26 * 6 - MISSING_SELF_CHECKS.length);
    expect(rows.every((r) => r.status === 'submitted')).toBe(true);
    for (const m of MISSING_SELF_CHECKS) {
      const month = (m.quarter === 'prev' ? PREV : LAST)[m.monthIndex]!;
      expect(rows.some((r) => r.department_code === m.department && r.month === month)).toBe(false);
    }
    // The weak departments are late repeatedly; the others rarely.
    const late = (codes: readonly string[]) => rows.filter((r) => codes.includes(r.department_code) && r.submitted_late).length;
    for (const weak of WEAK_DEPARTMENTS) expect(late([weak]), weak).toBeGreaterThanOrEqual(2);
    const others = departments.filter((d) => !WEAK_DEPARTMENTS.includes(d));
    expect(late(others) / others.length).toBeLessThan(1);
  });

  it('has October’s reports due November 5 mostly submitted, one still a draft', async () => {
    const oct = await t.db.query<{ department_code: string; status: string; due_date: string }>("SELECT department_code, status, due_date FROM self_check WHERE month = '2026-10'");
    expect(oct).toHaveLength(26);
    expect(oct.every((r) => r.due_date === '2026-11-05')).toBe(true);
    expect(oct.filter((r) => r.status === 'draft').map((r) => r.department_code)).toEqual([DRAFT_SELF_CHECK_DEPARTMENT]);
    expect(await count("SELECT count(*) AS n FROM self_check WHERE month > '2026-10'")).toBe(0);
  });

  it('keeps a 整改台账 of 1-4 problems per report (a few with none) with realistic statuses', async () => {
    const perReport = await t.db.query<{ n: number }>('SELECT count(r.id) AS n FROM self_check s LEFT JOIN rectification r ON r.self_check_id = s.id GROUP BY s.id');
    const counts = perReport.map((r) => Number(r.n));
    expect(Math.max(...counts)).toBeLessThanOrEqual(4);
    expect(counts.filter((n) => n === 0).length).toBeGreaterThanOrEqual(2);
    const status = Object.fromEntries((await t.db.query<{ status: string; n: number }>('SELECT status, count(*) AS n FROM rectification GROUP BY status')).map((r) => [r.status, Number(r.n)]));
    expect(status.done).toBeGreaterThan((status.in_progress ?? 0) + (status.long_term ?? 0));
    expect(status.in_progress).toBeGreaterThan(0);
    expect(status.long_term).toBeGreaterThan(0);
    expect(await count("SELECT count(*) AS n FROM rectification WHERE status = 'in_progress' AND deadline <= '2026-09-30'")).toBeGreaterThan(0);
    expect(await count("SELECT count(*) AS n FROM rectification WHERE done_on >= $1 OR (status = 'done') <> (done_on IS NOT NULL)", [TODAY])).toBe(0);
  });

  it('has the 紧密型 departments’ township rankings of all townships, missing only the designed months', async () => {
    const townships = await count("SELECT count(*) AS n FROM area WHERE level = 'township' AND county_code = $1", [COUNTY]);
    expect(townships).toBe(16);
    const rankings = await t.db.query<{ department_code: string; month: string; items: number }>(
      `SELECT t.department_code, t.month, (SELECT count(*) FROM township_ranking_item i WHERE i.ranking_id = t.id) AS items
         FROM township_ranking t WHERE t.month = ANY($1)`, [[...PREV, ...LAST]],
    );
    expect(rankings.every((r) => Number(r.items) === townships)).toBe(true);
    const closeMissing = [...MISSING_SELF_CHECKS, ...MISSING_TOWNSHIP_RANKINGS].filter((m) => m.department === 'water');
    expect(rankings).toHaveLength(9 * 6 - closeMissing.length);
  });

  it('holds a meeting every month with all 26 departments’ attendance and 1-3 tasks', async () => {
    const meetings = await t.db.query<{ held_on: string; attendance: number; absent: number; tasks: number }>(
      `SELECT m.held_on, (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id) AS attendance,
              (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.status <> 'present') AS absent,
              (SELECT count(*) FROM meeting_task k WHERE k.meeting_id = m.id) AS tasks
         FROM meeting m ORDER BY m.held_on`,
    );
    expect(new Set(meetings.map((m) => m.held_on.slice(0, 7)))).toEqual(new Set([...PREV, ...LAST, '2026-10', '2026-11']));
    expect(meetings.every((m) => Number(m.attendance) === 26 && Number(m.tasks) >= 1 && Number(m.tasks) <= 3)).toBe(true);
    expect(meetings.reduce((n, m) => n + Number(m.absent), 0)).toBeGreaterThan(0);
  });

  it('shares policies of all four levels with receipts, cases of all four kinds and 资料报送 with one missing submission', async () => {
    expect(await count('SELECT count(DISTINCT level) AS n FROM policy_doc')).toBe(4);
    expect(await count("SELECT count(*) AS n FROM policy_doc WHERE doc_number IS NOT NULL AND doc_number NOT LIKE '演示%' AND doc_number NOT LIKE '召巩固拓展专班%'")).toBe(0);
    expect(await count('SELECT count(*) AS n FROM policy_receipt')).toBeGreaterThan(15 * 15);
    expect(await count('SELECT count(DISTINCT kind) AS n FROM coop_case')).toBe(4);
    expect(await count('SELECT count(*) AS n FROM coop_case WHERE household_id IS NOT NULL')).toBeGreaterThan(0);
    const overdue = await t.db.query("SELECT t.department_code FROM coop_task t JOIN coop_case c ON c.id = t.case_id WHERE c.kind = 'assignment' AND t.status = 'open' AND t.deadline <= '2026-09-30'");
    expect(overdue.map((r) => r.department_code)).toEqual(['water']);
    const missing = await t.db.query("SELECT s.department_code FROM submission s JOIN submission_request r ON r.id = s.request_id WHERE s.status = 'pending' AND r.due_date < $1", [TODAY]);
    expect(missing.map((r) => r.department_code)).toEqual([MISSING_SUBMISSION.department]);
  });

  it('records a verification round per month with its seed; one finding contradicts a rectification reported done', async () => {
    const rounds = await t.db.query<{ month: string; seed: string; findings: number }>(
      'SELECT month, seed, (SELECT count(*) FROM verification_finding f WHERE f.round_id = r.id) AS findings FROM verification_round r ORDER BY month',
    );
    expect(rounds.map((r) => r.month)).toEqual([...PREV, ...LAST, '2026-10']);
    expect(rounds.every((r) => r.seed === `demo-${r.month}` && Number(r.findings) === VERIFICATION_SAMPLE.selfCheckCount + VERIFICATION_SAMPLE.rectificationCount)).toBe(true);
    const contradicting = await t.db.query("SELECT f.target_id, r.status FROM verification_finding f JOIN rectification r ON r.id = f.target_id WHERE f.verdict = 'contradicts'");
    expect(contradicting).toHaveLength(1);
    expect(contradicting[0]!.status).toBe('done');
  });

  it('publishes one ranking for Qprev and one for Qlast with differing scores; the weak departments trail their class', async () => {
    const rankings = await t.db.query<{ quarter: number; status: string; entries: Entry[] }>('SELECT quarter, status, entries FROM quarter_ranking WHERE year = 2026 ORDER BY quarter');
    expect(rankings.map((r) => [Number(r.quarter), r.status])).toEqual([[2, 'published'], [3, 'published']]);
    for (const r of rankings) {
      const scores = r.entries.map((e) => e.finalScore);
      expect(r.entries).toHaveLength(26);
      expect(new Set(scores).size).toBeGreaterThan(6);
      expect(Math.min(...scores)).toBeLessThan(90);
      expect(Math.max(...scores)).toBeGreaterThan(100);
      const rankOf = (code: string) => r.entries.find((e) => e.departmentCode === code)!.rank;
      expect(rankOf('water')).toBe(9);
      expect(rankOf('commerce')).toBeGreaterThanOrEqual(14);
      expect(rankOf('culture_tourism')).toBeGreaterThanOrEqual(14);
    }
  });

  it('delivers the Qprev notice with 26 receipts (some read) and leaves the Qlast notice a draft', async () => {
    const notices = await t.db.query<{ id: number; quarter: number; status: string; receipts: number; reads: number; dept_read_by: number | null }>(
      `SELECT n.id, n.quarter, n.status, (SELECT count(*) FROM notice_receipt r WHERE r.notice_id = n.id) AS receipts,
              (SELECT count(read_at) FROM notice_receipt r WHERE r.notice_id = n.id) AS reads,
              (SELECT read_by FROM notice_receipt r WHERE r.notice_id = n.id AND r.department_code = 'medical_insurance') AS dept_read_by
         FROM linkage_notice n ORDER BY n.quarter`,
    );
    expect(notices.map((n) => [Number(n.quarter), n.status, Number(n.receipts)])).toEqual([[2, 'delivered', 26], [3, 'draft', 0]]);
    expect(Number(notices[0]!.reads)).toBeGreaterThan(13);
    expect(Number(notices[0]!.reads)).toBeLessThan(26);
    expect(Number(notices[0]!.dept_read_by)).toBe(t.userIds.dept);
    const dept = (await req(await t.login('dept'), 'GET', '/api/linkage/notices')).json();
    expect(dept.items.map((n: { quarter: number; readAt: string | null }) => [n.quarter, n.readAt !== null])).toEqual([[2, true]]);
  });

  it('does nothing the second time', async () => {
    const before = await count('SELECT (SELECT count(*) FROM self_check) + (SELECT count(*) FROM quarter_ranking) + (SELECT count(*) FROM meeting) AS n');
    const again = await loadDemoIfEmpty(t.db, { counties: [COUNTY], scale: 0.02, password: PASSWORD, clock });
    expect(again.loaded).toBe(false);
    expect(await loadLinkageDemo(t.db, { countyCode: COUNTY, clock })).toBeNull();
    expect(await count('SELECT (SELECT count(*) FROM self_check) + (SELECT count(*) FROM quarter_ranking) + (SELECT count(*) FROM meeting) AS n')).toBe(before);
  });

  it('leaves the leader a Qlast notice and a manual item to approve', async () => {
    const leader = await t.login('leader');
    const pending = (await req(leader, 'GET', '/api/linkage/manual-items?status=pending')).json().items;
    expect(pending.map((i: { year: number; quarter: number }) => [i.year, i.quarter])).toEqual([[2026, 3]]);
    expect((await req(leader, 'POST', `/api/linkage/manual-items/${pending[0].id}/approve`, {})).statusCode).toBe(200);
    const draft = (await req(leader, 'GET', '/api/linkage/notices')).json().items.find((n: { status: string }) => n.status === 'draft');
    const approved = await req(leader, 'POST', `/api/linkage/notices/${draft.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().receipts).toBe(26);
  });

  it('keeps the current quarter open: no ranking for it', async () => {
    expect(await count('SELECT count(*) AS n FROM quarter_ranking WHERE year = 2026 AND quarter = 4')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM linkage_notice WHERE year = 2026 AND quarter = 4')).toBe(0);
  });
});
