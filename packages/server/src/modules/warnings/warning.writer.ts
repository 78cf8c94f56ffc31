/**
 * Creating warnings and attaching hits to them — the one way every source (信息比对, 部门信息预警, 一码通, 排查)
 * writes a warning. Call inside `db.tx` with its `q`; the caller writes its own audit row.
 */
import { openCase, warningMachine, type SubjectGroup, type WarningFacts, type WarningSource, type WorkflowActor, type WorkflowNow } from '@shouwang/domain';
import type { Queryable } from '../../db/db.js';
import { AppError } from '../../http/errors.js';
import { insertStep, lifecycleValues, LIFECYCLE_INSERT_COLUMNS } from '../workflow/workflow.store.js';

export interface NewWarning {
  source: WarningSource;
  /** The pushing department (信息比对 / 信息预警); null for self-reports and screening. */
  pushingDepartmentCode: string | null;
  villageCode: string;
  householdId?: number | null;
  personId?: number | null;
  rosterPersonId?: number | null;
  subjectIdentityKey?: string | null;
  subjectName?: string | null;
  subjectGroup?: SubjectGroup | null;
  riskTypes?: readonly string[];
  outputKind?: 'risk_clue' | 'suspected_problem';
  ruleCode?: string | null;
  title: string;
  description?: string | null;
  /** User id of whoever created it (null for a farmer's self-report). */
  createdBy: number | null;
}

export type HitSourceType = 'comparison_row' | 'instant' | 'self_report' | 'screening_visit';

export interface NewHit {
  sourceType: HitSourceType;
  sourceRef?: string | null;
  /** Comparison hits: file + row + rule version (`hitIdempotencyKey`); a re-run with the same key adds nothing. */
  idempotencyKey?: string | null;
  ruleCode?: string | null;
  ruleVersion?: number | null;
  sourceFile?: string | null;
  sourceRow?: number | null;
  /** The "why flagged": rule, version, file, row and the values that triggered it (shown to the verifier). */
  explanation: Record<string, unknown>;
}

/** The farmer (一码通) has no account: the opening step is recorded as the public. */
const PUBLIC_ACTOR_ROLE = 'public';

/** Create a warning in state 已推送 with its opening step and first hit; returns its id. */
export async function createWarning(q: Queryable, w: NewWarning, hit: NewHit, actor: WorkflowActor | null, now: WorkflowNow): Promise<number> {
  const facts: WarningFacts = { source: w.source, pushingDepartmentCode: w.pushingDepartmentCode, assistanceAdded: false };
  const machine = warningMachine();
  let lifecycle: unknown[];
  let step: Parameters<typeof insertStep>[4];
  if (actor) {
    const opened = openCase(machine, facts, actor, now);
    if (!opened.ok) throw new AppError(opened.refusal.status, opened.refusal.code, opened.refusal.message);
    lifecycle = lifecycleValues(opened.case);
    step = opened.step as Parameters<typeof insertStep>[4];
  } else {
    lifecycle = lifecycleValues({ state: 'pushed', version: 1, openedOn: now.today, stateEnteredOn: now.today, doneSubSteps: [], openObjections: 0, lastActorId: null, overrides: [], facts });
    step = {
      event: 'open', label: '农户自主申报', from: null, to: 'pushed', actorId: null as never, actorRole: PUBLIC_ACTOR_ROLE as never, actorName: '农户（一码通）',
      at: now.at, on: now.today, outcome: 'opened', remarks: null, attachments: [], subStep: null, bypassedGuards: [], payload: null, effects: [],
    };
  }
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO warning (source, pushing_department_code, village_code, household_id, person_id, roster_person_id, subject_identity_key, subject_name,
                          subject_group, risk_types, output_kind, rule_code, title, description, created_by, ${LIFECYCLE_INSERT_COLUMNS})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24) RETURNING id`,
    [w.source, w.pushingDepartmentCode, w.villageCode, w.householdId ?? null, w.personId ?? null, w.rosterPersonId ?? null, w.subjectIdentityKey ?? null,
      w.subjectName ?? null, w.subjectGroup ?? null, [...(w.riskTypes ?? [])], w.outputKind ?? 'risk_clue', w.ruleCode ?? null, w.title, w.description ?? null,
      w.createdBy, ...lifecycle],
  );
  const id = Number(row!.id);
  await insertStep(q, 'warning', id, 1, step);
  await attachHit(q, id, hit);
  return id;
}

/** Attach a hit to a warning; false when a hit with the same idempotency key already exists (nothing written). */
export async function attachHit(q: Queryable, warningId: number, h: NewHit): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO warning_hit (warning_id, source_type, source_ref, idempotency_key, rule_code, rule_version, source_file, source_row, explanation)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [warningId, h.sourceType, h.sourceRef ?? null, h.idempotencyKey ?? null, h.ruleCode ?? null, h.ruleVersion ?? null, h.sourceFile ?? null, h.sourceRow ?? null, JSON.stringify(h.explanation)],
  );
  return rows.length > 0;
}
