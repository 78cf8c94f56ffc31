/**
 * Persistence of the domain's workflow cases (warning, identification, elimination): the lifecycle columns shared by
 * the `warning` and `monitoring_case` tables, the step records in `workflow_step`, and one `applyEvent` that runs the
 * domain's `transition` under a row lock with an optimistic version check. Call inside `db.tx` with its `q`.
 */
import {
  allowedEvents, transition, STEP_OUTCOME_LABELS,
  type AvailableEvent, type StepRecord, type TransitionRefusal, type WorkflowActor, type WorkflowCase, type WorkflowEvent, type WorkflowMachine, type WorkflowNow,
} from '@shouwang/domain';
import type { Queryable } from '../../db/db.js';
import { todayOf, type Clock } from '../../clock.js';
import type { AuthUser } from '../../http/context.js';
import { AppError } from '../../http/errors.js';

export type CaseTable = 'warning' | 'monitoring_case';
export type MachineId = 'warning' | 'identification' | 'elimination';

/** The lifecycle columns as read from either table. */
export interface LifecycleRow {
  id: number;
  state: string;
  version: number;
  opened_on: string;
  state_entered_on: string;
  done_sub_steps: string[];
  open_objections: number;
  last_actor_id: string | null;
  overrides: string[];
  facts: unknown;
}

export const LIFECYCLE_COLUMNS = 'id, state, version, opened_on, state_entered_on, done_sub_steps, open_objections, last_actor_id, overrides, facts';

export function toWorkflowCase<S extends string, F>(r: LifecycleRow, facts?: F): WorkflowCase<S, F> {
  return {
    state: r.state as S,
    version: Number(r.version),
    openedOn: r.opened_on,
    stateEnteredOn: r.state_entered_on,
    doneSubSteps: r.done_sub_steps ?? [],
    openObjections: Number(r.open_objections),
    lastActorId: r.last_actor_id,
    overrides: r.overrides ?? [],
    facts: facts ?? (r.facts as F),
  };
}

export const actorOf = (u: AuthUser): WorkflowActor => ({ id: String(u.id), role: u.role, name: u.displayName });
export const nowOf = (clock: Clock): WorkflowNow => ({ at: clock().toISOString(), today: todayOf(clock) });

/** The HTTP error for a refused transition (403 / 409 / 400 with the allowed actions named in the message). */
export function refusalError(r: TransitionRefusal<string>): AppError {
  if (r.code === 'input_invalid') return new AppError(400, r.code, r.message, [{ field: r.field, message: r.message }]);
  return new AppError(r.status, r.code, r.message);
}

/** Lock the case row for the step (concurrent steps on one case queue here, then meet the version check). */
export async function lockCase(q: Queryable, table: CaseTable, id: number): Promise<LifecycleRow | null> {
  const rows = await q.query<LifecycleRow>(`SELECT ${LIFECYCLE_COLUMNS} FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ?? null;
}

export interface AppliedStep<S extends string, E extends string, F, P> {
  case: WorkflowCase<S, F>;
  step: StepRecord<S, E, P>;
  effects: string[];
}

/**
 * Apply one event to a locked case row: the domain decides, the row and a step record are written, or the refusal is
 * thrown as an AppError. `facts` replaces the stored facts for the guards (e.g. the elimination criteria of today)
 * and is stored with the new state.
 */
export async function applyEvent<S extends string, E extends string, F, P>(
  q: Queryable,
  a: { table: CaseTable; machine: WorkflowMachine<S, E, F, P>; row: LifecycleRow; facts?: F; event: WorkflowEvent<E, P>; actor: WorkflowActor; now: WorkflowNow },
): Promise<AppliedStep<S, E, F, P>> {
  const current = toWorkflowCase<S, F>(a.row, a.facts);
  const res = transition(a.machine, current, a.event, a.actor, a.now);
  if (!res.ok) throw refusalError(res.refusal as TransitionRefusal<string>);
  const c = res.case;
  const terminal = !!a.machine.states[c.state].terminal;
  const updated = await q.query(
    `UPDATE ${a.table} SET state = $1, version = $2, state_entered_on = $3, done_sub_steps = $4, open_objections = $5, last_actor_id = $6,
            overrides = $7, facts = $8, terminal = $9, closed_on = CASE WHEN $9 THEN $10::date ELSE NULL END, updated_at = now()
      WHERE id = $11 AND version = $12 RETURNING id`,
    [c.state, c.version, c.stateEnteredOn, [...c.doneSubSteps], c.openObjections, c.lastActorId, [...c.overrides], JSON.stringify(c.facts), terminal, a.now.today, a.row.id, current.version],
  );
  if (updated.length === 0) throw new AppError(409, 'version_conflict', '该事项已被他人办理，请刷新后重试');
  await insertStep(q, a.machine.id as MachineId, a.row.id, c.version, res.step as StepRecord<string, string, unknown>);
  return { case: c, step: res.step, effects: res.effects };
}

/** Write one step record (also the `open` step of a new case, with seq = 1). */
export async function insertStep(q: Queryable, machine: MachineId, caseId: number, seq: number, s: StepRecord<string, string, unknown>): Promise<void> {
  await q.query(
    `INSERT INTO workflow_step (machine, case_id, seq, event, label, from_state, to_state, actor_id, actor_role, actor_name, at, on_date, outcome,
                                remarks, attachments, sub_step, bypassed_guards, payload, effects)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [machine, caseId, seq, s.event, s.label, s.from, s.to, s.actorId == null ? null : Number(s.actorId), s.actorRole, s.actorName, s.at, s.on, s.outcome,
      s.remarks, s.attachments.map(Number), s.subStep, s.bypassedGuards, s.payload == null ? null : JSON.stringify(s.payload), s.effects ?? []],
  );
}

/** The values of the lifecycle columns for a newly opened case (INSERT … (state, version, …) VALUES …). */
export function lifecycleValues(c: WorkflowCase<string, unknown>): unknown[] {
  return [c.state, c.version, c.openedOn, c.stateEnteredOn, [...c.doneSubSteps], c.openObjections, c.lastActorId, [...c.overrides], JSON.stringify(c.facts)];
}
export const LIFECYCLE_INSERT_COLUMNS = 'state, version, opened_on, state_entered_on, done_sub_steps, open_objections, last_actor_id, overrides, facts';

export interface PresentedStep {
  seq: number;
  event: string;
  label: string;
  fromState: string | null;
  toState: string;
  actorName: string | null;
  actorRole: string;
  at: string;
  on: string;
  outcome: string;
  outcomeLabel: string;
  remarks: string | null;
  attachments: number[];
  subStep: string | null;
  bypassedGuards: string[];
  payload: unknown;
}

/** The recorded steps of a case, oldest first. */
export async function listSteps(q: Queryable, machine: MachineId, caseId: number): Promise<PresentedStep[]> {
  const rows = await q.query(
    `SELECT seq, event, label, from_state, to_state, actor_name, actor_role, at, on_date, outcome, remarks, attachments, sub_step, bypassed_guards, payload
       FROM workflow_step WHERE machine = $1 AND case_id = $2 ORDER BY seq`,
    [machine, caseId],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    event: r.event,
    label: r.label,
    fromState: r.from_state,
    toState: r.to_state,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    at: new Date(r.at).toISOString(),
    on: r.on_date,
    outcome: r.outcome,
    outcomeLabel: STEP_OUTCOME_LABELS[r.outcome as keyof typeof STEP_OUTCOME_LABELS] ?? r.outcome,
    remarks: r.remarks,
    attachments: (r.attachments ?? []).map(Number),
    subStep: r.sub_step,
    bypassedGuards: r.bypassed_guards ?? [],
    payload: r.payload ?? null,
  }));
}

/** The actions the user may take on the case now (what the UI shows as buttons). */
export function actionsFor<S extends string, E extends string, F, P>(machine: WorkflowMachine<S, E, F, P>, c: WorkflowCase<S, F>, user: AuthUser, clock: Clock): AvailableEvent<S, E>[] {
  return allowedEvents(machine, c, actorOf(user), nowOf(clock));
}
