/** Shapes of the 早帮扶 API (/api/helpers, /api/help-plans, /api/visits, /api/assistance/*). */

import type { Deadline as WorkflowDeadline, DeadlineStatus } from '../workflow/types';

export interface Helper {
  id: number;
  name: string;
  unit: string;
  position: string | null;
  phone: string | null;
  areaCode: string;
  areaName: string;
  userId: number | null;
  username: string | null;
  active: boolean;
  version: number;
  households: number;
  overLimit: boolean;
  workloadText: string;
}

export interface HelperDetail {
  helper: Helper;
  households: { id: number; householdNo: string; villageName: string; headName: string | null; monitorCategory: string | null; householdType: string; assignedOn: string }[];
}

export interface Assignment {
  id: number;
  helperId: number;
  helperName: string;
  helperUnit: string;
  assignedOn: string;
  endedOn: string | null;
  reason: string | null;
  assignedByName: string | null;
}

export interface Finding {
  code: 'not_required' | 'satisfied' | 'missing' | 'only_social_security' | string;
  ok: boolean;
  message: string;
}

/** Assistance presents the date/status/text part of a workflow deadline (status may carry other plan states). */
export type Deadline = Pick<WorkflowDeadline, 'date' | 'text'> & { status: DeadlineStatus | string | null };

export interface PlanSummary {
  id: number;
  householdId: number;
  householdNo: string;
  headName: string | null;
  villageName: string;
  townshipName: string;
  helperName: string | null;
  madeOn: string;
  dueOn: string | null;
  status: string;
  planned: number;
  implemented: number;
  cancelled: number;
  finding: Finding;
}

export interface Measure {
  id: number;
  planId: number;
  measureCode: string;
  measureLabel: string;
  developmental: boolean;
  content: string | null;
  departmentCode: string | null;
  departmentName: string | null;
  amount: number | null;
  plannedOn: string;
  status: 'planned' | 'implemented' | 'cancelled';
  implementedOn: string | null;
  evidenceNote: string | null;
  cancelReason: string | null;
  warningId: number | null;
  version: number;
  canImplement: boolean;
  canEdit: boolean;
}

export interface PlanDetail extends PlanSummary {
  caseId: number | null;
  notes: string | null;
  version: number;
  monitorCategory: string | null;
  labourCapable: number;
  deadline: Deadline | null;
  measures: Measure[];
  canManage: boolean;
}

export interface PendingPlan {
  householdId: number;
  householdNo: string;
  headName: string | null;
  villageName: string;
  townshipName: string;
  helperName: string | null;
  caseId: number;
  approvedOn: string;
  dueOn: string;
  status: string;
  text: string;
}

export interface MeasureInput {
  measureCode: string;
  departmentCode?: string | null;
  amount?: number | null;
  plannedOn: string;
  content?: string | null;
  warningId?: number | null;
}

export interface Catalogue {
  measures: { code: string; label: string; developmental: boolean; includes: string[]; defaultDepartment: string | null }[];
  visitKinds: { code: string; label: string }[];
  fourOnes: { code: string; label: string }[];
}

export interface Figures {
  households: number;
  planned: number;
  implemented: number;
  cancelled: number;
  policiesPerHousehold: number | null;
  implementationRate: number | null;
}

export interface FiguresResponse {
  area: { code: string; name: string };
  total: Figures;
  rows: (Figures & { code: string; name: string })[];
}

export interface Visit {
  id: number;
  householdId: number;
  householdNo: string;
  headName: string | null;
  villageName: string;
  helperId: number | null;
  helperName: string | null;
  visitorName: string | null;
  visitedOn: string;
  kind: string;
  fourOnes: string[];
  notes: string | null;
  attachments: number;
}

export interface HelpDayCalendar {
  month: string;
  households: number;
  days: { date: string; past: boolean; visited: number; visits: number; fourOnes: Record<string, number> }[];
}

export interface Unvisited {
  days: number;
  cutoff: string;
  total: number;
  page: number;
  pageSize: number;
  items: { householdId: number; householdNo: string; headName: string | null; villageName: string; townshipName: string; helperId: number | null; helperName: string | null; lastVisitOn: string | null; daysSince: number | null; text: string }[];
  byArea: { code: string; name: string; households: number; unvisited: number }[];
  byHelper: { helperId: number; helperName: string; households: number; unvisited: number }[];
}

export interface HouseholdAssistance {
  householdId: number;
  helper: { id: number; name: string; unit: string; position: string | null; phone: string | null; assignedOn: string } | null;
  plan: (PlanSummary & { deadline: Deadline | null }) | null;
  pendingPlan: { approvedOn: string; dueOn: string; status: string; text: string } | null;
  visits: Visit[];
  lastVisitOn: string | null;
  visitText: string;
  visitOverdue: boolean;
  canAssign: boolean;
  canVisit: boolean;
  canManagePlan: boolean;
}

export type { AttachmentMeta } from '../workflow/types';
