/**
 * 预警 lifecycle (domain.md §4; issue 3 §7): a clue is pushed (信息比对 hit, 信息预警, 一码通 self-report, 排查) →
 * the township verifies → outcome 纳入监测 / 已是监测对象 / 不纳入 (reason required) / 重复. A machine on the shared
 * state machine (workflow/state-machine.ts); the verification deadline uses deadline.rules.ts arithmetic.
 *
 * Decisions documented here:
 * - The township (township_cadre) signs the warning in (`start_verification`) and records the outcome; the county
 *   office may act for a township. 重复 may be recorded straight from `pushed` (no visit needed to see a duplicate).
 * - 不纳入 needs a reason (remarks); 重复 needs the id of the warning or case it duplicates (payload `duplicateOf`).
 * - Effects the server applies: `identification_opened` (纳入监测: an identification case is opened — until the
 *   workflows issue lands, a record in state "started"), `attached_to_case` (已是监测对象), `credit_candidate`
 *   (an outcome that may count for the pushing department, see `departmentCredit`).
 * - The verification deadline is not a `DeadlineRuleName` of deadline.rules.ts (a closed list that this feature
 *   does not change): it is its own `DeadlineRule` (default 5 calendar days, max) evaluated with `ruleDate` and
 *   `deadlineStatus`, counted from the day the warning was pushed (`openedOn`); once an outcome is recorded the
 *   status says whether it was in time. The machine's rows therefore carry no `deadlines`.
 * - Department credit (+2, seed 004): the warning was pushed by a department (信息比对 or 信息预警) and ended 纳入监测,
 *   or the township recorded that assistance was added because of it (`assistanceAdded`, set by the server when a
 *   measure is linked to the warning — typically with 已是监测对象). 不纳入 and 重复 never count; self-reports and
 *   screening clues have no pushing department.
 */
import { DEFAULT_DEADLINE_CONFIG, deadlineStatus, daysRemaining, calendarDaysBetween, ruleDate, type DeadlineRule, type DeadlineStatus, type WorkCalendar } from '../workflow/deadline.rules.js';
import type { TransitionDef, WorkflowCase, WorkflowMachine } from '../workflow/state-machine.js';
import type { Role } from '../access/roles.js';

export type WarningState = 'pushed' | 'verifying' | 'included' | 'already_monitored' | 'not_included' | 'duplicate';
export type WarningEvent = 'start_verification' | 'include' | 'mark_already_monitored' | 'not_include' | 'mark_duplicate';
export type WarningSource = 'comparison' | 'instant' | 'self_report' | 'screening';
export type WarningEffect = 'identification_opened' | 'attached_to_case' | 'credit_candidate';

export const WARNING_STATE_LABELS: Record<WarningState, string> = {
  pushed: '已推送',
  verifying: '乡镇核实中',
  included: '纳入监测',
  already_monitored: '已是监测对象',
  not_included: '不纳入',
  duplicate: '重复',
};

export const WARNING_SOURCE_LABELS: Record<WarningSource, string> = {
  comparison: '信息比对',
  instant: '部门信息预警',
  self_report: '农户自主申报',
  screening: '基层干部排查',
};

export const OPEN_WARNING_STATES: readonly WarningState[] = ['pushed', 'verifying'];
export const isOpenWarningState = (s: WarningState) => OPEN_WARNING_STATES.includes(s);

export interface WarningFacts {
  source: WarningSource;
  /** The department that pushed it (信息比对 / 信息预警); null for self-reports and screening. */
  pushingDepartmentCode: string | null;
  /** Set by the server when a help measure was added because of this warning. */
  assistanceAdded: boolean;
}

export interface WarningPayload {
  /** 重复: the warning or case this one duplicates. */
  duplicateOf?: string;
}

export type WarningCase = WorkflowCase<WarningState, WarningFacts>;
export type WarningMachine = WorkflowMachine<WarningState, WarningEvent, WarningFacts, WarningPayload>;

const VERIFIERS: readonly Role[] = ['township_cadre', 'county_office'];
type Row = TransitionDef<WarningState, WarningEvent>;

const ROWS: readonly Row[] = [
  { from: 'pushed', event: 'start_verification', to: 'verifying', label: '签收并开始核实', roles: VERIFIERS, outcome: 'completed' },
  { from: 'pushed', event: 'mark_duplicate', to: 'duplicate', label: '标记为重复', roles: VERIFIERS, outcome: 'completed', input: 'duplicate_of' },
  { from: 'verifying', event: 'include', to: 'included', label: '核实属实，纳入监测', roles: VERIFIERS, outcome: 'approved', effects: ['identification_opened', 'credit_candidate'] },
  { from: 'verifying', event: 'mark_already_monitored', to: 'already_monitored', label: '已是监测对象，并入现有案件', roles: VERIFIERS, outcome: 'completed', effects: ['attached_to_case', 'credit_candidate'] },
  { from: 'verifying', event: 'not_include', to: 'not_included', label: '核实后不纳入', roles: VERIFIERS, outcome: 'rejected', remarksRequired: true },
  { from: 'verifying', event: 'mark_duplicate', to: 'duplicate', label: '标记为重复', roles: VERIFIERS, outcome: 'completed', input: 'duplicate_of' },
];

export function warningMachine(): WarningMachine {
  const s = WARNING_STATE_LABELS;
  return {
    id: 'warning',
    label: '预警核实',
    initial: 'pushed',
    openRoles: ['department_user', 'county_office', 'township_cadre', 'village_cadre'],
    states: {
      pushed: { label: s.pushed },
      verifying: { label: s.verifying },
      included: { label: s.included, terminal: true },
      already_monitored: { label: s.already_monitored, terminal: true },
      not_included: { label: s.not_included, terminal: true },
      duplicate: { label: s.duplicate, terminal: true },
    },
    events: {
      start_verification: '开始核实',
      include: '纳入监测',
      mark_already_monitored: '已是监测对象',
      not_include: '不纳入',
      mark_duplicate: '重复',
    },
    transitions: ROWS,
    guards: {},
    inputChecks: {
      duplicate_of: (ev) => (ev.payload?.duplicateOf?.trim() ? null : { field: 'duplicateOf', message: '标记为重复须指明与哪条预警或哪个案件重复' }),
    },
    deadlines: DEFAULT_DEADLINE_CONFIG,
  };
}

// ── verification deadline ─────────────────────────────────────────────────────────────────────────

export interface WarningDeadlineConfig {
  verification: DeadlineRule;
  dueSoonDays: number;
  calendar: WorkCalendar;
}

export const DEFAULT_WARNING_DEADLINE_CONFIG: WarningDeadlineConfig = {
  verification: { days: 5, counting: 'calendar', kind: 'max' },
  dueSoonDays: 1,
  calendar: { holidays: [], extraWorkingDays: [] },
};

/** The defaults with the county's settings laid over them (the rule stays a maximum). */
export function warningDeadlineConfig(input: { days?: number; counting?: DeadlineRule['counting']; dueSoonDays?: number; calendar?: WorkCalendar } = {}): WarningDeadlineConfig {
  const d = DEFAULT_WARNING_DEADLINE_CONFIG;
  return {
    verification: { days: input.days ?? d.verification.days, counting: input.counting ?? d.verification.counting, kind: 'max' },
    dueSoonDays: input.dueSoonDays ?? d.dueSoonDays,
    calendar: input.calendar ?? d.calendar,
  };
}

/** Problems with the setting, in words; empty when it may be saved. */
export function checkWarningDeadlineConfig(c: WarningDeadlineConfig): string[] {
  const p: string[] = [];
  if (!Number.isInteger(c.verification.days) || c.verification.days < 1 || c.verification.days > 60) p.push('预警核实时限应为1-60之间的整数天');
  if (c.verification.counting !== 'calendar' && c.verification.counting !== 'working') p.push('预警核实时限的计算方式应为自然日或工作日');
  if (!Number.isInteger(c.dueSoonDays) || c.dueSoonDays < 0 || c.dueSoonDays > c.verification.days) p.push('即将到期提醒天数应为0到核实时限之间的整数');
  return p;
}

export interface VerificationDeadline {
  dueOn: string;
  status: DeadlineStatus;
  daysRemaining: number;
  /** When the outcome was recorded (null while open). */
  doneOn: string | null;
  text: string;
}

/** The township's verification deadline for a warning, counted from the day it was pushed. */
export function verificationDeadline(w: Pick<WarningCase, 'state' | 'openedOn' | 'stateEnteredOn'>, today: string, config: WarningDeadlineConfig = DEFAULT_WARNING_DEADLINE_CONFIG): VerificationDeadline {
  const r = config.verification;
  const dueOn = ruleDate(w.openedOn, r, config.calendar);
  const doneOn = isOpenWarningState(w.state) ? null : w.stateEnteredOn;
  const status = deadlineStatus(dueOn, today, { counting: r.counting, calendar: config.calendar, dueSoonDays: config.dueSoonDays, doneOn });
  const left = daysRemaining(dueOn, today, r.counting, config.calendar);
  const unit = r.counting === 'working' ? '个工作日' : '天';
  let text: string;
  if (doneOn) text = status === 'overdue' ? `预警核实：应于 ${dueOn} 前完成，${doneOn} 完成，超期` : `预警核实：${doneOn} 按时完成`;
  else if (today > dueOn) text = `预警核实：${dueOn} 到期，已逾期 ${calendarDaysBetween(dueOn, today)} 天`;
  else if (left === 0) text = `预警核实：今天（${dueOn}）到期`;
  else text = `预警核实：${dueOn} 到期，剩余 ${left} ${unit}`;
  return { dueOn, status, daysRemaining: left, doneOn, text };
}

/** Open and past its verification date: shown to the level above (county for a township). */
export function isVerificationOverdue(w: Pick<WarningCase, 'state' | 'openedOn' | 'stateEnteredOn'>, today: string, config: WarningDeadlineConfig = DEFAULT_WARNING_DEADLINE_CONFIG): boolean {
  return isOpenWarningState(w.state) && verificationDeadline(w, today, config).status === 'overdue';
}

// ── department credit ─────────────────────────────────────────────────────────────────────────────

export const WARNING_CREDIT_POINTS = 2;

export type DepartmentCredit =
  | { counts: true; departmentCode: string; points: number; reason: string }
  | { counts: false; departmentCode: string | null; points: 0; reason: string };

/** Whether the warning counts +2 for the department that pushed it (a fact the scoring engine reads). */
export function departmentCredit(w: Pick<WarningCase, 'state' | 'facts'>): DepartmentCredit {
  const dept = w.facts.pushingDepartmentCode;
  const no = (reason: string): DepartmentCredit => ({ counts: false, departmentCode: dept, points: 0, reason });
  if (!dept || (w.facts.source !== 'comparison' && w.facts.source !== 'instant')) return no('非部门推送的预警，不计部门加分');
  if (isOpenWarningState(w.state)) return no('尚未核实完毕');
  if (w.state === 'not_included' || w.state === 'duplicate') return no(`核实结果为「${WARNING_STATE_LABELS[w.state]}」，不计加分`);
  if (w.state === 'included') return { counts: true, departmentCode: dept, points: WARNING_CREDIT_POINTS, reason: '预警核实属实，已纳入监测' };
  if (w.facts.assistanceAdded) return { counts: true, departmentCode: dept, points: WARNING_CREDIT_POINTS, reason: '预警核实后新增帮扶措施' };
  return no('已是监测对象且未新增帮扶措施，不计加分');
}
