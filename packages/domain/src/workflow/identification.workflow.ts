/**
 * 识别纳入 (domain.md §5): 入户核实 (household signs 承诺授权书) ∥ 信息比对 → 村级民主评议 → 村内公示 (≥ 5 days;
 * objections pause it) → 乡镇审核 → 县级审批 → 结果公告 → 录入建档 (household marked 监测对象). The whole process up to
 * the decision is ≤ 15 days from the clue. Any review step can reject with a reason; the case can be withdrawn
 * before the county approval.
 *
 * Decisions documented here:
 * - 入户核实 and 公示 are village steps (village_cadre); 信息比对 is run against department data by the township or
 *   the county office; 乡镇审核 by township_cadre; 县级审批 and 结果公告 by county_office; 录入建档 by whoever keys
 *   the record in (village, township or county).
 * - A helper (帮扶责任人) must be named at county approval (issue 4 §4): the approval is refused without one. The
 *   approval starts the 10-day help-plan clock (effect `help_plan_clock_started`).
 * - The village may reject at 入户核实 too (核实后不符合纳入条件) and during 公示 (an objection found justified),
 *   also while the objection is still open.
 * - 乡镇审核 and 县级审批 may not be done by whoever did the previous step.
 * - The 15-day clock runs from the clue (`openedOn`) and does not stop while an objection is open: a paused case
 *   shows as due soon / overdue like any other, so the level above sees it.
 */
import { labelOf, type CodeOf } from '../household/code-lists.js';
import { DEFAULT_DEADLINE_CONFIG, type DeadlineConfig } from './deadline.rules.js';
import type { DeadlineRef, TransitionDef, WorkflowCase, WorkflowMachine } from './state-machine.js';
import type { Role } from '../access/roles.js';

export type IdentificationState =
  | 'verifying' | 'village_review' | 'publicity' | 'township_review' | 'county_approval' | 'announcement' | 'filing'
  | 'done' | 'rejected' | 'withdrawn';

export type IdentificationEvent =
  | 'record_home_visit' | 'record_data_check' | 'approve' | 'raise_objection' | 'resolve_objection' | 'complete_publicity'
  | 'publish_result' | 'file' | 'reject' | 'withdraw';

/** Declared consequences the server applies after a step. */
export type IdentificationEffect = 'notice_posted' | 'help_plan_clock_started' | 'result_announced' | 'household_monitored';

export interface IdentificationFacts {
  /** The household has signed the 承诺授权书 (consent to data checks). */
  authorizationSigned: boolean;
  /** A 帮扶责任人 is named for the household (given with the approval). */
  helperAssigned: boolean;
  monitorCategory: CodeOf<'monitorCategory'> | null;
  riskTypes: readonly string[];
}

export type IdentificationCase = WorkflowCase<IdentificationState, IdentificationFacts>;
export type IdentificationMachine = WorkflowMachine<IdentificationState, IdentificationEvent, IdentificationFacts, Record<string, never>>;

export const IDENTIFICATION_MAX_RISK_TYPES = 5;

const DECISION: DeadlineRef = { rule: 'identification', from: 'opened' };
const PUBLICITY_MIN: DeadlineRef = { rule: 'publicity', from: 'state_entered' };
const VILLAGE: readonly Role[] = ['village_cadre'];
const REVIEW_STATES = ['verifying', 'village_review', 'publicity', 'township_review', 'county_approval'] as const;
const REJECTERS: Record<(typeof REVIEW_STATES)[number], readonly Role[]> = {
  verifying: ['village_cadre', 'township_cadre'],
  village_review: ['village_cadre'],
  publicity: ['village_cadre'],
  township_review: ['township_cadre'],
  county_approval: ['county_office'],
};

type Row = TransitionDef<IdentificationState, IdentificationEvent>;

const ROWS: readonly Row[] = [
  { from: 'verifying', event: 'record_home_visit', to: 'village_review', label: '完成入户核实', roles: VILLAGE, outcome: 'completed', completes: 'home_visit', guard: 'authorization_signed', deadlines: [DECISION] },
  { from: 'verifying', event: 'record_data_check', to: 'village_review', label: '完成信息比对', roles: ['township_cadre', 'county_office'], outcome: 'completed', completes: 'data_check', deadlines: [DECISION] },
  { from: 'village_review', event: 'approve', to: 'publicity', label: '民主评议通过，张贴公示', roles: VILLAGE, outcome: 'approved', deadlines: [DECISION], effects: ['notice_posted'] },
  { from: 'publicity', event: 'raise_objection', to: 'publicity', label: '登记异议', roles: ['village_cadre', 'township_cadre', 'county_office'], outcome: 'objection_raised', objection: 'raise', remarksRequired: true },
  { from: 'publicity', event: 'resolve_objection', to: 'publicity', label: '异议处理完毕', roles: ['village_cadre', 'township_cadre'], outcome: 'objection_resolved', objection: 'resolve', remarksRequired: true },
  { from: 'publicity', event: 'complete_publicity', to: 'township_review', label: '公示期满无异议，报乡镇审核', roles: VILLAGE, outcome: 'completed', deadlines: [PUBLICITY_MIN, DECISION] },
  { from: 'township_review', event: 'approve', to: 'county_approval', label: '乡镇审核通过', roles: ['township_cadre'], outcome: 'approved', noSelfApproval: true, deadlines: [DECISION] },
  { from: 'county_approval', event: 'approve', to: 'announcement', label: '县级审批通过', roles: ['county_office'], outcome: 'approved', noSelfApproval: true, guard: 'helper_assigned', deadlines: [DECISION], effects: ['help_plan_clock_started'] },
  { from: 'announcement', event: 'publish_result', to: 'filing', label: '发布结果公告', roles: ['county_office'], outcome: 'completed', effects: ['result_announced'] },
  { from: 'filing', event: 'file', to: 'done', label: '录入建档', roles: ['village_cadre', 'township_cadre', 'county_office'], outcome: 'completed', guard: 'category_and_risks', effects: ['household_monitored'] },
  ...REVIEW_STATES.map((from): Row => ({ from, event: 'reject', to: 'rejected', label: '驳回（不予纳入）', roles: REJECTERS[from], outcome: 'rejected', remarksRequired: true, allowedWhilePaused: true, deadlines: [DECISION] })),
  ...REVIEW_STATES.map((from): Row => ({ from, event: 'withdraw', to: 'withdrawn', label: '撤回', roles: ['village_cadre', 'township_cadre', 'county_office'], outcome: 'withdrawn', remarksRequired: true, allowedWhilePaused: true })),
];

export const IDENTIFICATION_STATE_LABELS: Record<IdentificationState, string> = {
  verifying: '入户核实与信息比对',
  village_review: '村级民主评议',
  publicity: '村内公示',
  township_review: '乡镇审核',
  county_approval: '县级审批',
  announcement: '结果公告',
  filing: '录入建档',
  done: '已纳入监测',
  rejected: '已驳回',
  withdrawn: '已撤回',
};

export function identificationMachine(deadlines: DeadlineConfig = DEFAULT_DEADLINE_CONFIG): IdentificationMachine {
  const s = IDENTIFICATION_STATE_LABELS;
  return {
    id: 'identification',
    label: '识别纳入',
    initial: 'verifying',
    openRoles: ['village_cadre', 'township_cadre', 'county_office'],
    states: {
      verifying: { label: s.verifying, subSteps: [{ id: 'home_visit', label: '入户核实' }, { id: 'data_check', label: '信息比对' }] },
      village_review: { label: s.village_review },
      publicity: { label: s.publicity },
      township_review: { label: s.township_review },
      county_approval: { label: s.county_approval },
      announcement: { label: s.announcement },
      filing: { label: s.filing },
      done: { label: s.done, terminal: true },
      rejected: { label: s.rejected, terminal: true },
      withdrawn: { label: s.withdrawn, terminal: true },
    },
    events: {
      record_home_visit: '入户核实',
      record_data_check: '信息比对',
      approve: '通过',
      raise_objection: '登记异议',
      resolve_objection: '处理异议',
      complete_publicity: '公示期满',
      publish_result: '结果公告',
      file: '录入建档',
      reject: '驳回',
      withdraw: '撤回',
    },
    transitions: ROWS,
    guards: {
      authorization_signed: {
        label: '农户已签署承诺授权书',
        check: (c) => (c.facts.authorizationSigned ? null : '农户尚未签署承诺授权书，不能完成入户核实'),
      },
      helper_assigned: {
        label: '已明确帮扶责任人',
        check: (c) => (c.facts.helperAssigned ? null : '须先为该户明确一名帮扶责任人（国家公职人员），方可审批通过'),
      },
      category_and_risks: {
        label: '已确定监测对象类别和风险类型',
        check: (c) => {
          if (!c.facts.monitorCategory) return '录入建档前须确定监测对象类别（脱贫不稳定户、边缘易致贫户或突发严重困难户）';
          const n = new Set(c.facts.riskTypes).size;
          if (n === 0) return '录入建档前须至少选择一项风险类型';
          if (n > IDENTIFICATION_MAX_RISK_TYPES) return `风险类型最多选择${IDENTIFICATION_MAX_RISK_TYPES}项，当前${n}项`;
          return null;
        },
      },
    },
    inputChecks: {},
    deadlines,
  };
}

/** What 录入建档 writes on the household, in words (for the step summary). */
export function identificationSummary(f: IdentificationFacts): string {
  const risks = [...new Set(f.riskTypes)].map((r) => labelOf('riskType', r)).join('、');
  return `纳入监测：${labelOf('monitorCategory', f.monitorCategory)}${risks ? `，风险类型：${risks}` : ''}`;
}
