/**
 * Department credit (+2, seed 004) for a warning: written once into `warning_credit` when `departmentCredit` says
 * the outcome counts (纳入监测, or 已是监测对象 with assistance added because of the warning). The unique key
 * (source_type, source_id, department_code) makes a second write a no-op. Call inside `db.tx` with its `q`.
 */
import { departmentCredit, type WarningFacts, type WarningState } from '@shouwang/domain';
import type { Queryable } from '../../db/db.js';
import type { AuthedContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { writeAudit } from '../audit/audit.writer.js';

export const WARNING_CREDIT_SOURCE_TYPE = 'warning';

interface CreditRow {
  id: number;
  state: string;
  title: string;
  facts: WarningFacts;
  assistance_added: boolean;
}

/** Write the credit if the warning's outcome now counts; true when a new credit row was written. */
export async function writeCreditIfDue(q: Queryable, w: CreditRow, occurredOn: string): Promise<boolean> {
  const credit = departmentCredit({ state: w.state as WarningState, facts: { ...w.facts, assistanceAdded: w.assistance_added || w.facts.assistanceAdded } });
  if (!credit.counts) return false;
  const rows = await q.query(
    `INSERT INTO warning_credit (department_code, occurred_on, source_type, source_id, note)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (source_type, source_id, department_code) DO NOTHING RETURNING id`,
    [credit.departmentCode, occurredOn, WARNING_CREDIT_SOURCE_TYPE, String(w.id), `${w.title.slice(0, 80)}（${credit.reason}）`],
  );
  return rows.length > 0;
}

/**
 * A help measure was added because of this warning (called by the assistance feature in its own transaction): marks
 * `assistance_added` and writes the department credit if the outcome now counts (e.g. 已是监测对象 + 新增帮扶措施).
 * Idempotent. The caller has already checked that the warning lies in the user's scope.
 */
export async function recordAssistanceAdded(q: Queryable, warningId: number, ctx: AuthedContext, today: string): Promise<{ credited: boolean }> {
  const rows = await q.query<CreditRow>(
    `UPDATE warning SET assistance_added = true, facts = jsonb_set(facts, '{assistanceAdded}', 'true'::jsonb), updated_at = now()
      WHERE id = $1 RETURNING id, state, title, facts, assistance_added`,
    [warningId],
  );
  const w = rows[0];
  if (!w) throw notFound('预警不存在');
  const credited = await writeCreditIfDue(q, { ...w, id: Number(w.id) }, today);
  await writeAudit(q, ctx, { action: 'warning.assistance_added', entityType: 'warning', entityId: warningId, after: { assistanceAdded: true, credited } });
  return { credited };
}
