/** What the "5+2" calendar of a month is built from. */
import { nextMonth, type Month } from '@shouwang/domain';
import type { Queryable } from '../../../db/db.js';

const monthRange = (m: Month) => [`${m}-01`, `${nextMonth(m)}-01`] as const;

export const departmentsFor = (q: Queryable, code: string | null) =>
  q.query<{ code: string; name: string }>(
    `SELECT code, name FROM department WHERE ($1::text IS NULL OR code = $1) ORDER BY sort_order, code`, [code]);

export async function submittedSelfChecks(q: Queryable, reportMonth: Month): Promise<Set<string>> {
  const rows = await q.query<{ department_code: string }>(`SELECT department_code FROM self_check WHERE month = $1 AND status = 'submitted'`, [reportMonth]);
  return new Set(rows.map((r) => r.department_code));
}

export const meetingsIn = (q: Queryable, m: Month) =>
  q.query<{ date: string; title: string }>(`SELECT held_on AS date, title FROM meeting WHERE held_on >= $1 AND held_on < $2 ORDER BY held_on`, monthRange(m) as unknown as string[]);

export const submissionsDueIn = (q: Queryable, m: Month, department: string | null) =>
  q.query<{ due_date: string; title: string; department_code: string; submitted: boolean }>(
    `SELECT r.due_date, r.title, s.department_code, s.status = 'submitted' AS submitted
       FROM submission_request r JOIN submission s ON s.request_id = r.id
      WHERE r.due_date >= $1 AND r.due_date < $2 AND ($3::text IS NULL OR s.department_code = $3)
      ORDER BY r.due_date, s.department_code`,
    [...monthRange(m), department]);

/** Joint-handling tasks and meeting follow-up tasks with a deadline in the month. */
export const tasksDueIn = (q: Queryable, m: Month, department: string | null) =>
  q.query<{ deadline: string; title: string; department_code: string | null; done: boolean }>(
    `SELECT t.deadline, t.title, t.department_code, t.status <> 'open' AS done
       FROM coop_task t JOIN coop_case c ON c.id = t.case_id
      WHERE t.deadline >= $1 AND t.deadline < $2 AND ($3::text IS NULL OR t.department_code = $3)
     UNION ALL
     SELECT t.deadline, t.title, t.department_code, t.status = 'done' AS done
       FROM meeting_task t
      WHERE t.deadline >= $1 AND t.deadline < $2 AND ($3::text IS NULL OR t.department_code = $3 OR t.department_code IS NULL)
      ORDER BY 1, 2`,
    [...monthRange(m), department]);
