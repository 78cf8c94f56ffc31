/** 月度排名: the 紧密型 departments ranked by a month's items (office score only); a row expands to its items. */
import { Alert, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { QueryError } from '../../../components/QueryError';
import { formatDate } from '../../../lib/format';
import { MonthPicker } from '../shared/MonthPicker';
import { monthLabel } from '../shared/months';
import { formatScore } from '../shared/scoreFormat';
import { useMonthParam } from '../shared/useMonthParam';
import { useMonthlyRanking } from './api';
import { ScoreLinesTable } from './ScoreLinesTable';
import type { MonthlyRankingItem } from './types';

const columns: ColumnsType<MonthlyRankingItem> = [
  { title: '排名', dataIndex: 'rank', width: 90, render: (r: number) => `第${r}名` },
  { title: '部门', dataIndex: 'departmentName', width: 200 },
  { title: '月度得分', dataIndex: 'total', width: 120, render: (v: number) => <Typography.Text strong>{formatScore(v)}</Typography.Text> },
  { title: '加减分项目', key: 'lines', render: (_, r) => (r.lines.length ? `${r.lines.length} 项（展开查看）` : '无') },
];

export function MonthlyRankingTab() {
  const [month, setMonth] = useMonthParam();
  const ranking = useMonthlyRanking(month);

  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <MonthPicker value={month} onChange={setMonth} noFuture data-testid="monthly-ranking-month" />
        <Typography.Text type="secondary">
          {monthLabel(month)} 紧密型部门月度排名，计算日期 {formatDate(ranking.data?.asOf)}
        </Typography.Text>
      </Flex>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="按当月事实计分（基础分100分），用于紧密型部门的月度排名；季度排序以季度得分为准。" />
      {ranking.isError && <QueryError error={ranking.error} onRetry={() => ranking.refetch()} />}
      <Table<MonthlyRankingItem>
        rowKey="departmentCode"
        size="middle"
        columns={columns}
        dataSource={ranking.data?.items}
        loading={ranking.isFetching}
        pagination={false}
        expandable={{ expandedRowRender: (r) => <ScoreLinesTable lines={r.lines} />, rowExpandable: (r) => r.lines.length > 0 }}
      />
    </>
  );
}
