/**
 * Workflows as data: a machine is a table of transitions (from, event, to, roles allowed, guard, deadline rule,
 * no self-approval, …) and ONE `transition` function applies any row of any machine. The UI asks `allowedEvents`
 * and shows exactly those actions. Pure: the actor, the clock (`now`) and the facts guards read are passed in.
 *
 * Decisions documented here:
 * - One row per (from, event); a row's `label` says what the action means in that state (审核通过, 审批通过 …).
 * - Parallel sub-steps (入户核实 ∥ 信息比对): the state lists its sub-steps; a row that `completes` one stays in the
 *   state until every sub-step is done, then moves to its `to`. A done sub-step is not offered again.
 * - Pause: a row may raise or resolve an objection. While any objection is open the case is paused: only rows marked
 *   `allowedWhilePaused` (reject, withdraw) and the objection rows themselves may run.
 * - No self-approval: the actor must differ from the actor of the previous step recorded on the case (whatever it
 *   was — so an override recorded by a county user must be approved by another county user).
 * - A `min` deadline on a row (公示 ≥ 5 days) is a built-in guard: the row refuses until its date is reached.
 *   A `max` deadline is information (due date and status); a late step is still allowed and shows as overdue.
 * - A guard marked `overridable` can be bypassed by a recorded override step (a row with `overrides`); every later
 *   step that relied on the override lists the bypassed guard in its record.
 * - Checks run in this order: stale version → state (terminal, no such row, sub-step done, no open objection) →
 *   role → paused → self-approval → remarks/input → minimum period → guard. The first failure is returned.
 * - Missing remarks or a bad event payload is `input_invalid` (400), a sixth refusal besides the five of the brief.
 * - Area scope (which village a cadre serves) is not checked here: the server applies it before calling.
 */
import { ROLE_LABELS, type Role } from '../access/roles.js';
import { DEADLINE_RULE_LABELS, evaluateDeadline, type DeadlineConfig, type DeadlineEvaluation, type DeadlineRuleName } from './deadline.rules.js';

export type StepOutcome = 'opened' | 'completed' | 'approved' | 'rejected' | 'withdrawn' | 'objection_raised' | 'objection_resolved' | 'overridden';

export const STEP_OUTCOME_LABELS: Record<StepOutcome, string> = {
  opened: '立案',
  completed: '已完成',
  approved: '通过',
  rejected: '驳回',
  withdrawn: '撤回',
  objection_raised: '收到异议',
  objection_resolved: '异议已处理',
  overridden: '越过标准（县级决定）',
};

export interface SubStepDef {
  id: string;
  label: string;
}

export interface StateDef {
  label: string;
  terminal?: boolean;
  /** Parallel sub-steps that must all be done before the state is left. */
  subSteps?: readonly SubStepDef[];
}

/** A deadline that applies to a row, counted from the case's opening or from entering the current state. */
export interface DeadlineRef {
  rule: DeadlineRuleName;
  from: 'opened' | 'state_entered';
}

export interface TransitionDef<S extends string, E extends string> {
  from: S;
  event: E;
  to: S;
  /** What the action is called in this state, e.g. 乡镇审核通过. */
  label: string;
  roles: readonly Role[];
  outcome: StepOutcome;
  guard?: string;
  /** Name of an input check on the event payload. */
  input?: string;
  deadlines?: readonly DeadlineRef[];
  /** The actor must differ from whoever did the previous step. */
  noSelfApproval?: boolean;
  remarksRequired?: boolean;
  /** A sub-step of `from` this row completes (stays in `from` until every sub-step is done). */
  completes?: string;
  objection?: 'raise' | 'resolve';
  allowedWhilePaused?: boolean;
  /** The overridable guard this row bypasses from now on (offered only while that guard fails). */
  overrides?: string;
  /** Declared consequences the caller applies, e.g. 'household_monitored'. */
  effects?: readonly string[];
}

export interface WorkflowCase<S extends string, F> {
  state: S;
  /** Optimistic lock: incremented by every step. */
  version: number;
  /** The day the case began (the clue), YYYY-MM-DD. */
  openedOn: string;
  /** The day the current state was entered, YYYY-MM-DD. */
  stateEnteredOn: string;
  /** Sub-steps of the current state already done. */
  doneSubSteps: readonly string[];
  /** Objections raised and not yet resolved (in the current state). */
  openObjections: number;
  /** Who did the previous step (for no self-approval). */
  lastActorId: string | null;
  /** Guards bypassed by a recorded override. */
  overrides: readonly string[];
  /** What guards read, supplied by the caller (e.g. 承诺授权书 signed, the elimination criteria). */
  facts: F;
}

export interface WorkflowActor {
  id: string;
  role: Role;
  name?: string;
}

/** The injected clock: the instant of the step and the business date (China Standard Time) it falls on. */
export interface WorkflowNow {
  at: string;
  today: string;
}

export interface WorkflowEvent<E extends string, P> {
  type: E;
  remarks?: string | null;
  /** Ids of stored attachments (visit form, minutes, signed 承诺授权书 …). */
  attachments?: readonly string[];
  payload?: P;
  /** The case version the user saw; a different current version is a 409 (someone acted first). */
  expectedVersion?: number;
}

export interface StepRecord<S extends string, E extends string, P> {
  event: E | 'open';
  label: string;
  from: S | null;
  to: S;
  actorId: string;
  actorRole: Role;
  actorName: string | null;
  at: string;
  on: string;
  outcome: StepOutcome;
  remarks: string | null;
  attachments: string[];
  subStep: string | null;
  /** Guards that failed and were passed on the strength of a recorded override. */
  bypassedGuards: string[];
  payload: P | null;
  effects: string[];
}

export interface Guard<S extends string, F> {
  label: string;
  /** null when the guard passes, else the reason in Chinese. */
  check: (c: WorkflowCase<S, F>, today: string) => string | null;
  overridable?: boolean;
}

/** null when the input is acceptable, else { field, message }. */
export type InputCheck<S extends string, E extends string, F, P> = (ev: WorkflowEvent<E, P>, c: WorkflowCase<S, F>) => { field: string; message: string } | null;

export interface WorkflowMachine<S extends string, E extends string, F, P> {
  id: string;
  label: string;
  initial: S;
  /** Who may open a case. */
  openRoles: readonly Role[];
  states: Record<S, StateDef>;
  events: Record<E, string>;
  transitions: readonly TransitionDef<S, E>[];
  guards: Readonly<Record<string, Guard<S, F>>>;
  inputChecks: Readonly<Record<string, InputCheck<S, E, F, P>>>;
  deadlines: DeadlineConfig;
}

export type TransitionRefusal<E extends string> =
  | { code: 'not_allowed_from_state'; status: 409; message: string; allowed: E[] }
  | { code: 'role_forbidden'; status: 403; message: string; roles: Role[] }
  | { code: 'self_approval'; status: 403; message: string }
  | { code: 'guard_failed'; status: 409; message: string; guard: string }
  | { code: 'paused'; status: 409; message: string; allowed: E[] }
  | { code: 'input_invalid'; status: 400; message: string; field: string }
  | { code: 'version_conflict'; status: 409; message: string; currentVersion: number };

export type TransitionResult<S extends string, E extends string, F, P> =
  | { ok: true; case: WorkflowCase<S, F>; step: StepRecord<S, E, P>; effects: string[] }
  | { ok: false; refusal: TransitionRefusal<E> };

export interface AvailableEvent<S extends string, E extends string> {
  event: E;
  label: string;
  /** Where the case goes (for a sub-step: where it goes once every sub-step is done). */
  to: S;
  outcome: StepOutcome;
  remarksRequired: boolean;
  /** Set when the action is offered but a guard or a minimum period blocks it now: the reason to show. */
  blockedReason: string | null;
  deadlines: DeadlineEvaluation[];
}

const rolesText = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]).join('、');
const blank = (s: string | null | undefined) => !s || !s.trim();

/** The rows of the current state that exist for the case right now (sub-step not done, objection open …). */
function openRows<S extends string, E extends string, F, P>(m: WorkflowMachine<S, E, F, P>, c: WorkflowCase<S, F>, today: string): TransitionDef<S, E>[] {
  if (m.states[c.state].terminal) return [];
  return m.transitions.filter((t) => t.from === c.state && rowExists(m, c, t, today) === null);
}

/** null when the row applies to the case now, else why not. */
function rowExists<S extends string, E extends string, F, P>(m: WorkflowMachine<S, E, F, P>, c: WorkflowCase<S, F>, t: TransitionDef<S, E>, today: string): string | null {
  if (t.completes && c.doneSubSteps.includes(t.completes)) {
    return `「${subStepLabel(m, t.from, t.completes)}」已完成`;
  }
  if (t.objection === 'resolve' && c.openObjections === 0) return '没有待处理的异议';
  if (t.overrides) {
    const g = m.guards[t.overrides];
    if (!g || c.overrides.includes(t.overrides) || g.check(c, today) === null) return '当前无需越过标准';
  }
  return null;
}

function subStepLabel<S extends string, E extends string, F, P>(m: WorkflowMachine<S, E, F, P>, state: S, id: string): string {
  return m.states[state].subSteps?.find((s) => s.id === id)?.label ?? id;
}

const isPaused = (c: { openObjections: number }) => c.openObjections > 0;
const runsWhilePaused = (t: TransitionDef<string, string>) => !!t.allowedWhilePaused || !!t.objection;

function deadlineStart<S extends string, F>(c: WorkflowCase<S, F>, ref: DeadlineRef): string {
  return ref.from === 'opened' ? c.openedOn : c.stateEnteredOn;
}

function rowDeadlines<S extends string, E extends string, F, P>(m: WorkflowMachine<S, E, F, P>, c: WorkflowCase<S, F>, t: TransitionDef<S, E>, today: string): DeadlineEvaluation[] {
  return (t.deadlines ?? []).map((ref) => evaluateDeadline(ref.rule, deadlineStart(c, ref), today, m.deadlines));
}

/** Minimum periods and the guard: null when the row may run now, else the refusal (and what was bypassed). */
function blockers<S extends string, E extends string, F, P>(m: WorkflowMachine<S, E, F, P>, c: WorkflowCase<S, F>, t: TransitionDef<S, E>, today: string):
  { refusal: Extract<TransitionRefusal<E>, { code: 'guard_failed' }> | null; bypassed: string[] } {
  for (const d of rowDeadlines(m, c, t, today)) {
    if (d.kind === 'min' && !d.reached) return { refusal: { code: 'guard_failed', status: 409, guard: `minimum_${d.rule}`, message: d.text }, bypassed: [] };
  }
  if (!t.guard) return { refusal: null, bypassed: [] };
  const g = m.guards[t.guard];
  if (!g) return { refusal: { code: 'guard_failed', status: 409, guard: t.guard, message: `流程配置错误：未定义的条件 ${t.guard}` }, bypassed: [] };
  const reason = g.check(c, today);
  if (reason === null) return { refusal: null, bypassed: [] };
  if (g.overridable && c.overrides.includes(t.guard)) return { refusal: null, bypassed: [t.guard] };
  return { refusal: { code: 'guard_failed', status: 409, guard: t.guard, message: reason }, bypassed: [] };
}

/** The actions the actor may take on the case now, for the UI (guard-blocked ones carry the reason). */
export function allowedEvents<S extends string, E extends string, F, P>(m: WorkflowMachine<S, E, F, P>, c: WorkflowCase<S, F>, actor: WorkflowActor, now: WorkflowNow): AvailableEvent<S, E>[] {
  return openRows(m, c, now.today)
    .filter((t) => t.roles.includes(actor.role))
    .filter((t) => !isPaused(c) || runsWhilePaused(t))
    .filter((t) => !(t.noSelfApproval && c.lastActorId === actor.id))
    .map((t) => ({
      event: t.event,
      label: t.label,
      to: t.to,
      outcome: t.outcome,
      remarksRequired: !!t.remarksRequired,
      blockedReason: blockers(m, c, t, now.today).refusal?.message ?? null,
      deadlines: rowDeadlines(m, c, t, now.today),
    }));
}

function refusalList<E extends string>(labels: string[]): string {
  return labels.length ? `当前可执行：${labels.join('、')}` : '当前没有可执行的操作';
}

/** Apply one event: the next case and the step record, or a typed refusal. */
export function transition<S extends string, E extends string, F, P>(
  m: WorkflowMachine<S, E, F, P>,
  c: WorkflowCase<S, F>,
  ev: WorkflowEvent<E, P>,
  actor: WorkflowActor,
  now: WorkflowNow,
): TransitionResult<S, E, F, P> {
  const fail = (refusal: TransitionRefusal<E>): TransitionResult<S, E, F, P> => ({ ok: false, refusal });
  if (ev.expectedVersion !== undefined && ev.expectedVersion !== c.version) {
    return fail({ code: 'version_conflict', status: 409, currentVersion: c.version, message: '该事项已被他人办理，请刷新后重试' });
  }
  const stateLabel = m.states[c.state].label;
  const eventLabel = m.events[ev.type] ?? String(ev.type);
  const mine = allowedEvents(m, c, actor, now);
  const allowedNames = mine.map((a) => a.event);
  const allowedText = refusalList(mine.map((a) => a.label));
  if (m.states[c.state].terminal) {
    return fail({ code: 'not_allowed_from_state', status: 409, allowed: [], message: `该事项${stateLabel}，不能再办理` });
  }
  const t = m.transitions.find((r) => r.from === c.state && r.event === ev.type);
  if (!t) {
    return fail({ code: 'not_allowed_from_state', status: 409, allowed: allowedNames, message: `当前环节「${stateLabel}」不能执行「${eventLabel}」；${allowedText}` });
  }
  const gone = rowExists(m, c, t, now.today);
  if (gone) return fail({ code: 'not_allowed_from_state', status: 409, allowed: allowedNames, message: `${gone}，不能执行「${t.label}」；${allowedText}` });
  if (!t.roles.includes(actor.role)) {
    return fail({ code: 'role_forbidden', status: 403, roles: [...t.roles], message: `「${t.label}」只能由${rolesText(t.roles)}办理` });
  }
  if (isPaused(c) && !runsWhilePaused(t)) {
    return fail({ code: 'paused', status: 409, allowed: allowedNames, message: `有 ${c.openObjections} 条异议待处理，处理完毕前不能「${t.label}」；${allowedText}` });
  }
  if (t.noSelfApproval && c.lastActorId === actor.id) {
    return fail({ code: 'self_approval', status: 403, message: `不能对自己办理的上一步进行「${t.label}」，须由其他人员办理` });
  }
  if (t.remarksRequired && blank(ev.remarks)) {
    return fail({ code: 'input_invalid', status: 400, field: 'remarks', message: `「${t.label}」须填写${t.outcome === 'rejected' || t.outcome === 'withdrawn' || t.outcome === 'overridden' ? '理由' : '说明'}` });
  }
  if (t.input) {
    const check = m.inputChecks[t.input];
    const bad = check ? check(ev, c) : { field: 'payload', message: `流程配置错误：未定义的输入检查 ${t.input}` };
    if (bad) return fail({ code: 'input_invalid', status: 400, ...bad });
  }
  const { refusal, bypassed } = blockers(m, c, t, now.today);
  if (refusal) return fail(refusal);

  // Where the case goes.
  let to = t.to;
  let doneSubSteps = c.doneSubSteps;
  if (t.completes) {
    doneSubSteps = [...c.doneSubSteps, t.completes];
    const all = m.states[c.state].subSteps ?? [];
    if (!all.every((s) => doneSubSteps.includes(s.id))) to = c.state;
  }
  const moved = to !== c.state;
  let openObjections = c.openObjections;
  if (t.objection === 'raise') openObjections++;
  if (t.objection === 'resolve') openObjections--;
  const next: WorkflowCase<S, F> = {
    ...c,
    state: to,
    version: c.version + 1,
    stateEnteredOn: moved ? now.today : c.stateEnteredOn,
    doneSubSteps: moved ? [] : doneSubSteps,
    openObjections: moved ? 0 : openObjections,
    lastActorId: actor.id,
    overrides: t.overrides ? [...c.overrides, t.overrides] : c.overrides,
  };
  const effects = moved || !t.completes ? [...(t.effects ?? [])] : [];
  const step: StepRecord<S, E, P> = {
    event: t.event,
    label: t.label,
    from: c.state,
    to,
    actorId: actor.id,
    actorRole: actor.role,
    actorName: actor.name ?? null,
    at: now.at,
    on: now.today,
    outcome: t.outcome,
    remarks: blank(ev.remarks) ? null : ev.remarks!.trim(),
    attachments: [...(ev.attachments ?? [])],
    subStep: t.completes ?? null,
    bypassedGuards: bypassed,
    payload: ev.payload ?? null,
    effects,
  };
  return { ok: true, case: next, step, effects };
}

export type OpenResult<S extends string, E extends string, F, P> =
  | { ok: true; case: WorkflowCase<S, F>; step: StepRecord<S, E, P> }
  | { ok: false; refusal: Extract<TransitionRefusal<E>, { code: 'role_forbidden' }> };

/** Open a case in the machine's initial state (from a clue, or a request to eliminate the risk). */
export function openCase<S extends string, E extends string, F, P>(
  m: WorkflowMachine<S, E, F, P>,
  facts: F,
  actor: WorkflowActor,
  now: WorkflowNow,
  opts: { openedOn?: string; remarks?: string | null } = {},
): OpenResult<S, E, F, P> {
  if (!m.openRoles.includes(actor.role)) {
    return { ok: false, refusal: { code: 'role_forbidden', status: 403, roles: [...m.openRoles], message: `「${m.label}」只能由${rolesText(m.openRoles)}发起` } };
  }
  const openedOn = opts.openedOn ?? now.today;
  return {
    ok: true,
    case: { state: m.initial, version: 1, openedOn, stateEnteredOn: now.today, doneSubSteps: [], openObjections: 0, lastActorId: actor.id, overrides: [], facts },
    step: {
      event: 'open', label: `发起${m.label}`, from: null, to: m.initial, actorId: actor.id, actorRole: actor.role, actorName: actor.name ?? null,
      at: now.at, on: now.today, outcome: 'opened', remarks: blank(opts.remarks) ? null : opts.remarks!.trim(), attachments: [], subStep: null,
      bypassedGuards: [], payload: null, effects: [],
    },
  };
}

/** The `max` deadlines running for the case in its current state (for overdue and due-soon lists), most urgent first. */
export function caseDeadlines<S extends string, E extends string, F, P>(m: WorkflowMachine<S, E, F, P>, c: WorkflowCase<S, F>, today: string): DeadlineEvaluation[] {
  if (m.states[c.state].terminal) return [];
  const seen = new Map<string, DeadlineEvaluation>();
  for (const t of m.transitions.filter((r) => r.from === c.state)) {
    for (const ref of t.deadlines ?? []) {
      const key = `${ref.rule}/${ref.from}`;
      if (!seen.has(key) && m.deadlines.rules[ref.rule].kind === 'max') seen.set(key, evaluateDeadline(ref.rule, deadlineStart(c, ref), today, m.deadlines));
    }
  }
  return [...seen.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** Consistency of a machine's table; empty when sound. Run by the tests of every machine. */
export function validateMachine<S extends string, E extends string, F, P>(m: WorkflowMachine<S, E, F, P>): string[] {
  const problems: string[] = [];
  const states = Object.keys(m.states) as S[];
  if (!m.states[m.initial] || m.states[m.initial].terminal) problems.push(`initial state ${m.initial} missing or terminal`);
  const keys = new Set<string>();
  for (const t of m.transitions) {
    const k = `${t.from}/${t.event}`;
    if (keys.has(k)) problems.push(`duplicate row ${k}`);
    keys.add(k);
    if (!m.states[t.from]) problems.push(`${k}: unknown from state`);
    else if (m.states[t.from].terminal) problems.push(`${k}: leaves a terminal state`);
    if (!m.states[t.to]) problems.push(`${k}: unknown to state ${t.to}`);
    if (!(t.event in m.events)) problems.push(`${k}: unknown event`);
    if (!t.roles.length) problems.push(`${k}: no role may run it`);
    if (t.guard && !m.guards[t.guard]) problems.push(`${k}: unknown guard ${t.guard}`);
    if (t.input && !m.inputChecks[t.input]) problems.push(`${k}: unknown input check ${t.input}`);
    if (t.overrides && !m.guards[t.overrides]?.overridable) problems.push(`${k}: overrides a guard that is not overridable`);
    if (t.completes && !m.states[t.from]?.subSteps?.some((s) => s.id === t.completes)) problems.push(`${k}: completes an unknown sub-step`);
    if ((t.objection || t.overrides) && t.to !== t.from) problems.push(`${k}: objection and override rows stay in their state`);
    for (const d of t.deadlines ?? []) if (!(d.rule in DEADLINE_RULE_LABELS)) problems.push(`${k}: unknown deadline ${d.rule}`);
  }
  for (const s of states) {
    if (m.states[s].terminal) continue;
    if (!m.transitions.some((t) => t.from === s && t.to !== s) && !m.transitions.some((t) => t.from === s && t.completes)) problems.push(`state ${s} has no way out`);
    for (const sub of m.states[s].subSteps ?? []) {
      if (!m.transitions.some((t) => t.from === s && t.completes === sub.id)) problems.push(`sub-step ${s}/${sub.id} has no row`);
    }
  }
  // Every non-terminal state is reachable from the initial one.
  const reached = new Set<S>([m.initial]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of m.transitions) if (reached.has(t.from) && !reached.has(t.to)) { reached.add(t.to); grew = true; }
  }
  for (const s of states) if (!reached.has(s)) problems.push(`state ${s} unreachable`);
  return problems;
}

export interface MachineTableRow {
  from: string;
  action: string;
  to: string;
  roles: string;
  guard: string;
  deadline: string;
  noSelfApproval: boolean;
}

/** The table in words (for the help page and the docs). */
export function describeMachine<S extends string, E extends string, F, P>(m: WorkflowMachine<S, E, F, P>): MachineTableRow[] {
  return m.transitions.map((t) => ({
    from: m.states[t.from].label,
    action: t.label,
    to: m.states[t.to].label,
    roles: rolesText(t.roles),
    guard: [t.guard ? m.guards[t.guard]?.label ?? t.guard : null, t.completes ? `完成「${subStepLabel(m, t.from, t.completes)}」` : null].filter(Boolean).join('；'),
    deadline: (t.deadlines ?? []).map((d) => {
      const r = m.deadlines.rules[d.rule];
      return `${DEADLINE_RULE_LABELS[d.rule]}${r.kind === 'min' ? '≥' : '≤'}${r.days}${r.counting === 'working' ? '个工作日' : '天'}`;
    }).join('；'),
    noSelfApproval: !!t.noSelfApproval,
  }));
}
