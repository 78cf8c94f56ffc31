/** 资料报送 SQL: requests and each department's submission. */
import type { Queryable } from '../../../db/db.js';
import { SqlParams } from '../../../db/sql-params.js';

export async function insertRequest(q: Queryable, r: { title: string; description: string | null; dueDate: string; createdBy: number }) {
  const [row] = await q.query(
    'INSERT INTO submission_request (title, description, due_date, created_by) VALUES ($1, $2, $3, $4) RETURNING *',
    [r.title, r.description, r.dueDate, r.createdBy],
  );
  return row!;
}

export async function insertPendingSubmissions(q: Queryable, requestId: number, departmentCodes: readonly string[]): Promise<void> {
  await q.query(
    `INSERT INTO submission (request_id, department_code) SELECT $1, code FROM unnest($2::text[]) AS code`,
    [requestId, departmentCodes],
  );
}

/** Requests, newest due first; restricted to those addressed to `department` when given. */
export async function listRequests(q: Queryable, f: { year?: number; department: string | null }) {
  const p = new SqlParams();
  const where: string[] = [];
  if (f.year) where.push(`r.due_date BETWEEN ${p.add(`${f.year}-01-01`)} AND ${p.add(`${f.year}-12-31`)}`);
  if (f.department !== null) where.push(`EXISTS (SELECT 1 FROM submission s WHERE s.request_id = r.id AND s.department_code = ${p.add(f.department)})`);
  return q.query(
    `SELECT r.* FROM submission_request r ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY r.due_date DESC, r.id DESC LIMIT 500`,
    p.values,
  );
}

export async function submissionsOf(q: Queryable, requestIds: readonly number[], department: string | null) {
  const p = new SqlParams();
  const dept = department !== null ? ` AND s.department_code = ${p.add(department)}` : '';
  return q.query(
    `SELECT s.*, d.name AS department_name FROM submission s JOIN department d ON d.code = s.department_code
      WHERE s.request_id = ANY(${p.add(requestIds)})${dept} ORDER BY s.request_id, d.sort_order`,
    p.values,
  );
}

export async function findSubmissionForUpdate(q: Queryable, requestId: number, department: string) {
  const rows = await q.query(
    `SELECT s.*, r.due_date, r.title FROM submission s JOIN submission_request r ON r.id = s.request_id
      WHERE s.request_id = $1 AND s.department_code = $2 FOR UPDATE OF s`,
    [requestId, department],
  );
  return rows[0] ?? null;
}

export async function markSubmitted(q: Queryable, requestId: number, department: string, s: { on: string; by: number; note: string | null }) {
  const [row] = await q.query(
    `UPDATE submission SET status = 'submitted', submitted_on = $3, submitted_at = now(), submitted_by = $4, note = $5
      WHERE request_id = $1 AND department_code = $2 RETURNING *`,
    [requestId, department, s.on, s.by, s.note],
  );
  return row!;
}
