export type TargetType = 'self_check' | 'rectification';
export type Verdict = 'confirms' | 'contradicts';
export type VerifiedStatus = 'in_progress' | 'done';

export interface RoundRow {
  id: number;
  month: string;
  seed: string;
  selfCheckCount: number;
  rectificationCount: number;
  sampleSize: number;
  note: string | null;
  createdAt: string;
  findingCount: number | string;
}

export interface SampleItem {
  targetType: TargetType;
  targetId: number;
  departmentCode: string;
  label: string;
  status: string | null;
  /** Verdict recorded in this round, if any. */
  finding: Verdict | null;
}

export interface Finding {
  id: number;
  roundId: number;
  departmentCode: string;
  departmentName: string;
  targetType: TargetType;
  targetId: number;
  verdict: Verdict;
  verifiedStatus: VerifiedStatus | null;
  note: string | null;
  recordedAt: string;
}

export interface RoundDetail {
  round: RoundRow & { population: { selfChecks: number[]; rectifications: number[] } };
  sample: SampleItem[];
  findings: Finding[];
}

export interface RoundBody {
  month: string;
  selfCheckCount: number;
  rectificationCount: number;
  seed?: string;
  note?: string | null;
}

export interface FindingBody {
  targetType: TargetType;
  targetId: number;
  verdict: Verdict;
  verifiedStatus?: VerifiedStatus | null;
  note?: string | null;
}
