import { Tag } from 'antd';
import { RANKING_STATUS_COLORS, RANKING_STATUS_LABELS } from './rankingLabels';
import type { RankingStatus } from './types';

export function RankingStatusTag({ status }: { status: RankingStatus }) {
  return <Tag color={RANKING_STATUS_COLORS[status]}>{RANKING_STATUS_LABELS[status] ?? status}</Tag>;
}
