/**
 * Facts gathering: what the system knows about each department in a quarter, read from its own records and turned
 * into the engine's `DepartmentQuarterFacts` (each fact with a `ref` to its record). No rules here: which facts
 * cost points is decided by `computeQuarterScore`. One query per kind of record for all departments at once.
 *
 * Records read: self_check (+ its rectification count, + the latest verification finding), rectification
 * (+ latest finding), township_ranking, meeting_attendance of meetings held in the quarter, coop_task of
 * coop_case kind 'assignment' (a carried-over task has closed_on set and counts as closed), submission of
 * requests due in the quarter, warning_credit dated in the quarter, approved manual_score_item of the quarter.
 */
import {
  monthsOfQuarter, quarterEnd, type DepartmentClass, type DepartmentQuarterFacts, type Quarter,
} from '@shouwang/domain';
import type { Queryable } from '../../../db/db.js';

export interface DepartmentRow { code: string; name: string; class: DepartmentClass }

export const listDepartments = (q: Queryable) =>
  q.query<DepartmentRow>('SELECT code, name, class FROM department ORDER BY sort_order, code');

export const quarterStart = (quarter: Quarter) => `${monthsOfQuarter(quarter)[0]}-01`;

const emptyFacts = (departmentClass: DepartmentClass): DepartmentQuarterFacts => ({
  departmentClass, selfChecks: [], townshipRankings: [], rectifications: [], assignments: [], attendance: [],
  submissions: [], warningCredits: [], manualItems: [],
});

// The latest finding on a target decides; only a contradicting one changes the facts.
const LATEST_FINDING = (type: string, alias: string) => `LEFT JOIN LATERAL (
     SELECT f.verdict, f.verified_status FROM verification_finding f
      WHERE f.target_type = '${type}' AND f.target_id = ${alias}.id ORDER BY f.recorded_at DESC, f.id DESC LIMIT 1) vf ON true`;

/** Facts of every listed department for the quarter, keyed by department code. */
export async function gatherFacts(q: Queryable, departments: readonly DepartmentRow[], quarter: Quarter): Promise<Map<string, DepartmentQuarterFacts>> {
  const out = new Map(departments.map((d) => [d.code, emptyFacts(d.class)]));
  const codes = departments.map((d) => d.code);
  const months = monthsOfQuarter(quarter);
  const start = quarterStart(quarter);
  const end = quarterEnd(quarter);
  const of = (code: string) => out.get(code)!;

  // A self-check's submission date: the first submission's (UTC) date, aligned with the cycle's own lateness flag.
  const selfChecks = await q.query(
    `SELECT s.id, s.department_code, s.month, s.status, s.due_date,
            CASE WHEN s.submitted_at IS NULL THEN NULL
                 WHEN s.submitted_late THEN to_char(GREATEST((s.submitted_at AT TIME ZONE 'UTC')::date, s.due_date + 1), 'YYYY-MM-DD')
                 ELSE to_char(LEAST((s.submitted_at AT TIME ZONE 'UTC')::date, s.due_date), 'YYYY-MM-DD') END AS submitted_on,
            (SELECT count(*) FROM rectification r WHERE r.self_check_id = s.id) AS problem_count,
            vf.verdict
       FROM self_check s ${LATEST_FINDING('self_check', 's')}
      WHERE s.department_code = ANY($1) AND s.month = ANY($2)`,
    [codes, months],
  );
  for (const r of selfChecks) {
    of(r.department_code).selfChecks.push({
      month: r.month, status: r.status, submittedOn: r.submitted_on, dueDate: r.due_date, problemCount: Number(r.problem_count),
      ref: { type: 'self_check', id: Number(r.id), label: `${r.month} 月度自查` },
      ...(r.verdict === 'contradicts' ? { foundNotDone: true } : {}),
    });
  }

  const rankings = await q.query('SELECT id, department_code, month FROM township_ranking WHERE department_code = ANY($1) AND month = ANY($2)', [codes, months]);
  for (const r of rankings) of(r.department_code).townshipRankings.push({ month: r.month, ref: { type: 'township_ranking', id: Number(r.id), label: `${r.month} 乡镇评分排名` } });

  // Rectifications due by the quarter's end, except those done before it began.
  const rects = await q.query(
    `SELECT r.id, r.self_check_id, r.department_code, r.problem, r.deadline, r.status, r.done_on, vf.verdict, vf.verified_status
       FROM rectification r ${LATEST_FINDING('rectification', 'r')}
      WHERE r.department_code = ANY($1) AND r.deadline <= $2 AND NOT (r.status = 'done' AND r.done_on < $3)
      ORDER BY r.deadline, r.id`,
    [codes, end, start],
  );
  for (const r of rects) {
    of(r.department_code).rectifications.push({
      deadline: r.deadline, status: r.status, doneOn: r.done_on,
      ref: { type: 'rectification', id: Number(r.id), label: shorten(r.problem), ...(r.self_check_id == null ? {} : { parent: { type: 'self_check', id: Number(r.self_check_id) } }) },
      ...(r.verdict === 'contradicts' ? { verifiedStatus: r.verified_status } : {}),
    });
  }

  const tasks = await q.query(
    `SELECT t.id, t.case_id, t.department_code, t.title, t.deadline, t.closed_on
       FROM coop_task t JOIN coop_case c ON c.id = t.case_id
      WHERE c.kind = 'assignment' AND t.department_code = ANY($1) AND t.deadline <= $2 AND (t.closed_on IS NULL OR t.closed_on >= $3)
      ORDER BY t.deadline, t.id`,
    [codes, end, start],
  );
  for (const r of tasks) of(r.department_code).assignments.push({ deadline: r.deadline, closedOn: r.closed_on, ref: { type: 'coop_task', id: Number(r.id), label: shorten(r.title), parent: { type: 'coop_case', id: Number(r.case_id) } } });

  const attendance = await q.query(
    `SELECT a.meeting_id, a.department_code, a.status, m.held_on, m.title
       FROM meeting_attendance a JOIN meeting m ON m.id = a.meeting_id
      WHERE a.department_code = ANY($1) AND m.held_on BETWEEN $2 AND $3 ORDER BY m.held_on, m.id`,
    [codes, start, end],
  );
  for (const r of attendance) of(r.department_code).attendance.push({ date: r.held_on, status: r.status, ref: { type: 'meeting', id: Number(r.meeting_id), label: `${r.held_on} ${shorten(r.title)}` } });

  const subs = await q.query(
    `SELECT s.request_id, s.department_code, s.submitted_on, r.due_date, r.title
       FROM submission s JOIN submission_request r ON r.id = s.request_id
      WHERE s.department_code = ANY($1) AND r.due_date BETWEEN $2 AND $3 ORDER BY r.due_date, r.id`,
    [codes, start, end],
  );
  for (const r of subs) of(r.department_code).submissions.push({ dueDate: r.due_date, submittedOn: r.submitted_on, ref: { type: 'submission_request', id: Number(r.request_id), label: shorten(r.title) } });

  const credits = await q.query(
    'SELECT id, department_code, occurred_on, note FROM warning_credit WHERE department_code = ANY($1) AND occurred_on BETWEEN $2 AND $3 ORDER BY occurred_on, id',
    [codes, start, end],
  );
  for (const r of credits) of(r.department_code).warningCredits.push({ date: r.occurred_on, ref: { type: 'warning_credit', id: Number(r.id), label: shorten(r.note ?? `${r.occurred_on} 预警信息`) } });

  const manual = await q.query(
    `SELECT id, department_code, item_code, count, occurred_on, evidence FROM manual_score_item
      WHERE department_code = ANY($1) AND year = $2 AND quarter = $3 AND status = 'approved' ORDER BY occurred_on, id`,
    [codes, quarter.year, quarter.quarter],
  );
  for (const r of manual) of(r.department_code).manualItems.push({ code: r.item_code, count: r.count, date: r.occurred_on, ref: { type: 'manual_score_item', id: Number(r.id), label: shorten(r.evidence) } });

  return out;
}

const shorten = (s: string, max = 40) => (s.length > max ? s.slice(0, max - 1) + '…' : s);
