/** One class's ranking (rank, scores, basis), each department's score explanation expandable. */
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { BasisTag } from '../shared/BasisTag';
import { formatScore } from '../shared/scoreFormat';
import { ScoreLinesTable } from '../scores/ScoreLinesTable';
import type { DepartmentScore } from '../scores/types';
import type { RankedEntry } from './types';

interface Props {
  entries: RankedEntry[];
  explanation: Record<string, DepartmentScore>;
  /** 紧密型 shows the 延伸评价 column; 乡村振兴局/财政局 may carry an 外部评价. */
  showExtension: boolean;
  showExternal: boolean;
}

export function RankingClassTable({ entries, explanation, showExtension, showExternal }: Props) {
  const columns: ColumnsType<RankedEntry> = [
    { title: '名次', dataIndex: 'rank', width: 80, render: (r: number) => <Typography.Text strong>第{r}名</Typography.Text> },
    { title: '部门', dataIndex: 'departmentName', width: 180 },
    { title: '办公室评分', dataIndex: 'officeScore', width: 110, render: formatScore },
    ...(showExtension ? [{ title: '延伸评价', dataIndex: 'extensionScore', width: 100, render: formatScore }] : []),
    ...(showExternal ? [{ title: '外部评价', dataIndex: 'externalScore', width: 100, render: formatScore }] : []),
    {
      title: '最终得分',
      dataIndex: 'finalScore',
      width: 100,
      render: (v: number) => <Typography.Text strong>{formatScore(v)}</Typography.Text>,
    },
    { title: '排序依据', dataIndex: 'basis', width: 160, render: (b: string) => <BasisTag basis={b} /> },
  ];
  return (
    <Table<RankedEntry>
      rowKey="departmentCode"
      size="small"
      columns={columns}
      dataSource={[...entries].sort((a, b) => a.rank - b.rank)}
      pagination={false}
      data-testid="ranking-table"
      expandable={{
        rowExpandable: (e) => !!explanation[e.departmentCode],
        expandedRowRender: (e) => {
          const s = explanation[e.departmentCode]!;
          return <ScoreLinesTable lines={s.lines} base={s.base} total={s.total} />;
        },
      }}
    />
  );
}
