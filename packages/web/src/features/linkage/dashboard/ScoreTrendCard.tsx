/**
 * Each class's average score over the year's quarters: published rankings (final scores) plus the current quarter's
 * provisional office scores. A department user sees its own department's line instead.
 */
import { Card, Typography } from 'antd';
import { useMemo } from 'react';
import { QueryError } from '../../../components/QueryError';
import { CLASS_COLORS, CLASS_ORDER, classLabel } from '../shared/DepartmentClassTag';
import { EChart, type EChartOption } from '../../../components/EChart';
import { QUARTER_NAMES } from '../shared/quarters';
import type { Quarter } from '../shared/scoringDomain';
import { useDepartmentUser } from '../shared/useDepartmentUser';
import { useAnnual } from '../rankings/api';
import type { AnnualItem } from '../rankings/types';
import { useScores } from '../scores/api';
import type { DepartmentScore } from '../scores/types';

const round2 = (n: number) => Math.round(n * 100) / 100;
const average = (xs: number[]) => (xs.length ? round2(xs.reduce((s, x) => s + x, 0) / xs.length) : null);

interface Series {
  name: string;
  color?: string;
  /** One value per quarter (null: no published ranking, not yet reached). */
  values: (number | null)[];
}

function seriesOf(annual: AnnualItem[], provisional: DepartmentScore[], current: Quarter, own: string | null): Series[] {
  const publishedCurrent = annual.some((i) => i.quarters[current.quarter - 1]);
  const valueAt = (items: AnnualItem[], scores: DepartmentScore[], q: number): number | null => {
    const published = items.map((i) => i.quarters[q - 1]?.finalScore).filter((v): v is number => typeof v === 'number');
    if (published.length) return average(published);
    if (q === current.quarter && !publishedCurrent) return average(scores.map((s) => s.total));
    return null;
  };
  if (own) {
    const items = annual.filter((i) => i.departmentCode === own);
    const scores = provisional.filter((s) => s.departmentCode === own);
    return [{ name: items[0]?.departmentName ?? scores[0]?.departmentName ?? '本部门', values: [1, 2, 3, 4].map((q) => valueAt(items, scores, q)) }];
  }
  return CLASS_ORDER.map((cls) => {
    const items = annual.filter((i) => i.class === cls);
    const scores = provisional.filter((s) => s.class === cls);
    return { name: `${classLabel(cls)}平均`, color: CLASS_COLORS[cls], values: [1, 2, 3, 4].map((q) => valueAt(items, scores, q)) };
  });
}

export function ScoreTrendCard({ quarter }: { quarter: Quarter }) {
  const own = useDepartmentUser();
  const annual = useAnnual(quarter.year);
  const scores = useScores(quarter);
  const publishedCurrent = !!annual.data?.items.some((i) => i.quarters[quarter.quarter - 1]);

  const option = useMemo<EChartOption>(() => {
    const series = seriesOf(annual.data?.items ?? [], scores.data?.items ?? [], quarter, own);
    const labels = QUARTER_NAMES.map((n, i) => (i + 1 === quarter.quarter && !publishedCurrent ? `${n}（暂估）` : n));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', name: '得分', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10) },
      series: series.map((s) => ({
        type: 'line',
        name: s.name,
        data: s.values,
        connectNulls: true,
        symbolSize: 8,
        label: { show: true, fontSize: 10 },
        ...(s.color ? { itemStyle: { color: s.color }, lineStyle: { color: s.color } } : {}),
      })),
    };
  }, [annual.data, scores.data, quarter, own, publishedCurrent]);

  return (
    <Card
      title={`${quarter.year}年得分走势`}
      extra={<Typography.Text type="secondary">已发布季度取排序最终得分</Typography.Text>}
      loading={annual.isPending || scores.isPending}
      style={{ height: '100%' }}
    >
      {(annual.isError || scores.isError) && (
        <QueryError error={annual.error ?? scores.error} onRetry={() => Promise.all([annual.refetch(), scores.refetch()])} />
      )}
      <EChart option={option} height={300} ariaLabel="各类部门季度平均得分走势图" data-testid="dashboard-trend" />
    </Card>
  );
}
