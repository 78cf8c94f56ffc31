import { Flex, Select, Statistic, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/QueryError';
import { formatDate, formatDateTime } from '../../../lib/format';
import { CLASS_ORDER, DepartmentClassTag, classLabel } from '../shared/DepartmentClassTag';
import type { DepartmentClass, SelfCheckOverviewStatus } from '../shared/linkageDomain';
import { useSelfCheckOverview } from './api';
import { OVERVIEW_STATUS_COLORS, OVERVIEW_STATUS_ORDER, overviewStatusLabel } from './labels';
import type { Overview, OverviewItem } from './types';

const TOTAL_KEYS: Record<SelfCheckOverviewStatus, keyof Overview['totals']> = {
  on_time: 'onTime',
  late: 'late',
  draft: 'draft',
  missing: 'missing',
  not_due: 'notDue',
};

const columns: ColumnsType<OverviewItem> = [
  {
    title: '部门',
    dataIndex: 'departmentName',
    width: 170,
    render: (v: string, r) => (r.selfCheckId ? <Link to={`/linkage/self-checks/${r.selfCheckId}`}>{v}</Link> : v),
  },
  { title: '类别', dataIndex: 'departmentClass', width: 130, render: (c: DepartmentClass) => <DepartmentClassTag cls={c} /> },
  {
    title: '报送情况',
    dataIndex: 'status',
    width: 140,
    render: (s: SelfCheckOverviewStatus, r) => <Tag color={OVERVIEW_STATUS_COLORS[s]}>{r.statusLabel}</Tag>,
  },
  { title: '报送期限', dataIndex: 'dueDate', width: 120, render: formatDate },
  { title: '提交时间', dataIndex: 'submittedAt', width: 180, render: formatDateTime },
  { title: '问题数', dataIndex: 'problemCount', width: 80, align: 'right' },
  {
    title: '整改中',
    dataIndex: 'openRectifications',
    width: 80,
    align: 'right',
    render: (n: number) => (n > 0 ? <span style={{ color: '#d46b08' }}>{n}</span> : n),
  },
  { title: '长期整改', dataIndex: 'longTermRectifications', width: 90, align: 'right' },
  {
    title: '乡镇评分排名',
    dataIndex: 'townshipRanked',
    width: 120,
    render: (v: boolean | null) => (v === null ? '—' : v ? <Tag color="green">已报送</Tag> : <Tag color="red">未报送</Tag>),
  },
  {
    title: '操作',
    key: 'open',
    width: 90,
    render: (_, r) => (r.selfCheckId ? <Link to={`/linkage/self-checks/${r.selfCheckId}`}>查看报告</Link> : '—'),
  },
];

/** The office's view of a month: every department's filing status, problems and open rectifications. */
export function SelfCheckOverview({ month }: { month: string }) {
  const overview = useSelfCheckOverview(month);
  const [cls, setCls] = useState<DepartmentClass | undefined>();
  const [status, setStatus] = useState<SelfCheckOverviewStatus | undefined>();
  const items = (overview.data?.items ?? []).filter((i) => (!cls || i.departmentClass === cls) && (!status || i.status === status));

  return (
    <>
      {overview.isError && <QueryError error={overview.error} onRetry={() => overview.refetch()} />}
      <Flex gap={40} wrap style={{ marginBottom: 16 }}>
        <Statistic title="报送期限" value={overview.data ? formatDate(overview.data.dueDate) : '—'} />
        {OVERVIEW_STATUS_ORDER.map((s) => (
          <Statistic
            key={s}
            title={overviewStatusLabel(s)}
            value={overview.data?.totals[TOTAL_KEYS[s]] ?? '—'}
            styles={{ content: { color: s === 'missing' ? '#cf1322' : s === 'late' ? '#d46b08' : undefined } }}
          />
        ))}
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          placeholder="部门类别"
          allowClear
          style={{ width: 160 }}
          value={cls}
          onChange={setCls}
          options={CLASS_ORDER.map((c) => ({ value: c, label: classLabel(c) }))}
        />
        <Select
          placeholder="报送情况"
          allowClear
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={OVERVIEW_STATUS_ORDER.map((s) => ({ value: s, label: overviewStatusLabel(s) }))}
        />
      </Flex>
      <Table<OverviewItem>
        data-testid="self-check-overview"
        rowKey="departmentCode"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={overview.isFetching}
        scroll={{ x: 1200 }}
        pagination={false}
      />
    </>
  );
}
