import type { DepartmentClass, RectificationStatus, SelfCheckOverviewStatus, SelfCheckStatus } from '../shared/linkageDomain';

export interface SelfCheck {
  id: number;
  departmentCode: string;
  departmentName: string;
  departmentClass: DepartmentClass;
  /** 'YYYY-MM' */
  month: string;
  status: SelfCheckStatus;
  statusLabel: string;
  summary: string;
  dueDate: string;
  submittedAt: string | null;
  lastSubmittedAt: string | null;
  submittedLate: boolean;
  reopenedCount: number;
  lastReopenReason: string | null;
  version: number;
  problemCount: number;
  openRectifications: number;
  longTermRectifications: number;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface Evidence {
  name: string;
  note: string | null;
}

/** A row of the 整改台账. */
export interface Rectification {
  id: number;
  selfCheckId: number | null;
  departmentCode: string;
  problem: string;
  measure: string;
  owner: string;
  deadline: string;
  status: RectificationStatus;
  statusLabel: string;
  doneOn: string | null;
  evidence: Evidence[];
  /** 整改中 past its deadline. */
  overdue: boolean;
}

export interface SelfCheckDetail {
  selfCheck: SelfCheck;
  problems: Rectification[];
}

export interface OverviewItem {
  departmentCode: string;
  departmentName: string;
  departmentClass: DepartmentClass;
  classLabel: string;
  selfCheckId: number | null;
  status: SelfCheckOverviewStatus;
  statusLabel: string;
  dueDate: string;
  submittedAt: string | null;
  problemCount: number;
  openRectifications: number;
  longTermRectifications: number;
  /** 紧密型 only: whether the month's 乡镇评分排名 was filed. */
  townshipRanked: boolean | null;
}

export interface Overview {
  month: string;
  dueDate: string;
  totals: { onTime: number; late: number; draft: number; missing: number; notDue: number };
  items: OverviewItem[];
}

/** Body of POST /self-checks/:id/problems (and, partly, PUT /rectifications/:id). */
export interface RectificationBody {
  problem?: string;
  measure: string;
  owner: string;
  deadline?: string;
  status: RectificationStatus;
  doneOn: string | null;
  evidence: Evidence[];
}
