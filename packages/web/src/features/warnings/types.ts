/** Response shapes of /api/warnings (see the server's warnings.schemas.ts). */

import type { AttachmentMeta, WorkflowAction, WorkflowStep } from '../workflow/types';

/** Warnings use the generic workflow step and action shapes unchanged. */
export type WarningAction = WorkflowAction;

export interface WarningDeadline {
  dueOn: string;
  status: 'on_time' | 'due_soon' | 'overdue';
  statusLabel: string;
  daysRemaining: number;
  doneOn: string | null;
  text: string;
}

export interface WarningListItem {
  id: number;
  title: string;
  source: string;
  sourceLabel: string;
  departmentCode: string | null;
  departmentName: string | null;
  villageCode: string;
  villageName: string;
  townshipName: string | null;
  householdId: number | null;
  subjectName: string | null;
  subjectIdNumber: string | null;
  riskTypes: string[];
  riskTypeLabels: string[];
  outputKind: string;
  state: string;
  stateLabel: string;
  openedOn: string;
  closedOn: string | null;
  caseId: number | null;
  hitCount: number;
  deadline: WarningDeadline;
}

export interface WarningHit {
  id: number;
  sourceType: string;
  sourceRef: string | null;
  ruleCode: string | null;
  ruleVersion: number | null;
  sourceFile: string | null;
  sourceRow: number | null;
  explanation: Record<string, unknown>;
  createdAt: string;
}

export interface WarningDetail {
  warning: WarningListItem & {
    description: string | null;
    subjectGroup: string | null;
    personId: number | null;
    rosterPersonId: number | null;
    ruleCode: string | null;
    version: number;
    outcomeRemarks: string | null;
    duplicateOf: string | null;
    assistanceAdded: boolean;
    createdBy: string | null;
  };
  household: { id: number; householdNo: string; headName: string | null; monitored: boolean; memberCount: number } | null;
  linkedCase: { id: number; kind: string; state: string; terminal: boolean } | null;
  credit: { counts: boolean; points: number; reason: string; written: boolean };
  hits: WarningHit[];
  steps: WorkflowStep[];
  actions: WarningAction[];
  attachments: AttachmentMeta[];
  canReveal: boolean;
}

export interface WarningListQuery {
  state?: string;
  open?: string;
  source?: string;
  department?: string;
  area?: string;
  riskType?: string;
  deadline?: string;
  from?: string;
  to?: string;
  householdId?: number;
  q?: string;
  page: number;
  pageSize: number;
}

export interface WarningSettings { verificationDays: number; counting: 'calendar' | 'working'; dueSoonDays: number; updatedAt?: string | null; updatedBy?: string | null }

export interface OverdueSummary {
  level: 'township' | 'village';
  levelLabel: string;
  totalOpen: number;
  totalOverdue: number;
  totalDueSoon: number;
  items: { areaCode: string; areaName: string; open: number; overdue: number; dueSoon: number }[];
}

export interface Funnel {
  pushed: number; verified: number; included: number; alreadyMonitored: number; notIncluded: number; duplicate: number;
  households: number; persons: number; overdueOpen: number; verifiedLate: number;
}

export interface WarningFigures {
  period: { kind: string; from: string; to: string; label: string };
  asOf: string;
  total: Funnel;
  bySource: (Funnel & { source: string; label: string })[];
  byDepartment: (Funnel & { departmentCode: string; label: string })[];
  byArea: (Funnel & { areaCode: string; label: string })[];
  areaLevel: 'township' | 'village';
}

export interface FiguresQuery { period: 'year' | 'quarter' | 'month'; year: number; quarter?: number; month?: number; area?: string }

export interface PushBody { idNumber?: string; name?: string; villageCode?: string; riskTypes: string[]; description: string }
export interface StepBody { event: string; remarks?: string; attachments?: number[]; expectedVersion: number; payload?: { duplicateOf?: string; householdId?: number; riskTypes?: string[] } }
