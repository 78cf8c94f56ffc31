import type { z } from 'zod';
import type { Queryable } from '../../db/db.js';
import { SqlParams, escapeLike } from '../../db/sql-params.js';
import { camelRow } from '../../db/case.js';
import type { auditQuery } from './audit.routes.js';

export async function searchAudit(q: Queryable, f: z.infer<typeof auditQuery>) {
  const p = new SqlParams();
  const where: string[] = ['true'];
  if (f.username) where.push(`username = ${p.add(f.username)}`);
  if (f.action) where.push(`action LIKE ${p.add(escapeLike(f.action) + '%')} ESCAPE '\\'`);
  if (f.entityType) where.push(`entity_type = ${p.add(f.entityType)}`);
  if (f.entityId) where.push(`entity_id = ${p.add(f.entityId)}`);
  if (f.from) where.push(`at >= ${p.add(f.from)}`);
  if (f.to) where.push(`at < ${p.add(f.to)}`);
  const w = where.join(' AND ');
  const [{ total }] = (await q.query<{ total: number }>(`SELECT count(*) AS total FROM audit_log WHERE ${w}`, p.values)) as [{ total: number }];
  const rows = await q.query(`SELECT * FROM audit_log WHERE ${w} ORDER BY at DESC, id DESC LIMIT ${p.add(f.pageSize)} OFFSET ${p.add((f.page - 1) * f.pageSize)}`, p.values);
  return { total: Number(total), items: rows.map((r) => ({ ...camelRow<Record<string, unknown>>(r), id: Number(r.id), userId: r.user_id == null ? null : Number(r.user_id) })) };
}
