import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { orDash } from '../../../lib/format';
import type { TownshipRankingItem } from './types';

const RANK_COLORS = ['gold', 'default', 'orange'];

const columns: ColumnsType<TownshipRankingItem> = [
  { title: '名次', dataIndex: 'rank', width: 80, render: (r: number) => (r <= 3 ? <Tag color={RANK_COLORS[r - 1]}>第{r}名</Tag> : `第${r}名`) },
  { title: '乡镇', dataIndex: 'townshipName', width: 160 },
  { title: '评分', dataIndex: 'score', width: 100, align: 'right', render: (s: number) => s.toFixed(2) },
  { title: '备注', dataIndex: 'remark', render: orDash },
];

/** One department's township ranking, best first (equal scores share a rank). */
export function RankingTable({ items }: { items: TownshipRankingItem[] }) {
  return <Table<TownshipRankingItem> rowKey="townshipCode" size="small" columns={columns} dataSource={items} pagination={false} data-testid="township-ranking-table" />;
}
