/** A score explained item by item: one row per line (label, month, count × points, subtotal, records). */
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { monthLabel } from '../shared/months';
import { formatPoints, formatScore, pointsColor } from '../shared/scoreFormat';
import { ScoreRefs } from './ScoreRefs';
import type { ScoreLine } from './types';

const columns: ColumnsType<ScoreLine> = [
  { title: '评分项目', dataIndex: 'label', width: 260 },
  { title: '月份', dataIndex: 'month', width: 100, render: (m?: string) => (m ? monthLabel(m) : '—') },
  {
    title: '计分',
    key: 'calc',
    width: 150,
    render: (_, l) => `${l.count}${l.unit} × ${formatPoints(l.count ? l.points / l.count : l.points)}`,
  },
  {
    title: '小计',
    dataIndex: 'points',
    width: 90,
    render: (p: number) => <Typography.Text style={{ color: pointsColor(p) }}>{formatPoints(p)}</Typography.Text>,
  },
  { title: '关联记录', key: 'refs', render: (_, l) => <ScoreRefs refs={l.refs} /> },
];

export function ScoreLinesTable({ lines, base, total }: { lines: ScoreLine[]; base?: number; total?: number }) {
  return (
    <Table<ScoreLine>
      rowKey={(l, i) => `${l.code}-${l.month ?? ''}-${i}`}
      size="small"
      columns={columns}
      dataSource={lines}
      pagination={false}
      onRow={() => ({ 'data-testid': 'score-line' }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: '本季度没有加减分项目' }}
      footer={
        base !== undefined && total !== undefined ? () => `基础分 ${formatScore(base)} 分，加减合计 ${formatPoints(total - base)} 分，得分 ${formatScore(total)} 分` : undefined
      }
    />
  );
}
