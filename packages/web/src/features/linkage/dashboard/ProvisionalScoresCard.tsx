/** The current quarter's provisional scores and ranks, one column per class, and a bar chart of all departments. */
import { Card, Col, Empty, Row, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/QueryError';
import { formatDate } from '../../../lib/format';
import { CLASS_COLORS, CLASS_ORDER, classLabel } from '../shared/DepartmentClassTag';
import { EChart, type EChartOption } from '../../../components/EChart';
import { formatScore } from '../shared/scoreFormat';
import { quarterLabel, type Quarter } from '../shared/scoringDomain';
import { useDepartmentUser } from '../shared/useDepartmentUser';
import { useScores } from '../scores/api';
import { provisionalRanks } from '../scores/provisionalRanks';
import type { DepartmentScore } from '../scores/types';

type Row = DepartmentScore & { rank: number };

function barOption(rows: Row[]): EChartOption {
  const sorted = [...rows].sort((a, b) => CLASS_ORDER.indexOf(a.class) - CLASS_ORDER.indexOf(b.class) || a.rank - b.rank);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: sorted.map((r) => r.departmentName.replace(/^县/, '')), axisLabel: { interval: 0, rotate: 45, fontSize: 11 } },
    yAxis: { type: 'value', name: '暂估得分', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10) },
    series: [
      {
        type: 'bar',
        name: '暂估得分',
        data: sorted.map((r) => ({ value: r.total, itemStyle: { color: CLASS_COLORS[r.class] } })),
        label: { show: true, position: 'top', fontSize: 10 },
      },
    ],
  };
}

export function ProvisionalScoresCard({ quarter }: { quarter: Quarter }) {
  const scores = useScores(quarter);
  const ownDepartment = useDepartmentUser();
  const rows = useMemo<Row[]>(() => {
    const items = scores.data?.items ?? [];
    const ranks = provisionalRanks(items);
    return items.map((i) => ({ ...i, rank: ranks.get(i.departmentCode) ?? 0 }));
  }, [scores.data]);
  const option = useMemo(() => barOption(rows), [rows]);
  const link = (r: Row) => `/linkage/scores/${r.departmentCode}?year=${quarter.year}&quarter=${quarter.quarter}`;

  return (
    <Card
      title={`${quarterLabel(quarter)}暂估得分${ownDepartment ? '' : '与类内排名'}`}
      extra={
        <Typography.Text type="secondary">
          计算日期 {formatDate(scores.data?.asOf)}，以发布的季度排序为准 · <Link to={`/linkage/scores?year=${quarter.year}&quarter=${quarter.quarter}`}>全部</Link>
        </Typography.Text>
      }
      loading={scores.isPending}
      data-testid="dashboard-scores"
    >
      {scores.isError && <QueryError error={scores.error} onRetry={() => scores.refetch()} />}
      <Row gutter={[16, 16]}>
        {CLASS_ORDER.map((cls) => {
          const members = rows.filter((r) => r.class === cls).sort((a, b) => a.rank - b.rank);
          if (ownDepartment && !members.length) return null;
          return (
            <Col key={cls} xs={24} lg={ownDepartment ? 24 : 8}>
              <Typography.Title level={5} style={{ color: CLASS_COLORS[cls] }}>
                {classLabel(cls)}
              </Typography.Title>
              <Table<Row>
                rowKey="departmentCode"
                size="small"
                pagination={false}
                dataSource={members}
                scroll={members.length > 9 ? { y: 330 } : undefined}
                columns={[
                  ...(ownDepartment ? [] : [{ title: '名次', dataIndex: 'rank', width: 60 }]),
                  { title: '部门', dataIndex: 'departmentName', render: (n: string, r: Row) => <Link to={link(r)}>{n}</Link> },
                  { title: '得分', dataIndex: 'total', width: 70, render: (v: number) => <Typography.Text strong>{formatScore(v)}</Typography.Text> },
                  { title: '扣分', dataIndex: 'deductions', width: 60, render: formatScore },
                ]}
              />
            </Col>
          );
        })}
      </Row>
      {!ownDepartment &&
        (rows.length ? (
          <div style={{ marginTop: 16 }}>
            <EChart option={option} height={320} ariaLabel="各部门暂估得分柱状图" data-testid="dashboard-score-bars" />
          </div>
        ) : (
          scores.data && <Empty description="暂无得分" />
        ))}
    </Card>
  );
}
