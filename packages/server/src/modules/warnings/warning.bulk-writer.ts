/**
 * Bulk creation of warnings, their opening steps and hits for big runs (信息比对 of tens of thousands of hits): the
 * same rows `warning.writer.ts` writes one by one, written with COPY. Ids come from the tables' sequences
 * (`nextval`), so the caller knows them before the rows exist. Call inside `db.tx` with its `q`; the caller writes
 * its own audit row. Hits must carry unique idempotency keys that are not yet recorded (COPY has no ON CONFLICT:
 * a recorded key fails the whole batch, and with it the transaction).
 */
import { openCase, warningMachine, type WarningFacts, type WorkflowActor, type WorkflowNow } from '@shouwang/domain';
import type { Queryable } from '../../db/db.js';
import { AppError } from '../../http/errors.js';
import type { NewHit, NewWarning } from './warning.writer.js';

/** Rows per COPY statement (keeps each CSV chunk small, so the event loop is never held long). */
const COPY_BATCH = 5_000;

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

const WARNING_COLUMNS = [
  'id', 'source', 'pushing_department_code', 'village_code', 'household_id', 'person_id', 'roster_person_id', 'subject_identity_key', 'subject_name',
  'subject_group', 'risk_types', 'output_kind', 'rule_code', 'title', 'description', 'created_by',
  'state', 'version', 'opened_on', 'state_entered_on', 'done_sub_steps', 'open_objections', 'last_actor_id', 'overrides', 'facts',
] as const;

const STEP_COLUMNS = [
  'machine', 'case_id', 'seq', 'event', 'label', 'from_state', 'to_state', 'actor_id', 'actor_role', 'actor_name', 'at', 'on_date', 'outcome',
  'remarks', 'attachments', 'sub_step', 'bypassed_guards', 'payload', 'effects',
] as const;

const HIT_COLUMNS = ['warning_id', 'source_type', 'source_ref', 'idempotency_key', 'rule_code', 'rule_version', 'source_file', 'source_row', 'explanation'] as const;

async function copyInBatches(q: Queryable, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += COPY_BATCH) {
    n += await q.copyFrom(table, columns, rows.slice(i, i + COPY_BATCH));
    await yieldToLoop();
  }
  return n;
}

/** `n` new ids of a bigserial table (in ascending order). */
export async function nextIds(q: Queryable, sequence: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await q.query<{ id: number }>(`SELECT nextval($1::regclass) AS id FROM generate_series(1, $2::int)`, [sequence, n]);
  return rows.map((r) => Number(r.id));
}

export interface BulkWarning {
  warning: NewWarning;
  /** The hits that raised it (at least one). */
  hits: NewHit[];
}

/**
 * Create warnings in state 已推送, each with its opening step by `actor` and its hits; returns the new ids in input
 * order. All warnings share one opening (same actor, same day), as `createWarning` would write each.
 */
export async function createWarningsBulk(q: Queryable, items: readonly BulkWarning[], actor: WorkflowActor, now: WorkflowNow): Promise<number[]> {
  if (items.length === 0) return [];
  const ids = await nextIds(q, 'warning_id_seq', items.length);
  const machine = warningMachine();
  const warningRows: unknown[][] = [];
  const stepRows: unknown[][] = [];
  const hitRows: unknown[][] = [];
  for (let i = 0; i < items.length; i++) {
    // Opening a case runs the workflow machine: yield now and then so thousands of warnings never hold the loop.
    if (i % 500 === 499) await yieldToLoop();
    const it = items[i]!;
    const w = it.warning;
    const facts: WarningFacts = { source: w.source, pushingDepartmentCode: w.pushingDepartmentCode, assistanceAdded: false };
    const opened = openCase(machine, facts, actor, now);
    if (!opened.ok) throw new AppError(opened.refusal.status, opened.refusal.code, opened.refusal.message);
    const c = opened.case;
    const id = ids[i]!;
    warningRows.push([
      id, w.source, w.pushingDepartmentCode, w.villageCode, w.householdId ?? null, w.personId ?? null, w.rosterPersonId ?? null, w.subjectIdentityKey ?? null,
      w.subjectName ?? null, w.subjectGroup ?? null, [...(w.riskTypes ?? [])], w.outputKind ?? 'risk_clue', w.ruleCode ?? null, w.title, w.description ?? null,
      w.createdBy, c.state, c.version, c.openedOn, c.stateEnteredOn, [...c.doneSubSteps], c.openObjections, c.lastActorId, [...c.overrides], c.facts,
    ]);
    const s = opened.step;
    stepRows.push([
      'warning', id, 1, s.event, s.label, s.from, s.to, s.actorId == null ? null : Number(s.actorId), s.actorRole, s.actorName, s.at, s.on, s.outcome,
      s.remarks, s.attachments.map(Number), s.subStep, s.bypassedGuards, s.payload, s.effects ?? [],
    ]);
    for (const h of it.hits) hitRows.push(hitRow(id, h));
  }
  await copyInBatches(q, 'warning', WARNING_COLUMNS, warningRows);
  await copyInBatches(q, 'workflow_step', STEP_COLUMNS, stepRows);
  await copyInBatches(q, 'warning_hit', HIT_COLUMNS, hitRows);
  return ids;
}

/** Attach hits to existing warnings (keys must be new, see the module note); returns how many were written. */
export async function attachHitsBulk(q: Queryable, hits: readonly { warningId: number; hit: NewHit }[]): Promise<number> {
  return copyInBatches(q, 'warning_hit', HIT_COLUMNS, hits.map((h) => hitRow(h.warningId, h.hit)));
}

function hitRow(warningId: number, h: NewHit): unknown[] {
  return [warningId, h.sourceType, h.sourceRef ?? null, h.idempotencyKey ?? null, h.ruleCode ?? null, h.ruleVersion ?? null, h.sourceFile ?? null, h.sourceRow ?? null, h.explanation];
}
