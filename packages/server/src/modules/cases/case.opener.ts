/**
 * Opening monitoring cases — shared by the warnings feature (纳入监测 opens an identification case) and the cases
 * feature (a village opens one directly, or requests risk elimination). Call inside `db.tx` with its `q`.
 */
import { identificationMachine, openCase, type IdentificationFacts, type WorkflowActor, type WorkflowNow } from '@shouwang/domain';
import type { Queryable } from '../../db/db.js';
import { AppError, conflict } from '../../http/errors.js';
import { insertStep, lifecycleValues, LIFECYCLE_INSERT_COLUMNS } from '../workflow/workflow.store.js';

export interface OpenIdentification {
  householdId: number;
  villageCode: string;
  riskTypes: readonly string[];
  /** The clue's day (the 15-day clock runs from it); defaults to today. */
  clueOn?: string;
  sourceWarningId?: number | null;
  remarks?: string | null;
  openedBy: number;
}

/** Open an identification case (入户核实 ∥ 信息比对); 409 when the household already has an open one. Returns its id. */
export async function openIdentificationCase(q: Queryable, o: OpenIdentification, actor: WorkflowActor, now: WorkflowNow): Promise<number> {
  const open = await q.query<{ id: number }>(`SELECT id FROM monitoring_case WHERE household_id = $1 AND kind = 'identification' AND NOT terminal`, [o.householdId]);
  if (open.length) throw conflict(`该户已有进行中的识别纳入事项（编号 ${open[0]!.id}），不能重复发起`, 'case_open');
  const helper = await q.query(`SELECT 1 FROM helper_assignment WHERE household_id = $1 AND ended_on IS NULL`, [o.householdId]);
  const facts: IdentificationFacts = { authorizationSigned: false, helperAssigned: helper.length > 0, monitorCategory: null, riskTypes: [...o.riskTypes] };
  const opened = openCase(identificationMachine(), facts, actor, now, { openedOn: o.clueOn ?? now.today, remarks: o.remarks ?? null });
  if (!opened.ok) throw new AppError(opened.refusal.status, opened.refusal.code, opened.refusal.message);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO monitoring_case (kind, household_id, village_code, source_warning_id, opened_by, ${LIFECYCLE_INSERT_COLUMNS})
     VALUES ('identification', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [o.householdId, o.villageCode, o.sourceWarningId ?? null, o.openedBy, ...lifecycleValues(opened.case)],
  );
  const id = Number(row!.id);
  await insertStep(q, 'identification', id, 1, opened.step as Parameters<typeof insertStep>[4]);
  return id;
}
