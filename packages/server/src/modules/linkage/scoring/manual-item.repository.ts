/** Manual score items SQL (通报, 表扬, 发言, 宣传, 越级上访, 舆情 recorded by the office). */
import type { Queryable } from '../../../db/db.js';
import { SqlParams } from '../../../db/sql-params.js';

export async function insertManualItem(q: Queryable, r: { departmentCode: string; year: number; quarter: number; itemCode: string; count: number; occurredOn: string; evidence: string; createdBy: number }) {
  const [row] = await q.query(
    `INSERT INTO manual_score_item (department_code, year, quarter, item_code, count, occurred_on, evidence, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [r.departmentCode, r.year, r.quarter, r.itemCode, r.count, r.occurredOn, r.evidence, r.createdBy],
  );
  return row!;
}

export async function listManualItems(q: Queryable, f: { year?: number; quarter?: number; status?: string; department: string | null }) {
  const p = new SqlParams();
  const where: string[] = [];
  if (f.year) where.push(`m.year = ${p.add(f.year)}`);
  if (f.quarter) where.push(`m.quarter = ${p.add(f.quarter)}`);
  if (f.status) where.push(`m.status = ${p.add(f.status)}`);
  if (f.department !== null) where.push(`m.department_code = ${p.add(f.department)}`);
  return q.query(
    `SELECT m.*, d.name AS department_name FROM manual_score_item m JOIN department d ON d.code = m.department_code
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY m.year DESC, m.quarter DESC, m.id DESC LIMIT 1000`,
    p.values,
  );
}

export async function findManualItemForUpdate(q: Queryable, id: number) {
  return (await q.query('SELECT * FROM manual_score_item WHERE id = $1 FOR UPDATE', [id]))[0] ?? null;
}

export async function decideManualItem(q: Queryable, id: number, d: { status: 'approved' | 'rejected'; by: number; note: string | null }) {
  const [row] = await q.query(
    'UPDATE manual_score_item SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4 WHERE id = $1 RETURNING *',
    [id, d.status, d.by, d.note],
  );
  return row!;
}
