/** Self-checks and rectifications (整改台账). SQL only; `confined` = the department a caller is limited to, or null. */
import type { Queryable, Row } from '../../../db/db.js';
import { SqlParams } from '../../../db/sql-params.js';
import type { ListSelfChecksQuery } from './self-check.schemas.js';

/** Problem counts of report `s` (a lateral join through the rectification index). */
const COUNTS = `LEFT JOIN LATERAL (
    SELECT count(*) AS problem_count,
           count(*) FILTER (WHERE r.status = 'in_progress') AS open_count,
           count(*) FILTER (WHERE r.status = 'long_term') AS long_term_count
      FROM rectification r WHERE r.self_check_id = s.id) rc ON true`;

const SELF_CHECK_SELECT = `SELECT s.*, d.name AS department_name, d.class AS department_class,
       coalesce(rc.problem_count, 0) AS problem_count, coalesce(rc.open_count, 0) AS open_count, coalesce(rc.long_term_count, 0) AS long_term_count
  FROM self_check s JOIN department d ON d.code = s.department_code ${COUNTS}`;

export async function listSelfChecks(q: Queryable, f: ListSelfChecksQuery, confined: string | null): Promise<Row[]> {
  const p = new SqlParams();
  const where = ['true'];
  if (confined !== null) where.push(`s.department_code = ${p.add(confined)}`);
  if (f.month) where.push(`s.month = ${p.add(f.month)}`);
  if (f.departmentCode) where.push(`s.department_code = ${p.add(f.departmentCode)}`);
  if (f.status) where.push(`s.status = ${p.add(f.status)}`);
  return q.query(`${SELF_CHECK_SELECT} WHERE ${where.join(' AND ')} ORDER BY s.month DESC, d.sort_order, s.id LIMIT 1000`, p.values);
}

export async function findSelfCheck(q: Queryable, id: number, confined: string | null, forUpdate = false): Promise<Row | null> {
  const p = new SqlParams();
  const where = [`s.id = ${p.add(id)}`];
  if (confined !== null) where.push(`s.department_code = ${p.add(confined)}`);
  if (forUpdate) await q.query(`SELECT 1 FROM self_check s WHERE ${where.join(' AND ')} FOR UPDATE`, p.values);
  return (await q.query(`${SELF_CHECK_SELECT} WHERE ${where.join(' AND ')}`, p.values))[0] ?? null;
}

/** A new draft; null when the department already has a report for the month. */
export async function insertSelfCheck(q: Queryable, r: { departmentCode: string; month: string; summary: string; dueDate: string; createdBy: number }): Promise<number | null> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO self_check (department_code, month, summary, due_date, created_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (department_code, month) DO NOTHING RETURNING id`,
    [r.departmentCode, r.month, r.summary, r.dueDate, r.createdBy],
  );
  return rows[0] ? Number(rows[0].id) : null;
}

export const updateSummary = (q: Queryable, id: number, summary: string) =>
  q.query('UPDATE self_check SET summary = $2, version = version + 1, updated_at = now() WHERE id = $1', [id, summary]);

/** Submit: the first submission time and its lateness stay; the latest submission is recorded too. */
export const markSubmitted = (q: Queryable, id: number, at: string, late: boolean, by: number) =>
  q.query(
    `UPDATE self_check SET status = 'submitted', submitted_at = coalesce(submitted_at, $2::timestamptz), last_submitted_at = $2::timestamptz,
            submitted_late = $3, submitted_by = $4, version = version + 1, updated_at = now() WHERE id = $1`,
    [id, at, late, by],
  );

export const markReopened = (q: Queryable, id: number, reason: string) =>
  q.query(
    `UPDATE self_check SET status = 'draft', reopened_count = reopened_count + 1, last_reopen_reason = $2, version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, reason],
  );

export const rectificationsOf = (q: Queryable, selfCheckId: number) =>
  q.query('SELECT * FROM rectification WHERE self_check_id = $1 ORDER BY id', [selfCheckId]);

/** A rectification with the status of its report (null when it belongs to none). */
export async function findRectification(q: Queryable, id: number, confined: string | null): Promise<Row | null> {
  const p = new SqlParams();
  const where = [`r.id = ${p.add(id)}`];
  if (confined !== null) where.push(`r.department_code = ${p.add(confined)}`);
  const rows = await q.query(
    `SELECT r.*, s.status AS report_status FROM rectification r LEFT JOIN self_check s ON s.id = r.self_check_id
      WHERE ${where.join(' AND ')} FOR UPDATE OF r`,
    p.values,
  );
  return rows[0] ?? null;
}

export interface RectificationValues {
  problem: string;
  measure: string;
  owner: string;
  deadline: string;
  status: string;
  doneOn: string | null;
  evidence: unknown[];
}

export async function insertRectification(q: Queryable, selfCheckId: number, departmentCode: string, v: RectificationValues): Promise<Row> {
  return (await q.query(
    `INSERT INTO rectification (self_check_id, department_code, problem, measure, owner, deadline, status, done_on, evidence)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb) RETURNING *`,
    [selfCheckId, departmentCode, v.problem, v.measure, v.owner, v.deadline, v.status, v.doneOn, JSON.stringify(v.evidence)],
  ))[0]!;
}

export async function updateRectification(q: Queryable, id: number, v: RectificationValues): Promise<Row> {
  return (await q.query(
    `UPDATE rectification SET problem = $2, measure = $3, owner = $4, deadline = $5, status = $6, done_on = $7, evidence = $8::jsonb, updated_at = now()
      WHERE id = $1 RETURNING *`,
    [id, v.problem, v.measure, v.owner, v.deadline, v.status, v.doneOn, JSON.stringify(v.evidence)],
  ))[0]!;
}

export const deleteRectification = (q: Queryable, id: number) => q.query('DELETE FROM rectification WHERE id = $1', [id]);

/** Every department (or the confined one) with its report for the month, if any, and whether it ranked the townships. */
export async function overviewRows(q: Queryable, month: string, confined: string | null): Promise<Row[]> {
  const p = new SqlParams();
  const m = p.add(month);
  const where = confined !== null ? `WHERE d.code = ${p.add(confined)}` : '';
  return q.query(
    `SELECT d.code AS department_code, d.name AS department_name, d.class AS department_class,
            s.id, s.status, s.due_date, s.submitted_at, s.submitted_late,
            coalesce(rc.problem_count, 0) AS problem_count, coalesce(rc.open_count, 0) AS open_count, coalesce(rc.long_term_count, 0) AS long_term_count,
            EXISTS (SELECT 1 FROM township_ranking t WHERE t.department_code = d.code AND t.month = ${m}) AS township_ranked
       FROM department d
       LEFT JOIN self_check s ON s.department_code = d.code AND s.month = ${m}
       ${COUNTS}
      ${where}
      ORDER BY d.sort_order, d.code`,
    p.values,
  );
}
