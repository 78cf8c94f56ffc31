/**
 * 风险消除 (domain.md §7): 入户核实 → 村级评议 + 公示 (≥ 5 days; objections pause it) → 乡镇审核 → 县级审批 + 公告 →
 * 标注 (帮扶消除 / 自然消除). The same rejection / withdrawal pattern as identification. The criteria
 * (monitoring/elimination.rules.ts) are a guard on the village review, the township review and the county approval;
 * only an explicit, recorded county override (with a reason) lets a case pass while a criterion fails.
 *
 * Decisions documented here:
 * - The criteria are evaluated by the caller when it builds the case (`facts.evaluation`), so the guard reads the
 *   household's figures of the day; the refusal lists every failing criterion with its numbers.
 * - The override is a step of its own (`override_criteria`, county_office, reason required), offered only while the
 *   criteria fail and not yet overridden. It stays on the case; every later step it lets through records it.
 *   Because 县级审批 forbids self-approval against the previous step, an override recorded during 县级审批 must be
 *   approved by another county user (four eyes).
 * - 标注 needs the method: 帮扶消除 only with at least one measure 已落实; 自然消除 is always possible (people decide;
 *   the evaluation's method hint is a suggestion).
 */
import type { Role } from '../access/roles.js';
import { labelOf } from '../household/code-lists.js';
import type { EliminationEvaluation, EliminationMethod } from '../monitoring/elimination.rules.js';
import { DEFAULT_DEADLINE_CONFIG, type DeadlineConfig } from './deadline.rules.js';
import type { TransitionDef, WorkflowCase, WorkflowMachine } from './state-machine.js';

export type EliminationState =
  | 'verifying' | 'village_review' | 'publicity' | 'township_review' | 'county_approval' | 'announcement' | 'marking'
  | 'done' | 'rejected' | 'withdrawn';

export type EliminationEvent =
  | 'record_home_visit' | 'approve' | 'raise_objection' | 'resolve_objection' | 'complete_publicity' | 'override_criteria'
  | 'publish_result' | 'mark' | 'reject' | 'withdraw';

export type EliminationEffect = 'notice_posted' | 'result_announced' | 'risk_eliminated';

export interface EliminationFacts {
  /** The criteria evaluated for the household on the day (`evaluateElimination`). */
  evaluation: Pick<EliminationEvaluation, 'eligible' | 'failing' | 'methodHint'>;
}

export interface EliminationPayload {
  /** 标注: 帮扶消除 or 自然消除. */
  method?: EliminationMethod;
}

export type EliminationCase = WorkflowCase<EliminationState, EliminationFacts>;
export type EliminationMachine = WorkflowMachine<EliminationState, EliminationEvent, EliminationFacts, EliminationPayload>;

const VILLAGE: readonly Role[] = ['village_cadre'];
const BEFORE_APPROVAL = ['verifying', 'village_review', 'publicity', 'township_review', 'county_approval'] as const;
const REJECTERS: Record<(typeof BEFORE_APPROVAL)[number], readonly Role[]> = {
  verifying: ['village_cadre', 'township_cadre'],
  village_review: ['village_cadre'],
  publicity: ['village_cadre'],
  township_review: ['township_cadre'],
  county_approval: ['county_office'],
};
const OVERRIDABLE = ['village_review', 'publicity', 'township_review', 'county_approval'] as const;

type Row = TransitionDef<EliminationState, EliminationEvent>;

const ROWS: readonly Row[] = [
  { from: 'verifying', event: 'record_home_visit', to: 'village_review', label: '完成入户核实', roles: VILLAGE, outcome: 'completed' },
  { from: 'village_review', event: 'approve', to: 'publicity', label: '村级评议通过，张贴公示', roles: VILLAGE, outcome: 'approved', guard: 'criteria_pass', effects: ['notice_posted'] },
  { from: 'publicity', event: 'raise_objection', to: 'publicity', label: '登记异议', roles: ['village_cadre', 'township_cadre', 'county_office'], outcome: 'objection_raised', objection: 'raise', remarksRequired: true },
  { from: 'publicity', event: 'resolve_objection', to: 'publicity', label: '异议处理完毕', roles: ['village_cadre', 'township_cadre'], outcome: 'objection_resolved', objection: 'resolve', remarksRequired: true },
  { from: 'publicity', event: 'complete_publicity', to: 'township_review', label: '公示期满无异议，报乡镇审核', roles: VILLAGE, outcome: 'completed', deadlines: [{ rule: 'publicity', from: 'state_entered' }] },
  { from: 'township_review', event: 'approve', to: 'county_approval', label: '乡镇审核通过', roles: ['township_cadre'], outcome: 'approved', noSelfApproval: true, guard: 'criteria_pass' },
  { from: 'county_approval', event: 'approve', to: 'announcement', label: '县级审批通过', roles: ['county_office'], outcome: 'approved', noSelfApproval: true, guard: 'criteria_pass' },
  { from: 'announcement', event: 'publish_result', to: 'marking', label: '发布结果公告', roles: ['county_office'], outcome: 'completed', effects: ['result_announced'] },
  { from: 'marking', event: 'mark', to: 'done', label: '标注风险消除', roles: ['village_cadre', 'township_cadre', 'county_office'], outcome: 'completed', input: 'method', effects: ['risk_eliminated'] },
  ...OVERRIDABLE.map((from): Row => ({ from, event: 'override_criteria', to: from, label: '县级决定越过未满足的标准', roles: ['county_office'], outcome: 'overridden', overrides: 'criteria_pass', remarksRequired: true })),
  ...BEFORE_APPROVAL.map((from): Row => ({ from, event: 'reject', to: 'rejected', label: '驳回（暂不消除）', roles: REJECTERS[from], outcome: 'rejected', remarksRequired: true, allowedWhilePaused: true })),
  ...BEFORE_APPROVAL.map((from): Row => ({ from, event: 'withdraw', to: 'withdrawn', label: '撤回', roles: ['village_cadre', 'township_cadre', 'county_office'], outcome: 'withdrawn', remarksRequired: true, allowedWhilePaused: true })),
];

export const ELIMINATION_STATE_LABELS: Record<EliminationState, string> = {
  verifying: '入户核实',
  village_review: '村级评议',
  publicity: '村内公示',
  township_review: '乡镇审核',
  county_approval: '县级审批',
  announcement: '结果公告',
  marking: '标注风险消除',
  done: '已标注风险消除',
  rejected: '已驳回',
  withdrawn: '已撤回',
};

/** The guard's refusal: every failing criterion with its numbers. */
export function criteriaFailureText(e: EliminationFacts['evaluation']): string {
  return `风险消除标准未全部满足：${e.failing.map((c, k) => `${k + 1}. ${c.label}——${c.detail}`).join('；')}。如确需消除，须由县联动办公室登记理由后办理`;
}

export function eliminationMachine(deadlines: DeadlineConfig = DEFAULT_DEADLINE_CONFIG): EliminationMachine {
  const s = ELIMINATION_STATE_LABELS;
  return {
    id: 'elimination',
    label: '风险消除',
    initial: 'verifying',
    openRoles: ['village_cadre', 'township_cadre', 'county_office'],
    states: {
      verifying: { label: s.verifying },
      village_review: { label: s.village_review },
      publicity: { label: s.publicity },
      township_review: { label: s.township_review },
      county_approval: { label: s.county_approval },
      announcement: { label: s.announcement },
      marking: { label: s.marking },
      done: { label: s.done, terminal: true },
      rejected: { label: s.rejected, terminal: true },
      withdrawn: { label: s.withdrawn, terminal: true },
    },
    events: {
      record_home_visit: '入户核实',
      approve: '通过',
      raise_objection: '登记异议',
      resolve_objection: '处理异议',
      complete_publicity: '公示期满',
      override_criteria: '越过标准',
      publish_result: '结果公告',
      mark: '标注',
      reject: '驳回',
      withdraw: '撤回',
    },
    transitions: ROWS,
    guards: {
      criteria_pass: {
        label: '风险消除标准全部满足（县级可登记理由越过）',
        overridable: true,
        check: (c) => (c.facts.evaluation.eligible ? null : criteriaFailureText(c.facts.evaluation)),
      },
    },
    inputChecks: {
      method: (ev, c) => {
        const method = ev.payload?.method;
        if (method !== 'assisted' && method !== 'natural') return { field: 'method', message: '请选择消除方式：帮扶消除或自然消除' };
        if (method === 'assisted' && c.facts.evaluation.methodHint !== 'assisted') {
          return { field: 'method', message: `${labelOf('eliminationMethod', 'assisted')}须至少有一项已落实的帮扶措施，否则请选择${labelOf('eliminationMethod', 'natural')}` };
        }
        return null;
      },
    },
    deadlines,
  };
}

