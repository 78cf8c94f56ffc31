/**
 * 排查覆盖 on the 预警统计 page: coverage (visited ÷ planned households) of the 村级月排查 rounds and 集中排查
 * campaigns in the period, by area one level down — per kind (summed over its rounds) or per round — as a bar chart
 * and a table, plus the list of rounds.
 */
import { Card, Col, Empty, Flex, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { EChart, type EChartOption } from '../../components/EChart';
import type { WarningFigures } from './types';

export interface CoverageCell { planned: number; visited: number; percent: number; riskFound: number }
export interface CoverageRow extends CoverageCell { areaCode: string; label: string }
type Kind = 'monthly' | 'campaign';
export interface ScreeningRoundFigures {
  id: number; kind: Kind; kindLabel: string; name: string; startsOn: string; endsOn: string;
  phase: 'upcoming' | 'open' | 'finished'; phaseLabel: string; total: CoverageCell; rows: CoverageRow[];
}
export interface ScreeningFigures {
  area: { code: string; name: string; level: string } | null;
  rounds: ScreeningRoundFigures[];
  byKind: { kind: Kind; kindLabel: string; rounds: number; total: CoverageCell; rows: CoverageRow[] }[];
}
/** The figures response with its screening part (null for roles that do not read screening). */
export type FiguresWithScreening = WarningFigures & { screening?: ScreeningFigures | null };

const pct = (c: CoverageCell) => (c.planned === 0 ? '—' : `${c.percent}%`);
const PHASE_COLORS = { upcoming: 'default', open: 'processing', finished: 'success' } as const;

export function ScreeningCoverageCard({ screening }: { screening: ScreeningFigures }) {
  const kinds = useMemo(() => screening.byKind.filter((k) => k.rounds > 0), [screening.byKind]);
  const [choice, setChoice] = useState<string | undefined>(undefined);
  const options = [
    ...kinds.map((k) => ({ value: `kind:${k.kind}`, label: `${k.kindLabel}（本期${k.rounds}轮汇总）` })),
    ...screening.rounds.map((r) => ({ value: `round:${r.id}`, label: r.name })),
  ];
  const selected = options.some((o) => o.value === choice) ? choice! : options[0]?.value;
  const view = useMemo(() => {
    if (!selected) return null;
    const [type, key] = selected.split(':');
    if (type === 'kind') {
      const k = kinds.find((x) => x.kind === key)!;
      return { title: `${k.kindLabel}（本期${k.rounds}轮汇总）`, rows: k.rows, total: k.total };
    }
    const r = screening.rounds.find((x) => String(x.id) === key)!;
    return { title: r.name, rows: r.rows, total: r.total };
  }, [selected, kinds, screening.rounds]);

  const chart = useMemo<EChartOption | null>(() => !view ? null : {
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const p = (Array.isArray(params) ? params[0] : params) as { dataIndex: number };
        const r = view.rows[p.dataIndex]!;
        return `${r.label}<br/>计划走访 ${r.planned} 户，已走访 ${r.visited} 户<br/>覆盖率 ${pct(r)}，发现风险 ${r.riskFound} 户`;
      },
    },
    grid: { left: 48, right: 16, bottom: 80, top: 24 },
    xAxis: { type: 'category', data: view.rows.map((r) => r.label), axisLabel: { rotate: 35, interval: 0 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{
      type: 'bar', name: '覆盖率', barMaxWidth: 36,
      data: view.rows.map((r) => (r.planned === 0 ? null : { value: r.percent, itemStyle: { color: r.percent < 100 ? (r.percent < 60 ? '#cf1322' : '#d48806') : '#389e0d' } })),
      label: { show: true, position: 'top', formatter: '{c}%' },
    }],
  }, [view]);

  const title = (
    <Flex justify="space-between" align="center">
      <span>排查覆盖（村级月排查、集中排查）</span>
      <Link to="/screening" style={{ fontWeight: 'normal' }}>查看排查详情</Link>
    </Flex>
  );
  if (!view) {
    return (
      <Card title={title} size="small" data-testid="screening-coverage">
        <Empty description="本期没有村级月排查或集中排查" />
      </Card>
    );
  }
  return (
    <Card title={title} size="small" data-testid="screening-coverage">
      <Row gutter={16} style={{ marginBottom: 12 }}>
        {screening.byKind.map((k) => (
          <Col key={k.kind} xs={24} md={12}>
            <Card size="small" data-testid={`coverage-${k.kind}`} data-percent={k.total.percent}>
              <Flex wrap gap={24}>
                <Statistic title={`${k.kindLabel}覆盖率（${k.rounds}轮）`} value={k.rounds ? pct(k.total) : '—'} />
                <Statistic title="已走访 / 计划（户次）" value={`${k.total.visited} / ${k.total.planned}`} />
                <Statistic title="发现风险（转预警）" value={k.total.riskFound} />
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Text>查看：</Typography.Text>
        <Select value={selected} onChange={setChoice} options={options} style={{ minWidth: 260 }} aria-label="选择排查轮次" />
        <Typography.Text type="secondary">覆盖率 = 已走访户数 ÷ 计划走访户数；汇总按户次累计</Typography.Text>
      </Flex>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <EChart option={chart!} ariaLabel={`${view.title}各区域覆盖率：${view.rows.map((r) => `${r.label} ${pct(r)}`).join('，')}`} data-testid="coverage-chart" />
        </Col>
        <Col xs={24} lg={12}>
          <Table<CoverageRow>
            rowKey="areaCode"
            size="small"
            pagination={false}
            dataSource={view.rows}
            scroll={{ y: 260 }}
            columns={[
              { title: '区域', dataIndex: 'label' },
              { title: '计划走访户数', dataIndex: 'planned', width: 100 },
              { title: '已走访户数', dataIndex: 'visited', width: 90 },
              { title: '覆盖率', key: 'percent', width: 80, render: (_, r) => pct(r) },
              { title: '发现风险（转预警）', dataIndex: 'riskFound', width: 110 },
            ]}
            summary={() => (
              <Table.Summary fixed>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                  <Table.Summary.Cell index={1}>{view.total.planned}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2}>{view.total.visited}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3}>{pct(view.total)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={4}>{view.total.riskFound}</Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            )}
          />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>本期排查轮次</Typography.Title>
      <Table<ScreeningRoundFigures>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={screening.rounds}
        columns={[
          { title: '排查轮次', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kindLabel', width: 100 },
          { title: '起止日期', key: 'dates', width: 200, render: (_, r) => `${r.startsOn} 至 ${r.endsOn}` },
          { title: '状态', key: 'phase', width: 80, render: (_, r) => <Tag color={PHASE_COLORS[r.phase]}>{r.phaseLabel}</Tag> },
          { title: '计划走访户数', key: 'planned', width: 100, render: (_, r) => r.total.planned },
          { title: '已走访户数', key: 'visited', width: 90, render: (_, r) => r.total.visited },
          { title: '覆盖率', key: 'percent', width: 80, render: (_, r) => pct(r.total) },
          { title: '发现风险（转预警）', key: 'risk', width: 110, render: (_, r) => r.total.riskFound },
        ]}
      />
    </Card>
  );
}
