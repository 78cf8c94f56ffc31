/** 监测统计: 监测户/人 by category and area, new this year, 风险消除率, 帮扶措施落实率, 户均享受政策数, overdue; Excel export. */
import { Button, Card, Col, InputNumber, Row, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { AreaTreeSelect } from '../../components/AreaTreeSelect';
import { QueryError } from '../../components/QueryError';
import { useAuth } from '../../app/auth';
import { hasPermission } from '../../app/permissions';
import { toQueryString } from '../../api/client';
import { serverNow } from '../../lib/today';
import { useUrlQuery } from '../../lib/useUrlQuery';
import { EChart, type EChartOption } from '../../components/EChart';
import { useFigures, type FigureRow } from './api';

const KEYS = ['areaCode', 'year'] as const;
const pct = (v: number | null) => (v == null ? '—' : `${v}%`);

export default function FiguresPage() {
  const { user } = useAuth();
  const { filters, update } = useUrlQuery(KEYS);
  const year = filters.year ? Number(filters.year) : serverNow().year();
  const f = useFigures({ areaCode: filters.areaCode, year });
  const d = f.data;
  const t = d?.total;
  const option: EChartOption | null = d
    ? {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 40, right: 16, top: 36, bottom: 60 },
        xAxis: { type: 'category', data: d.items.map((x) => x.name), axisLabel: { rotate: d.items.length > 8 ? 40 : 0 } },
        yAxis: { type: 'value', name: '户' },
        series: [
          { name: '脱贫不稳定户', type: 'bar', stack: 'c', data: d.items.map((x) => x.unstableHouseholds) },
          { name: '边缘易致贫户', type: 'bar', stack: 'c', data: d.items.map((x) => x.marginalHouseholds) },
          { name: '突发严重困难户', type: 'bar', stack: 'c', data: d.items.map((x) => x.suddenHouseholds) },
          { name: '已消除风险', type: 'line', data: d.items.map((x) => x.eliminatedHouseholds) },
        ],
      }
    : null;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>监测统计{d ? `（${d.areaName}，截至 ${d.asOf}）` : ''}</Typography.Title>
        <Space wrap style={{ marginBottom: 16 }}>
          <AreaTreeSelect style={{ width: 240 }} value={filters.areaCode} onChange={(v) => update({ areaCode: v })} placeholder="区域（默认本级）" />
          <span>新识别年度</span>
          <InputNumber min={2013} max={2100} precision={0} value={year} onChange={(v) => update({ year: v ?? null })} />
          {hasPermission(user, 'monitoring_case:export') && (
            <Button icon={<DownloadOutlined />} href={`/api/monitoring-figures/export${toQueryString({ areaCode: filters.areaCode, year })}`}>导出 Excel</Button>
          )}
        </Space>
        {f.isError && <QueryError error={f.error} onRetry={() => f.refetch()} />}
        <Row gutter={[16, 16]}>
          <Col xs={12} md={4}><Statistic title="监测户（户）" value={t?.monitoredHouseholds ?? 0} loading={f.isPending} /></Col>
          <Col xs={12} md={4}><Statistic title="监测人口（人）" value={t?.monitoredPersons ?? 0} loading={f.isPending} /></Col>
          <Col xs={12} md={4}><Statistic title={`${year}年新识别（户）`} value={t?.newThisYearHouseholds ?? 0} loading={f.isPending} /></Col>
          <Col xs={12} md={4}><Statistic title="风险消除率" value={pct(t?.eliminationRate ?? null)} loading={f.isPending} /></Col>
          <Col xs={12} md={4}><Statistic title="帮扶措施落实率" value={pct(t?.implementationRate ?? null)} loading={f.isPending} /></Col>
          <Col xs={12} md={4}><Statistic title="户均享受政策数" value={t?.policiesPerHousehold ?? '—'} loading={f.isPending} /></Col>
          <Col xs={12} md={4}><Statistic title="识别逾期（件）" value={t?.overdueCases ?? 0} valueStyle={{ color: t?.overdueCases ? '#cf1322' : undefined }} loading={f.isPending} /></Col>
          <Col xs={12} md={4}><Statistic title="月度任务逾期（项）" value={t?.overdueTasks ?? 0} valueStyle={{ color: t?.overdueTasks ? '#cf1322' : undefined }} loading={f.isPending} /></Col>
        </Row>
      </Card>
      {option && d!.items.length > 0 && (
        <Card title="监测户类别分布">
          <EChart option={option} height={320} ariaLabel="各区域监测户类别分布柱状图" />
        </Card>
      )}
      <Card title="分区域明细">
        <Table<FigureRow>
          rowKey="code"
          size="small"
          scroll={{ x: 1300 }}
          loading={f.isFetching}
          dataSource={d?.items}
          pagination={false}
          locale={{ emptyText: '本区域没有监测户' }}
          columns={[
            { title: '区域', dataIndex: 'name', fixed: 'left', render: (v: string, r) => (r.code.length < 12 ? <a onClick={() => update({ areaCode: r.code })}>{v}</a> : v) },
            { title: '脱贫不稳定户', children: [{ title: '户', dataIndex: 'unstableHouseholds' }, { title: '人', dataIndex: 'unstablePersons' }] },
            { title: '边缘易致贫户', children: [{ title: '户', dataIndex: 'marginalHouseholds' }, { title: '人', dataIndex: 'marginalPersons' }] },
            { title: '突发严重困难户', children: [{ title: '户', dataIndex: 'suddenHouseholds' }, { title: '人', dataIndex: 'suddenPersons' }] },
            { title: '未消除（户）', dataIndex: 'underMonitoringHouseholds' },
            { title: '已消除（户）', dataIndex: 'eliminatedHouseholds' },
            { title: '新识别（户）', dataIndex: 'newThisYearHouseholds' },
            { title: '风险消除率', dataIndex: 'eliminationRate', render: pct },
            { title: '措施落实率', dataIndex: 'implementationRate', render: pct },
            { title: '户均政策数', dataIndex: 'policiesPerHousehold', render: (v: number | null) => v ?? '—' },
            { title: '识别逾期', dataIndex: 'overdueCases' },
            { title: '任务逾期', dataIndex: 'overdueTasks' },
          ]}
        />
      </Card>
    </Space>
  );
}
