/** The departments' provisional scores of a quarter, filterable by class; a row opens the item-by-item detail. */
import { Alert, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { QueryError } from '../../../components/QueryError';
import { formatDate } from '../../../lib/format';
import { useUrlQuery } from '../../../lib/useUrlQuery';
import { CLASS_ORDER, classLabel, DepartmentClassTag } from '../shared/DepartmentClassTag';
import { formatPoints, formatScore, pointsColor } from '../shared/scoreFormat';
import type { Quarter } from '../shared/scoringDomain';
import { useScores } from './api';
import { provisionalRanks } from './provisionalRanks';
import type { DepartmentScore } from './types';
import { useDepartmentUser } from '../shared/useDepartmentUser';

const KEYS = ['cls'] as const;

type Row = DepartmentScore & { rank: number };

export function DepartmentScoresTab({ quarter }: { quarter: Quarter }) {
  const navigate = useNavigate();
  const { filters, update } = useUrlQuery(KEYS);
  const scores = useScores(quarter);
  const ownOnly = useDepartmentUser() !== null;

  const rows = useMemo<Row[]>(() => {
    const items = scores.data?.items ?? [];
    const ranks = provisionalRanks(items);
    return items
      .map((i) => ({ ...i, rank: ranks.get(i.departmentCode) ?? 0 }))
      .filter((i) => !filters.cls || i.class === filters.cls)
      .sort((a, b) => CLASS_ORDER.indexOf(a.class) - CLASS_ORDER.indexOf(b.class) || a.rank - b.rank);
  }, [scores.data, filters.cls]);

  const columns: ColumnsType<Row> = [
    { title: '类别', dataIndex: 'class', width: 130, render: (c: string) => <DepartmentClassTag cls={c} /> },
    ...(ownOnly ? [] : [{ title: '类内排名', dataIndex: 'rank', width: 90, render: (r: number) => `第${r}名` }]),
    { title: '部门', dataIndex: 'departmentName', width: 180 },
    { title: '基础分', dataIndex: 'base', width: 80 },
    { title: '扣分', dataIndex: 'deductions', width: 90, render: (v: number) => <span style={{ color: pointsColor(v) }}>{formatPoints(v)}</span> },
    { title: '加分', dataIndex: 'additions', width: 90, render: (v: number) => <span style={{ color: pointsColor(v) }}>{formatPoints(v)}</span> },
    {
      title: '得分',
      dataIndex: 'total',
      width: 90,
      render: (v: number) => <Typography.Text strong>{formatScore(v)}</Typography.Text>,
    },
    { title: '加减分项目', key: 'lines', render: (_, r) => (r.lines.length ? `${r.lines.length} 项` : '无') },
  ];

  return (
    <>
      {scores.isError && <QueryError error={scores.error} onRetry={() => scores.refetch()} />}
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`即时计算的暂估得分（计算日期 ${formatDate(scores.data?.asOf)}），以正式发布的季度排序为准；类内排名仅按办公室评分计算，未含延伸评价和外部评价。`}
      />
      {!ownOnly && (
        <Segmented
          style={{ marginBottom: 12 }}
          value={filters.cls ?? ''}
          onChange={(v) => update({ cls: v || undefined })}
          options={[{ value: '', label: '全部' }, ...CLASS_ORDER.map((c) => ({ value: c, label: classLabel(c) }))]}
        />
      )}
      <Table<Row>
        rowKey="departmentCode"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={scores.isFetching}
        pagination={false}
        data-testid="scores-table"
        onRow={(r) => ({
          style: { cursor: 'pointer' },
          onClick: () => navigate(`/linkage/scores/${r.departmentCode}?year=${quarter.year}&quarter=${quarter.quarter}`),
        })}
      />
    </>
  );
}
