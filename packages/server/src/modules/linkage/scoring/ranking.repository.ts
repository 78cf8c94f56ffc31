/** Quarter ranking SQL: versions per quarter, one draft and one published at most (unique partial indexes). */
import type { Queryable } from '../../../db/db.js';
import { SqlParams } from '../../../db/sql-params.js';

export interface RankingContent { asOf: string; extensionWeight: number; entries: unknown; explanation: unknown }

const SUMMARY = 'id, year, quarter, version, status, supersedes_id, reason, as_of, extension_weight, computed_at, published_at';

export async function versionsOf(q: Queryable, year: number, quarter: number, forUpdate = false) {
  return q.query(`SELECT ${SUMMARY} FROM quarter_ranking WHERE year = $1 AND quarter = $2 ORDER BY version${forUpdate ? ' FOR UPDATE' : ''}`, [year, quarter]);
}

export async function insertRanking(q: Queryable, r: RankingContent & { year: number; quarter: number; version: number; supersedesId: number | null; by: number }) {
  const [row] = await q.query(
    `INSERT INTO quarter_ranking (year, quarter, version, supersedes_id, as_of, extension_weight, entries, explanation, computed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${SUMMARY}`,
    [r.year, r.quarter, r.version, r.supersedesId, r.asOf, r.extensionWeight, JSON.stringify(r.entries), JSON.stringify(r.explanation), r.by],
  );
  return row!;
}

/** Recompute a draft in place. */
export async function updateDraft(q: Queryable, id: number, r: RankingContent & { by: number }) {
  const [row] = await q.query(
    `UPDATE quarter_ranking SET as_of = $2, extension_weight = $3, entries = $4, explanation = $5, computed_by = $6, computed_at = now()
      WHERE id = $1 AND status = 'draft' RETURNING ${SUMMARY}`,
    [id, r.asOf, r.extensionWeight, JSON.stringify(r.entries), JSON.stringify(r.explanation), r.by],
  );
  return row!;
}

export async function findRanking(q: Queryable, id: number, forUpdate = false) {
  return (await q.query(`SELECT * FROM quarter_ranking WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]))[0] ?? null;
}

export async function setStatus(q: Queryable, id: number, status: 'published' | 'superseded', extra: { by?: number; reason?: string | null } = {}) {
  if (status === 'superseded') {
    await q.query("UPDATE quarter_ranking SET status = 'superseded' WHERE id = $1", [id]);
    return;
  }
  await q.query("UPDATE quarter_ranking SET status = 'published', published_by = $2, published_at = now(), reason = $3 WHERE id = $1", [id, extra.by ?? null, extra.reason ?? null]);
}

export async function listRankings(q: Queryable, f: { year?: number; publishedOnly: boolean }) {
  const p = new SqlParams();
  const where: string[] = [];
  if (f.year) where.push(`year = ${p.add(f.year)}`);
  if (f.publishedOnly) where.push("status <> 'draft'");
  return q.query(`SELECT ${SUMMARY} FROM quarter_ranking ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY year DESC, quarter DESC, version DESC LIMIT 500`, p.values);
}

/** The published (current) ranking of a quarter, with its entries. */
export async function publishedOf(q: Queryable, year: number, quarter: number) {
  return (await q.query("SELECT id, year, quarter, version, entries FROM quarter_ranking WHERE year = $1 AND quarter = $2 AND status = 'published'", [year, quarter]))[0] ?? null;
}

export const publishedOfYear = (q: Queryable, year: number) =>
  q.query("SELECT id, year, quarter, version, entries FROM quarter_ranking WHERE year = $1 AND status = 'published' ORDER BY quarter", [year]);
