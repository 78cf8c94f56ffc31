/** Every computed ranking version; the office computes a quarter's ranking and publishes drafts. */
import { CalculatorOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { formatDate, formatDateTime, orDash } from '../../../lib/format';
import { useUrlQuery } from '../../../lib/useUrlQuery';
import { quarterLabel } from '../shared/scoringDomain';
import { isQuarterNo } from '../shared/quarters';
import { useRankings } from './api';
import { ComputeRankingModal } from './ComputeRankingModal';
import { PublishRankingButton } from './PublishRankingButton';
import { RankingStatusTag } from './RankingStatusTag';
import type { Ranking } from './types';
import { YearSelect } from '../shared/YearSelect';

const KEYS = ['year'] as const;

export const rankingTitle = (r: Pick<Ranking, 'year' | 'quarter'>) => (isQuarterNo(r.quarter) ? quarterLabel({ year: r.year, quarter: r.quarter }) : `${r.year}年第${r.quarter}季度`);

export function RankingListTab() {
  const { can } = useAuth();
  const { filters, update } = useUrlQuery(KEYS);
  const year = filters.year ? Number(filters.year) : undefined;
  const rankings = useRankings(year);
  const [computing, setComputing] = useState(false);
  const manage = can('ranking:manage');

  const columns: ColumnsType<Ranking> = [
    { title: '季度', key: 'quarter', width: 170, render: (_, r) => <Link to={`/linkage/rankings/${r.id}`}>{rankingTitle(r)}</Link> },
    { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第${v}版` },
    { title: '状态', dataIndex: 'status', width: 100, render: (s: Ranking['status']) => <RankingStatusTag status={s} /> },
    { title: '计算日期', dataIndex: 'asOf', width: 110, render: formatDate },
    { title: '计算时间', dataIndex: 'computedAt', width: 170, render: formatDateTime },
    { title: '发布时间', dataIndex: 'publishedAt', width: 170, render: formatDateTime },
    { title: '重新发布原因', dataIndex: 'reason', render: orDash },
    {
      title: '操作',
      key: 'actions',
      width: 140,
      render: (_, r) => (
        <Space size={4}>
          <Link to={`/linkage/rankings/${r.id}`}>查看</Link>
          {manage && r.status === 'draft' && <PublishRankingButton ranking={r} size="small" type="link" />}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <YearSelect value={year} onChange={(y) => update({ year: y })} allowClear />
        {manage && (
          <Button type="primary" icon={<CalculatorOutlined />} onClick={() => setComputing(true)} data-testid="ranking-compute">
            计算排序
          </Button>
        )}
      </Flex>
      {rankings.isError && <QueryError error={rankings.error} onRetry={() => rankings.refetch()} />}
      <Table<Ranking>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rankings.data}
        loading={rankings.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个版本` }}
        scroll={{ x: 1100 }}
        locale={{ emptyText: '暂无季度排序' }}
      />
      {manage && <ComputeRankingModal open={computing} onClose={() => setComputing(false)} />}
    </>
  );
}
