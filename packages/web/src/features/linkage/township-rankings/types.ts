export interface TownshipRankingItem {
  townshipCode: string;
  townshipName: string;
  score: number;
  rank: number;
  remark: string | null;
}

/** A 紧密型 department's 乡镇评分排名 of a month. */
export interface TownshipRanking {
  id: number;
  departmentCode: string;
  departmentName: string;
  month: string;
  submittedAt: string;
  items: TownshipRankingItem[];
}

export interface TownshipRankingBody {
  month: string;
  items: { townshipCode: string; score: number; remark: string | null }[];
}
