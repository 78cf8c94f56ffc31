import type { DepartmentClass } from '../shared/linkageDomain';
import type { DepartmentScore } from '../scores/types';

export type RankingStatus = 'draft' | 'published' | 'superseded';
export type RankingBasis = 'office' | 'combined' | 'external';

export interface Ranking {
  id: number;
  year: number;
  quarter: number;
  version: number;
  status: RankingStatus;
  supersedesId: number | null;
  reason: string | null;
  asOf: string;
  extensionWeight: number | string;
  computedAt: string;
  publishedAt: string | null;
}

export interface RankedEntry {
  departmentCode: string;
  departmentName: string;
  class: DepartmentClass;
  officeScore: number;
  extensionScore?: number | null;
  externalScore?: number | null;
  finalScore: number;
  rank: number;
  basis: RankingBasis | string;
}

export interface RankingDetail {
  ranking: Ranking;
  entries: RankedEntry[];
  /** Department code → its score explained; a department user gets the own department only. */
  explanation: Record<string, DepartmentScore>;
}

export interface AnnualQuarterCell {
  quarter: number;
  rankingId: number;
  version: number;
  finalScore: number;
  rank: number;
  basis: string;
}

export interface AnnualItem {
  departmentCode: string;
  departmentName: string;
  class: DepartmentClass;
  quarters: (AnnualQuarterCell | null)[];
}

export interface AnnualResponse {
  year: number;
  rankings: { quarter: number; id: number; version: number }[];
  items: AnnualItem[];
}
