/** 帮扶计划: the plans (with the labour-rule check), the households still waiting for a plan (逾期 first), and the figures. */
import { Badge, Card, Flex, Input, Select, Statistic, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { AreaTreeSelect } from '../../components/AreaTreeSelect';
import { QueryError } from '../../components/QueryError';
import { tablePagination } from '../../components/table/tablePagination';
import { useUrlQuery } from '../../lib/useUrlQuery';
import { useFigures, usePendingPlans, usePlans } from './api';
import { DeadlineTag, FindingTag, PLAN_STATUS, decimal, percent } from './labels';
import { PlanCreateButton } from './PlanCreateButton';
import type { PendingPlan, PlanSummary } from './types';

const KEYS = ['tab', 'area', 'q', 'finding', 'status'] as const;

export default function PlansPage() {
  const { can } = useAuth();
  const url = useUrlQuery(KEYS);
  const tab = url.filters.tab ?? 'plans';
  const pendingCount = usePendingPlans({ status: 'overdue', pageSize: 1 }, can('monitoring_case:read'));
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>帮扶计划</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => url.update({ tab: k === 'plans' ? null : k, status: null, finding: null })}
        items={[
          { key: 'plans', label: '帮扶计划', children: <PlanList url={url} /> },
          ...(can('monitoring_case:read') ? [{ key: 'pending', label: <Badge count={pendingCount.data?.overdue ?? 0} size="small" offset={[8, 0]}>待制定 / 逾期</Badge>, children: <PendingList url={url} /> }] : []),
          { key: 'figures', label: '户均享受政策数 · 落实率', children: <FiguresTab url={url} /> },
        ]}
      />
    </Card>
  );
}

type Url = ReturnType<typeof useUrlQuery<(typeof KEYS)[number]>>;

function PlanList({ url }: { url: Url }) {
  const { filters, page, pageSize, update } = url;
  const list = usePlans({ area: filters.area, q: filters.q, finding: filters.finding ?? 'all', page, pageSize });
  const columns: ColumnsType<PlanSummary> = [
    { title: '户主', key: 'head', render: (_, r) => <Link to={`/assistance/plans/${r.id}`}>{r.headName ?? '（未登记户主）'}</Link> },
    { title: '户编号', dataIndex: 'householdNo', width: 170 },
    { title: '乡镇 / 村', key: 'area', render: (_, r) => `${r.townshipName} ${r.villageName}` },
    { title: '帮扶责任人', dataIndex: 'helperName', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '制定日期', dataIndex: 'madeOn', width: 110 },
    { title: '措施（落实/计划）', key: 'measures', width: 130, render: (_, r) => `${r.implemented} / ${r.implemented + r.planned}` },
    { title: '开发式措施', key: 'finding', width: 130, render: (_, r) => <FindingTag finding={r.finding} /> },
    { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => PLAN_STATUS[v] ?? v },
  ];
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <AreaTreeSelect style={{ width: 220 }} value={filters.area} onChange={(v) => update({ area: v })} placeholder="乡镇 / 村" />
        <Select style={{ width: 200 }} value={filters.finding ?? 'all'} onChange={(v) => update({ finding: v === 'all' ? null : v })}
          options={[{ value: 'all', label: '全部计划' }, { value: 'labour_problem', label: '有劳动力但缺开发式措施' }]} />
        <Input.Search allowClear placeholder="户主、户编号或帮扶责任人" style={{ width: 240 }} defaultValue={filters.q} onSearch={(v) => update({ q: v.trim() || null })} />
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<PlanSummary> rowKey="id" size="middle" scroll={{ x: 960 }} loading={list.isFetching} columns={columns} dataSource={list.data?.items}
        locale={{ emptyText: '没有符合条件的帮扶计划' }}
        pagination={tablePagination(page, pageSize, list.data?.total, (p, s) => update({ page: p, pageSize: s }))} />
    </>
  );
}

function PendingList({ url }: { url: Url }) {
  const { can } = useAuth();
  const { filters, page, pageSize, update } = url;
  const list = usePendingPlans({ area: filters.area, status: filters.status ?? 'all', page, pageSize });
  const columns: ColumnsType<PendingPlan> = [
    { title: '户主', key: 'head', render: (_, r) => <Link to={`/households/${r.householdId}`}>{r.headName ?? '（未登记户主）'}</Link> },
    { title: '乡镇 / 村', key: 'area', render: (_, r) => `${r.townshipName} ${r.villageName}` },
    { title: '帮扶责任人', dataIndex: 'helperName', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '县级审批', dataIndex: 'approvedOn', width: 110, render: (v: string, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link> },
    { title: '时限', key: 'deadline', render: (_, r) => <Flex vertical gap={2}><span><DeadlineTag status={r.status} /></span><Typography.Text type="secondary">{r.text}</Typography.Text></Flex> },
    ...(can('help_plan:manage') ? [{ title: '操作', key: 'op', width: 140, render: (_: unknown, r: PendingPlan) => <PlanCreateButton householdId={r.householdId} buttonProps={{ size: 'small' }} /> }] : []),
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">县级审批纳入监测后，须在规定时限（默认10天）内制定帮扶计划。</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <AreaTreeSelect style={{ width: 220 }} value={filters.area} onChange={(v) => update({ area: v })} placeholder="乡镇 / 村" />
        <Select style={{ width: 160 }} value={filters.status ?? 'all'} onChange={(v) => update({ status: v === 'all' ? null : v })}
          options={[{ value: 'all', label: '全部待制定' }, { value: 'overdue', label: '已逾期' }, { value: 'due_soon', label: '即将到期' }, { value: 'on_time', label: '未到期' }]} />
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<PendingPlan> rowKey="householdId" size="middle" scroll={{ x: 860 }} loading={list.isFetching} columns={columns} dataSource={list.data?.items}
        locale={{ emptyText: '没有待制定帮扶计划的监测户' }}
        pagination={tablePagination(page, pageSize, list.data?.total, (p, s) => update({ page: p, pageSize: s }))} />
    </>
  );
}

function FiguresTab({ url }: { url: Url }) {
  const { filters, update } = url;
  const q = useFigures(filters.area);
  const d = q.data;
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }} align="center">
        <AreaTreeSelect style={{ width: 220 }} levels={['county', 'township', 'village']} value={filters.area} onChange={(v) => update({ area: v })} placeholder="全部管辖区域" />
        <Typography.Text type="secondary">户均享受政策数 = 已落实措施数 ÷ 监测户数；帮扶措施落实率 = 已落实 ÷（已落实 + 计划中），不含已取消。</Typography.Text>
      </Flex>
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {d && (
        <Flex gap={32} wrap style={{ marginBottom: 16 }}>
          <Statistic title={`${d.area.name} 监测户`} value={d.total.households} suffix="户" />
          <Statistic title="已落实措施" value={d.total.implemented} suffix="项" />
          <Statistic title="户均享受政策数" value={decimal(d.total.policiesPerHousehold)} />
          <Statistic title="帮扶措施落实率" value={percent(d.total.implementationRate)} />
        </Flex>
      )}
      <Table
        rowKey="code"
        size="middle"
        loading={q.isFetching}
        dataSource={d?.rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: '该区域暂无监测户' }}
        columns={[
          { title: d && d.area.code.length === 12 ? '农户' : '区域', dataIndex: 'name', render: (v: string, r) => (r.code.length === 9 || (r.code.length === 12 && d?.area.code.length !== 12)) ? <a onClick={() => update({ area: r.code })}>{v}</a> : d?.area.code.length === 12 ? <Link to={`/households/${r.code}`}>{v}</Link> : v },
          { title: '监测户', dataIndex: 'households', width: 90 },
          { title: '已落实', dataIndex: 'implemented', width: 90 },
          { title: '计划中', dataIndex: 'planned', width: 90 },
          { title: '已取消', dataIndex: 'cancelled', width: 90 },
          { title: '户均享受政策数', dataIndex: 'policiesPerHousehold', width: 140, render: (v: number | null) => decimal(v) },
          { title: '落实率', dataIndex: 'implementationRate', width: 100, render: (v: number | null) => percent(v) },
        ]}
      />
    </>
  );
}
