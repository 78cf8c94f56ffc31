/** Quarterly notice SQL: the notice and one read receipt per department once delivered. */
import type { Queryable } from '../../../db/db.js';
import { SqlParams } from '../../../db/sql-params.js';

export async function insertNotice(q: Queryable, n: { rankingId: number; year: number; quarter: number; title: string; body: string; lagging: string[]; by: number }) {
  const [row] = await q.query(
    `INSERT INTO linkage_notice (ranking_id, year, quarter, title, body, lagging, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [n.rankingId, n.year, n.quarter, n.title, n.body, JSON.stringify(n.lagging), n.by],
  );
  return row!;
}

export async function findNotice(q: Queryable, id: number, forUpdate = false) {
  return (await q.query(`SELECT * FROM linkage_notice WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]))[0] ?? null;
}

/** Notices, newest first; for a department, delivered ones with the own receipt. */
export async function listNotices(q: Queryable, f: { year?: number; department: string | null }) {
  const p = new SqlParams();
  const where: string[] = [];
  if (f.year) where.push(`n.year = ${p.add(f.year)}`);
  let receipt = 'NULL::timestamptz AS read_at';
  if (f.department !== null) {
    where.push("n.status = 'delivered'");
    receipt = `(SELECT r.read_at FROM notice_receipt r WHERE r.notice_id = n.id AND r.department_code = ${p.add(f.department)}) AS read_at`;
  }
  return q.query(
    `SELECT n.id, n.ranking_id, n.year, n.quarter, n.title, n.status, n.lagging, n.created_at, n.approved_at, ${receipt},
            (SELECT count(*) FROM notice_receipt r WHERE r.notice_id = n.id AND r.read_at IS NOT NULL) AS read_count,
            (SELECT count(*) FROM notice_receipt r WHERE r.notice_id = n.id) AS receipt_count
       FROM linkage_notice n ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY n.year DESC, n.quarter DESC, n.id DESC LIMIT 200`,
    p.values,
  );
}

export async function updateNoticeText(q: Queryable, id: number, title: string, body: string) {
  return (await q.query('UPDATE linkage_notice SET title = $2, body = $3 WHERE id = $1 RETURNING *', [id, title, body]))[0]!;
}

export async function markDelivered(q: Queryable, id: number, by: number) {
  return (await q.query("UPDATE linkage_notice SET status = 'delivered', approved_by = $2, approved_at = now() WHERE id = $1 RETURNING *", [id, by]))[0]!;
}

export async function insertReceipts(q: Queryable, noticeId: number, departmentCodes: readonly string[]): Promise<void> {
  await q.query('INSERT INTO notice_receipt (notice_id, department_code) SELECT $1, code FROM unnest($2::text[]) AS code', [noticeId, departmentCodes]);
}

export async function receiptsOf(q: Queryable, noticeId: number, department: string | null) {
  const p = new SqlParams();
  const dept = department !== null ? ` AND r.department_code = ${p.add(department)}` : '';
  return q.query(
    `SELECT r.department_code, d.name AS department_name, r.delivered_at, r.read_at, u.display_name AS read_by_name
       FROM notice_receipt r JOIN department d ON d.code = r.department_code LEFT JOIN user_account u ON u.id = r.read_by
      WHERE r.notice_id = ${p.add(noticeId)}${dept} ORDER BY d.sort_order`,
    p.values,
  );
}

/** Mark read once; returns the receipt, or null when the department has none. */
export async function markRead(q: Queryable, noticeId: number, department: string, by: number) {
  await q.query('UPDATE notice_receipt SET read_at = now(), read_by = $3 WHERE notice_id = $1 AND department_code = $2 AND read_at IS NULL', [noticeId, department, by]);
  return (await q.query('SELECT department_code, delivered_at, read_at FROM notice_receipt WHERE notice_id = $1 AND department_code = $2', [noticeId, department]))[0] ?? null;
}
