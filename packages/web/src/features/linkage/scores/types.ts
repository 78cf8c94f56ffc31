import type { FactRef, ScoreLine } from '../shared/scoringDomain';
import type { DepartmentClass } from '../shared/linkageDomain';

export type { FactRef, ScoreLine };

/** One department's provisional quarter score (GET /api/linkage/scores). */
export interface DepartmentScore {
  departmentCode: string;
  departmentName: string;
  class: DepartmentClass;
  base: number;
  total: number;
  deductions: number;
  additions: number;
  lines: ScoreLine[];
}

export interface ScoresResponse {
  year: number;
  quarter: number;
  asOf: string;
  items: DepartmentScore[];
}

export type EvaluationKind = 'extension' | 'external';

export interface Evaluation {
  id: number | string;
  departmentCode: string;
  departmentName: string;
  year: number;
  quarter: number;
  kind: EvaluationKind;
  /** numeric column: may arrive as a string */
  score: number | string;
  source: string | null;
  updatedAt: string;
}

export interface ScoreDetailResponse {
  year: number;
  quarter: number;
  asOf: string;
  score: DepartmentScore;
  evaluations: Evaluation[];
}

export interface ScoreItemDef {
  code: string;
  label: string;
  points: number;
  unit: string;
  source: 'computed' | 'manual' | string;
  group: string;
}

export type ManualItemStatus = 'pending' | 'approved' | 'rejected';

export interface ManualItem {
  id: number | string;
  departmentCode: string;
  departmentName: string;
  year: number;
  quarter: number;
  itemCode: string;
  itemLabel: string | null;
  points: number | null;
  count: number;
  occurredOn: string;
  evidence: string;
  status: ManualItemStatus;
  createdAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface ManualItemBody {
  departmentCode: string;
  year: number;
  quarter: number;
  itemCode: string;
  count: number;
  occurredOn: string;
  evidence: string;
}

export interface EvaluationBody {
  departmentCode: string;
  year: number;
  quarter: number;
  kind: EvaluationKind;
  score: number | null;
  source?: string | null;
}

export interface MonthlyRankingItem {
  departmentCode: string;
  departmentName: string;
  total: number;
  rank: number;
  lines: ScoreLine[];
}

export interface MonthlyRankingResponse {
  month: string;
  asOf: string;
  items: MonthlyRankingItem[];
}
