/** Writes audit rows; always called with the transaction's Queryable so the row commits with the change. */
import type { Queryable } from '../../db/db.js';
import type { RequestContext } from '../../http/context.js';

export interface AuditEntry {
  action: string; // e.g. household.update, person.reveal, household.export, auth.login
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export async function writeAudit(q: Queryable, ctx: RequestContext, e: AuditEntry): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (user_id, username, role, action, entity_type, entity_id, before, after, client_ip)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      ctx.user?.id ?? null,
      ctx.user?.username ?? null,
      ctx.user?.role ?? null,
      e.action,
      e.entityType,
      e.entityId == null ? null : String(e.entityId),
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      ctx.clientIp,
    ],
  );
}
