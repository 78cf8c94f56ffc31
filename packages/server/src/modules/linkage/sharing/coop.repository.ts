/** Joint-handling SQL: cases, department tasks, overdue tasks. Only queries. */
import type { Queryable } from '../../../db/db.js';
import { SqlParams } from '../../../db/sql-params.js';
import type { CaseListQuery, TaskInput } from './coop.schemas.js';

export type CaseRow = {
  id: number;
  kind: string;
  title: string;
  description: string;
  opened_on: string;
  opened_by: number;
  opened_by_name: string;
  household_id: number | null;
  subject: string | null;
  details: Record<string, unknown>;
  status: 'open' | 'closed';
  closed_on: string | null;
  close_note: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
};

export interface TaskRow {
  id: number;
  case_id: number;
  department_code: string;
  department_name: string;
  title: string;
  deadline: string;
  status: 'open' | 'done' | 'carried_over';
  progress: string | null;
  result_note: string | null;
  carry_note: string | null;
  closed_on: string | null;
  version: number;
}

export interface CaseListRow {
  id: number;
  kind: string;
  title: string;
  opened_on: string;
  status: string;
  closed_on: string | null;
  task_count: number;
  open_task_count: number;
  overdue_task_count: number;
  departments: string[];
}

/** A case in which `department` has a task (how a department user's view is limited). */
const hasTaskOf = (p: SqlParams, department: string) =>
  `EXISTS (SELECT 1 FROM coop_task t WHERE t.case_id = c.id AND t.department_code = ${p.add(department)})`;

export async function listCases(q: Queryable, f: CaseListQuery, ownDepartment: string | null, today: string): Promise<{ total: number; rows: CaseListRow[] }> {
  const p = new SqlParams();
  const where = ['true'];
  if (ownDepartment) where.push(hasTaskOf(p, ownDepartment));
  if (f.departmentCode) where.push(hasTaskOf(p, f.departmentCode));
  if (f.kind) where.push(`c.kind = ${p.add(f.kind)}`);
  if (f.status) where.push(`c.status = ${p.add(f.status)}`);
  const cond = where.join(' AND ');
  const [{ total }] = (await q.query<{ total: number }>(`SELECT count(*) AS total FROM coop_case c WHERE ${cond}`, p.values)) as [{ total: number }];
  const rows = await q.query<CaseListRow>(
    `SELECT c.id, c.kind, c.title, c.opened_on, c.status, c.closed_on,
            (SELECT count(*) FROM coop_task t WHERE t.case_id = c.id) AS task_count,
            (SELECT count(*) FROM coop_task t WHERE t.case_id = c.id AND t.status = 'open') AS open_task_count,
            (SELECT count(*) FROM coop_task t WHERE t.case_id = c.id AND t.status = 'open' AND t.deadline < ${p.add(today)}) AS overdue_task_count,
            ARRAY(SELECT d.name FROM department d WHERE EXISTS (SELECT 1 FROM coop_task t WHERE t.case_id = c.id AND t.department_code = d.code)
                   ORDER BY d.sort_order, d.code) AS departments
       FROM coop_case c
      WHERE ${cond}
      ORDER BY c.status = 'closed', c.opened_on DESC, c.id DESC
      LIMIT ${p.add(f.pageSize)} OFFSET ${p.add((f.page - 1) * f.pageSize)}`,
    p.values,
  );
  return { total: Number(total), rows };
}

export async function findCase(q: Queryable, id: number, forUpdate = false): Promise<CaseRow | null> {
  const rows = await q.query<CaseRow>(
    `SELECT c.*, u.display_name AS opened_by_name FROM coop_case c JOIN user_account u ON u.id = c.opened_by
      WHERE c.id = $1${forUpdate ? ' FOR UPDATE OF c' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function caseHasTaskOf(q: Queryable, caseId: number, department: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM coop_task WHERE case_id = $1 AND department_code = $2 LIMIT 1', [caseId, department])).length > 0;
}

/** What a case shows of its household: number, village, township, head's name. */
export async function householdSummary(q: Queryable, householdId: number): Promise<Record<string, unknown> | null> {
  const rows = await q.query(
    `SELECT h.id, h.household_no, v.name AS village_name, t.name AS township_name,
            (SELECT name FROM person WHERE household_id = h.id AND relation = 'head' ORDER BY id LIMIT 1) AS head_name
       FROM household h JOIN area v ON v.code = h.village_code JOIN area t ON t.code = v.parent_code
      WHERE h.id = $1`,
    [householdId],
  );
  return rows[0] ?? null;
}

const TASK_SELECT = `SELECT t.*, d.name AS department_name FROM coop_task t JOIN department d ON d.code = t.department_code`;

export const tasksOf = (q: Queryable, caseId: number) =>
  q.query<TaskRow>(`${TASK_SELECT} WHERE t.case_id = $1 ORDER BY t.deadline, d.sort_order, t.id`, [caseId]);

export async function findTask(q: Queryable, id: number, forUpdate = false): Promise<TaskRow | null> {
  return (await q.query<TaskRow>(`${TASK_SELECT} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]))[0] ?? null;
}

/** Which of these department codes exist. */
export async function existingDepartments(q: Queryable, codes: readonly string[]): Promise<Map<string, string>> {
  const rows = await q.query<{ code: string; name: string }>('SELECT code, name FROM department WHERE code = ANY ($1)', [[...new Set(codes)]]);
  return new Map(rows.map((r) => [r.code, r.name]));
}

export interface NewCase {
  kind: string;
  title: string;
  description: string;
  openedOn: string;
  openedBy: number;
  householdId: number | null;
  subject: string | null;
  details: Record<string, unknown>;
}

export async function insertCase(q: Queryable, c: NewCase): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO coop_case (kind, title, description, opened_on, opened_by, household_id, subject, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [c.kind, c.title, c.description, c.openedOn, c.openedBy, c.householdId, c.subject, JSON.stringify(c.details)],
  );
  return Number(row!.id);
}

export async function updateCase(q: Queryable, id: number, c: Pick<NewCase, 'title' | 'description' | 'householdId' | 'subject' | 'details'>): Promise<void> {
  await q.query(
    `UPDATE coop_case SET title = $1, description = $2, household_id = $3, subject = $4, details = $5,
            version = version + 1, updated_at = now()
      WHERE id = $6`,
    [c.title, c.description, c.householdId, c.subject, JSON.stringify(c.details), id],
  );
}

export async function closeCase(q: Queryable, id: number, closedOn: string, closeNote: string): Promise<void> {
  await q.query(
    `UPDATE coop_case SET status = 'closed', closed_on = $1, close_note = $2, version = version + 1, updated_at = now() WHERE id = $3`,
    [closedOn, closeNote, id],
  );
}

export async function insertTask(q: Queryable, caseId: number, t: TaskInput): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO coop_task (case_id, department_code, title, deadline) VALUES ($1, $2, $3, $4) RETURNING id',
    [caseId, t.departmentCode, t.title, t.deadline],
  );
  return Number(row!.id);
}

export interface TaskChange {
  status: TaskRow['status'];
  progress: string | null;
  resultNote: string | null;
  carryNote: string | null;
  closedOn: string | null;
}

export async function updateTask(q: Queryable, id: number, c: TaskChange): Promise<void> {
  await q.query(
    `UPDATE coop_task SET status = $1, progress = $2, result_note = $3, carry_note = $4, closed_on = $5,
            version = version + 1, updated_at = now()
      WHERE id = $6`,
    [c.status, c.progress, c.resultNote, c.carryNote, c.closedOn, id],
  );
}

/** Open tasks whose deadline has passed as of `today`, with their case; one department's or all. */
export async function overdueTasks(q: Queryable, today: string, department: string | null): Promise<(TaskRow & { case_kind: string; case_title: string })[]> {
  const p = new SqlParams();
  const where = [`t.status = 'open'`, `t.deadline < ${p.add(today)}`];
  if (department) where.push(`t.department_code = ${p.add(department)}`);
  return q.query(
    `SELECT t.*, d.name AS department_name, c.kind AS case_kind, c.title AS case_title
       FROM coop_task t JOIN department d ON d.code = t.department_code JOIN coop_case c ON c.id = t.case_id
      WHERE ${where.join(' AND ')}
      ORDER BY t.deadline, d.sort_order, t.id`,
    p.values,
  );
}
