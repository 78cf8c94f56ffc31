import type { CoopCaseKind, CoopTaskStatus } from '../shared/linkageDomain';

export type CoopCaseStatus = 'open' | 'closed';

export interface CoopCaseListItem {
  id: number;
  kind: CoopCaseKind;
  kindLabel: string;
  title: string;
  openedOn: string;
  status: CoopCaseStatus;
  closedOn: string | null;
  taskCount: number;
  openTaskCount: number;
  overdueTaskCount: number;
  /** Names of the departments holding a task. */
  departments: string[];
}

export interface CoopTask {
  id: number;
  caseId: number;
  departmentCode: string;
  departmentName: string;
  title: string;
  deadline: string;
  status: CoopTaskStatus;
  statusLabel: string;
  progress: string | null;
  resultNote: string | null;
  carryNote: string | null;
  closedOn: string | null;
  overdue: boolean;
  version: number;
}

/** 联席会商 details. */
export interface ConsultationDetails {
  participants?: string[];
  minutes?: string;
  decisions?: string[];
}

/** 联合处置 details. */
export interface JointHandlingDetails {
  team?: string[];
  findings?: string;
  actions?: string[];
}

export type CaseDetails = ConsultationDetails & JointHandlingDetails;

export interface CoopCase {
  id: number;
  kind: CoopCaseKind;
  kindLabel: string;
  title: string;
  description: string;
  openedOn: string;
  openedBy: number;
  openedByName: string;
  householdId: number | null;
  subject: string | null;
  details: CaseDetails;
  status: CoopCaseStatus;
  closedOn: string | null;
  closeNote: string | null;
  version: number;
}

export interface CaseHousehold {
  id: number;
  householdNo: string;
  villageName: string;
  townshipName: string;
  headName: string | null;
}

export interface CoopCaseDetail {
  case: CoopCase;
  household: CaseHousehold | null;
  tasks: CoopTask[];
}

export interface OverdueTask extends CoopTask {
  caseKind: CoopCaseKind;
  caseTitle: string;
  daysOverdue: number;
}

export interface TaskInput {
  departmentCode: string;
  title: string;
  deadline: string;
}

export interface CaseFieldsBody {
  title: string;
  description: string;
  subject: string | null;
  details: CaseDetails;
}

export interface CreateCaseBody extends CaseFieldsBody {
  kind: CoopCaseKind;
  openedOn: string;
  tasks: TaskInput[];
}

export interface TaskUpdateBody {
  status: CoopTaskStatus;
  progress: string | null;
  resultNote: string | null;
  carryNote: string | null;
  version: number;
}

export interface CoopCaseListQuery {
  kind?: string;
  status?: string;
  page: number;
  pageSize: number;
}
