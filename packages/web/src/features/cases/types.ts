/** Shapes of the cases API (识别纳入 / 风险消除, 公示公告, 逾期预警, settings). */

import type { AttachmentMeta, Deadline, DeadlineStatus, WorkflowAction, WorkflowStep } from '../workflow/types';

export type { Deadline, DeadlineStatus } from '../workflow/types';

export type CaseKind = 'identification' | 'elimination';

export interface CaseItem {
  id: number;
  kind: CaseKind;
  kindLabel: string;
  state: string;
  stateLabel: string;
  terminal: boolean;
  version: number;
  openedOn: string;
  stateEnteredOn: string;
  closedOn: string | null;
  openObjections: number;
  paused: boolean;
  householdId: number;
  householdNo: string;
  headName: string | null;
  memberCount: number;
  villageCode: string;
  villageName: string;
  townshipName: string;
  urgency: DeadlineStatus | null;
  deadlines: Deadline[];
}

export interface HouseholdSummary {
  id: number;
  householdNo: string;
  headName: string | null;
  memberCount: number;
  villageCode: string;
  villageName: string;
  townshipName: string;
  householdType: string;
  householdTypeLabel: string;
  monitorCategory: string | null;
  monitorCategoryLabel: string;
  monitorIdentifiedOn: string | null;
  riskTypes: string[];
  riskTypeLabels: string[];
  riskEliminated: boolean;
  eliminationMethod: string | null;
  eliminatedOn: string | null;
}

/** Cases use the generic workflow step and action shapes unchanged. */
export type CaseAction = WorkflowAction;
export type CaseStep = WorkflowStep;

export interface Criterion {
  id: string;
  label: string;
  passed: boolean;
  required: boolean;
  detail: string;
  numbers: Record<string, unknown>;
}

export interface Evaluation {
  eligible: boolean;
  methodHint: string;
  summary: string;
  criteria: Criterion[];
  failing: Criterion[];
}

export interface CaseDetail {
  case: CaseItem & { sourceWarningId: number | null; overrides: string[]; subSteps: { id: string; label: string; done: boolean }[] };
  household: HouseholdSummary;
  facts: Record<string, unknown>;
  evaluation: Evaluation | null;
  steps: CaseStep[];
  actions: CaseAction[];
  deadlines: Deadline[];
  attachments: AttachmentMeta[];
  notices: { id: number; kind: string; status: string; title: string; postedOn: string | null; periodTo: string | null }[];
}

export interface HouseholdCases {
  household: HouseholdSummary;
  cases: CaseItem[];
  rollbacks: { id: number; eliminationCaseId: number | null; on: string; reason: string; previous: { eliminationMethod?: string | null; eliminatedOn?: string | null }; byName: string | null }[];
  canOpenIdentification: boolean;
  canOpenElimination: boolean;
  canRollback: boolean;
}

export interface EliminationCheck {
  householdId: number;
  assessedOn: string;
  monitored: boolean;
  eliminated: boolean;
  stabilityMonths: number;
  evaluation: Evaluation;
}

export interface OverdueSummary {
  asOf: string;
  scope: { code: string; name: string };
  totals: { open: number; overdue: number; dueSoon: number };
  items: { areaCode: string; areaName: string; open: number; overdue: number; dueSoon: number; overdueByKind: Record<string, number> }[];
}

export type NoticeKind = 'identification_publicity' | 'identification_result' | 'elimination_publicity' | 'elimination_result';

export interface NoticeBrief {
  id: number;
  kind: NoticeKind;
  kindLabel: string;
  villageCode: string;
  villageName: string;
  townshipName: string;
  status: 'draft' | 'posted' | 'cancelled';
  statusLabel: string;
  title: string;
  postedOn: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  earliestNextOn: string | null;
  households: number;
  caseIds: number[];
  createdAt: string;
}

export interface NoticeContent {
  title: string;
  intro: string;
  columns: { key: string; title: string }[];
  rows: Record<string, string | number>[];
  footer: string;
}

export interface NoticeDetail {
  notice: NoticeBrief & { content: NoticeContent };
  cases: { id: number; kind: CaseKind; householdId: number; headName: string | null; state: string; version: number; openObjections: number; terminal: boolean }[];
  objections: { caseId: number; event: string; label: string; actorName: string | null; on: string; remarks: string | null }[];
}

export interface DeadlineRuleSetting {
  days: number;
  counting: 'calendar' | 'working';
  kind?: 'max' | 'min';
}

export interface CaseSettings {
  deadlines: {
    config: { rules: Record<'identification' | 'publicity' | 'help_plan', DeadlineRuleSetting>; dueSoonDays: number; calendar: { holidays: string[]; extraWorkingDays: string[] } };
    version: number;
    updatedAt: string | null;
  };
  elimination: { stabilityMonths: number; eliminateNoLabourHouseholds: boolean; version: number; updatedAt: string | null };
}

export interface CaseListQuery {
  kind?: CaseKind;
  state?: string;
  area?: string;
  q?: string;
  open?: 'true' | 'false';
  urgency?: 'overdue' | 'due_soon';
  page: number;
  pageSize: number;
}
