/** 预警统计: the funnel pushed → verified → included (households, persons), by source, department and area; screening coverage; export. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Segmented, Select, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { AreaTreeSelect } from '../../components/AreaTreeSelect';
import { QueryError } from '../../components/QueryError';
import { useAuth } from '../../app/auth';
import { hasPermission } from '../../app/permissions';
import { serverNow } from '../../lib/today';
import { PageTitle } from '../linkage/shared/PageTitle';
import { figuresExportUrl, useWarningFigures } from './api';
import { EChart, type EChartOption } from '../../components/EChart';
import type { FiguresQuery, Funnel } from './types';
import { ScreeningCoverageCard, type FiguresWithScreening } from './ScreeningCoverageCard';

const COLUMNS: { key: keyof Funnel; title: string }[] = [
  { key: 'pushed', title: '推送' }, { key: 'verified', title: '已核实' }, { key: 'included', title: '纳入监测' }, { key: 'alreadyMonitored', title: '已是监测对象' },
  { key: 'notIncluded', title: '不纳入' }, { key: 'duplicate', title: '重复' }, { key: 'households', title: '纳入户数' }, { key: 'persons', title: '纳入人数' },
  { key: 'overdueOpen', title: '逾期未核实' }, { key: 'verifiedLate', title: '超期核实' },
];

function FunnelTable<T extends Funnel & { label: string }>({ rows, first, rowKey }: { rows: T[]; first: string; rowKey: keyof T }) {
  return (
    <Table<T>
      rowKey={(r) => String(r[rowKey])}
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 900 }}
      locale={{ emptyText: '本期没有预警' }}
      columns={[{ title: first, dataIndex: 'label', fixed: 'left', width: 140 }, ...COLUMNS.map((c) => ({ title: c.title, dataIndex: c.key as string, width: 90 }))]}
    />
  );
}

export default function WarningFiguresPage() {
  const { user } = useAuth();
  const now = serverNow();
  const [q, setQ] = useState<FiguresQuery>({ period: 'year', year: now.year() });
  const f = useWarningFigures(q);
  const years = Array.from({ length: 5 }, (_, i) => now.year() - i);
  const data = f.data as FiguresWithScreening | undefined;

  const funnel = useMemo<EChartOption | null>(() => !data ? null : {
    tooltip: { trigger: 'item', formatter: '{b}：{c}' },
    series: [{
      type: 'funnel', sort: 'none', left: '10%', width: '80%', minSize: '20%', label: { show: true, position: 'inside', formatter: '{b} {c}' },
      data: [
        { name: '推送', value: data.total.pushed },
        { name: '已核实', value: data.total.verified },
        { name: '纳入监测', value: data.total.included },
      ],
    }],
  }, [data]);

  const bars = useMemo<EChartOption | null>(() => {
    if (!data) return null;
    const rows = data.byDepartment.length ? data.byDepartment : data.bySource;
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: ['推送', '已核实', '纳入监测'] },
      grid: { left: 40, right: 16, bottom: 80, top: 40 },
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { rotate: 35, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: (['pushed', 'verified', 'included'] as const).map((k, i) => ({ type: 'bar', name: ['推送', '已核实', '纳入监测'][i], data: rows.map((r) => r[k]) })),
    };
  }, [data]);

  const areaBars = useMemo<EChartOption | null>(() => !data ? null : {
    tooltip: { trigger: 'axis' },
    legend: { data: ['推送', '纳入监测', '逾期未核实'] },
    grid: { left: 40, right: 16, bottom: 80, top: 40 },
    xAxis: { type: 'category', data: data.byArea.map((r) => r.label), axisLabel: { rotate: 35, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: '推送', data: data.byArea.map((r) => r.pushed) },
      { type: 'bar', name: '纳入监测', data: data.byArea.map((r) => r.included) },
      { type: 'bar', name: '逾期未核实', data: data.byArea.map((r) => r.overdueOpen), itemStyle: { color: '#cf1322' } },
    ],
  }, [data]);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <PageTitle
          title="预警统计"
          backTo="/warnings"
          extra={hasPermission(user, 'warning:export') && <Button icon={<DownloadOutlined />} href={figuresExportUrl(q)} data-testid="figures-export">导出 Excel</Button>}
        />
        <Flex wrap gap={8} align="center">
          <Segmented value={q.period} onChange={(v) => setQ({ ...q, period: v as FiguresQuery['period'], quarter: undefined, month: undefined })}
            options={[{ value: 'year', label: '按年' }, { value: 'quarter', label: '按季度' }, { value: 'month', label: '按月' }]} />
          <Select value={q.year} onChange={(v) => setQ({ ...q, year: v })} options={years.map((y) => ({ value: y, label: `${y}年` }))} style={{ width: 110 }} />
          {q.period === 'quarter' && (
            <Select placeholder="季度" value={q.quarter ?? Math.floor(now.month() / 3) + 1} onChange={(v) => setQ({ ...q, quarter: v })}
              options={[1, 2, 3, 4].map((n) => ({ value: n, label: `第${'一二三四'[n - 1]}季度` }))} style={{ width: 120 }} />
          )}
          {q.period === 'month' && (
            <Select placeholder="月份" value={q.month ?? now.month() + 1} onChange={(v) => setQ({ ...q, month: v })}
              options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))} style={{ width: 100 }} />
          )}
          {user?.role !== 'department_user' && <AreaTreeSelect value={q.area} onChange={(v) => setQ({ ...q, area: v })} placeholder="全部区域" style={{ width: 200 }} />}
          {data && <Typography.Text type="secondary">统计期：{data.period.label}（{data.period.from} 至 {data.period.to}），按推送日期；截至 {data.asOf}</Typography.Text>}
        </Flex>
      </Card>
      {f.isError && <QueryError error={f.error} onRetry={() => f.refetch()} />}
      {data && (
        <>
          <Row gutter={16}>
            {([['推送', data.total.pushed], ['已核实', data.total.verified], ['纳入监测（户）', data.total.households], ['纳入监测（人）', data.total.persons], ['逾期未核实', data.total.overdueOpen]] as const).map(([t, v]) => (
              <Col key={t} xs={12} md={8} lg={4}><Card size="small"><Statistic title={t} value={v} valueStyle={t === '逾期未核实' && v > 0 ? { color: '#cf1322' } : undefined} /></Card></Col>
            ))}
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={10}>
              <Card title="预警漏斗：推送 → 核实 → 纳入" size="small" data-testid="funnel-card" data-pushed={data.total.pushed} data-verified={data.total.verified} data-included={data.total.included}>
                {data.total.pushed ? <EChart option={funnel!} ariaLabel={`推送 ${data.total.pushed}，已核实 ${data.total.verified}，纳入监测 ${data.total.included}`} data-testid="warning-funnel" /> : <Typography.Text type="secondary">本期没有预警</Typography.Text>}
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card title={data.byDepartment.length ? '按推送部门' : '按来源'} size="small">
                <EChart option={bars!} ariaLabel="按部门的推送、核实、纳入数量" />
              </Card>
            </Col>
          </Row>
          <Card title="按来源" size="small"><FunnelTable rows={data.bySource} first="预警来源" rowKey="source" /></Card>
          <Card title="按推送部门" size="small"><FunnelTable rows={data.byDepartment} first="推送部门" rowKey="departmentCode" /></Card>
          <Card title={data.areaLevel === 'township' ? '按乡镇' : '按村'} size="small">
            {data.byArea.length > 0 && <EChart option={areaBars!} ariaLabel="按区域的推送、纳入、逾期数量" />}
            <FunnelTable rows={data.byArea} first={data.areaLevel === 'township' ? '乡镇' : '村'} rowKey="areaCode" />
          </Card>
          {data.screening && <ScreeningCoverageCard screening={data.screening} />}
        </>
      )}
    </Space>
  );
}
