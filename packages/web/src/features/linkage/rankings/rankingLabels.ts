import type { RankingStatus } from './types';

export const RANKING_STATUS_LABELS: Record<RankingStatus, string> = { draft: '草稿', published: '已发布', superseded: '已被取代' };
export const RANKING_STATUS_COLORS: Record<RankingStatus, string> = { draft: 'gold', published: 'green', superseded: 'default' };
