/** 乡镇评分排名 (monthly, by 紧密型 departments). SQL only. */
import type { Queryable, Row } from '../../../db/db.js';
import { SqlParams } from '../../../db/sql-params.js';
import type { ListTownshipRankingsQuery } from './township-ranking.schemas.js';

export const townshipsOfCounty = (q: Queryable, countyCode: string) =>
  q.query<{ code: string; name: string }>(`SELECT code, name FROM area WHERE level = 'township' AND county_code = $1 ORDER BY code`, [countyCode]);

/** A new ranking; null when the department already filed one for the month. */
export async function insertRanking(q: Queryable, r: { departmentCode: string; month: string; countyCode: string; submittedAt: string; submittedBy: number }): Promise<number | null> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO township_ranking (department_code, month, county_code, submitted_at, submitted_by) VALUES ($1, $2, $3, $4::timestamptz, $5)
     ON CONFLICT (department_code, month) DO NOTHING RETURNING id`,
    [r.departmentCode, r.month, r.countyCode, r.submittedAt, r.submittedBy],
  );
  return rows[0] ? Number(rows[0].id) : null;
}

export async function insertRankingItems(q: Queryable, rankingId: number, items: readonly { townshipCode: string; score: number; rank: number; remark: string | null }[]): Promise<void> {
  const p = new SqlParams();
  const id = p.add(rankingId);
  const values = items.map((i) => `(${id}, ${p.add(i.townshipCode)}, ${p.add(i.score)}, ${p.add(i.rank)}, ${p.add(i.remark)})`);
  await q.query(`INSERT INTO township_ranking_item (ranking_id, township_code, score, rank, remark) VALUES ${values.join(', ')}`, p.values);
}

export async function listRankings(q: Queryable, f: ListTownshipRankingsQuery & { id?: number }, confined: string | null): Promise<{ rankings: Row[]; items: Row[] }> {
  const p = new SqlParams();
  const where = ['true'];
  if (f.id !== undefined) where.push(`t.id = ${p.add(f.id)}`);
  if (confined !== null) where.push(`t.department_code = ${p.add(confined)}`);
  if (f.month) where.push(`t.month = ${p.add(f.month)}`);
  if (f.departmentCode) where.push(`t.department_code = ${p.add(f.departmentCode)}`);
  const rankings = await q.query(
    `SELECT t.*, d.name AS department_name FROM township_ranking t JOIN department d ON d.code = t.department_code
      WHERE ${where.join(' AND ')} ORDER BY t.month DESC, d.sort_order LIMIT 500`,
    p.values,
  );
  if (!rankings.length) return { rankings, items: [] };
  const items = await q.query(
    `SELECT i.*, a.name AS township_name FROM township_ranking_item i JOIN area a ON a.code = i.township_code
      WHERE i.ranking_id = ANY ($1::bigint[]) ORDER BY i.ranking_id, i.rank, i.township_code`,
    [rankings.map((r) => Number(r.id))],
  );
  return { rankings, items };
}
