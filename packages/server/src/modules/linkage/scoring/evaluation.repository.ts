/** 延伸评价 / 外部评价 SQL, one per department, quarter and kind. */
import type { Queryable } from '../../../db/db.js';
import { SqlParams } from '../../../db/sql-params.js';

export async function listEvaluations(q: Queryable, f: { year: number; quarter: number; department: string | null }) {
  const p = new SqlParams();
  const dept = f.department !== null ? ` AND e.department_code = ${p.add(f.department)}` : '';
  return q.query(
    `SELECT e.*, d.name AS department_name FROM linkage_evaluation e JOIN department d ON d.code = e.department_code
      WHERE e.year = ${p.add(f.year)} AND e.quarter = ${p.add(f.quarter)}${dept} ORDER BY d.sort_order, e.kind`,
    p.values,
  );
}

export async function findEvaluation(q: Queryable, k: { departmentCode: string; year: number; quarter: number; kind: string }) {
  const rows = await q.query('SELECT * FROM linkage_evaluation WHERE department_code = $1 AND year = $2 AND quarter = $3 AND kind = $4 FOR UPDATE', [k.departmentCode, k.year, k.quarter, k.kind]);
  return rows[0] ?? null;
}

export async function upsertEvaluation(q: Queryable, e: { departmentCode: string; year: number; quarter: number; kind: string; score: number; source: string | null; by: number }) {
  const [row] = await q.query(
    `INSERT INTO linkage_evaluation (department_code, year, quarter, kind, score, source, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (department_code, year, quarter, kind) DO UPDATE SET score = EXCLUDED.score, source = EXCLUDED.source, updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING *`,
    [e.departmentCode, e.year, e.quarter, e.kind, e.score, e.source, e.by],
  );
  return row!;
}

export async function deleteEvaluation(q: Queryable, id: number): Promise<void> {
  await q.query('DELETE FROM linkage_evaluation WHERE id = $1', [id]);
}
