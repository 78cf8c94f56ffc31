import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { tablePagination } from '../../../components/table/tablePagination';
import { formatDate } from '../../../lib/format';
import { useUrlQuery } from '../../../lib/useUrlQuery';
import { useCoopCases } from './api';
import { CoopCaseCreateModal } from './CoopCaseCreateModal';
import { CASE_KIND_COLORS, CASE_KIND_OPTIONS, CASE_STATUS_LABELS, CASE_STATUS_OPTIONS } from './labels';
import type { CoopCaseListItem } from './types';

const FILTER_KEYS = ['tab', 'kind', 'status'] as const;

const columns: ColumnsType<CoopCaseListItem> = [
  { title: '类型', dataIndex: 'kind', width: 100, render: (k: CoopCaseListItem['kind'], r) => <Tag color={CASE_KIND_COLORS[k]}>{r.kindLabel}</Tag> },
  { title: '事项标题', dataIndex: 'title', width: 280, render: (t: string, r) => <Link to={`/linkage/coop-cases/${r.id}`}>{t}</Link> },
  { title: '立案日期', dataIndex: 'openedOn', width: 110, render: formatDate },
  {
    title: '状态',
    dataIndex: 'status',
    width: 90,
    render: (s: CoopCaseListItem['status']) => <Tag color={s === 'open' ? 'orange' : 'green'}>{CASE_STATUS_LABELS[s]}</Tag>,
  },
  { title: '任务进度', key: 'progress', width: 110, render: (_, r) => `${r.taskCount - r.openTaskCount}/${r.taskCount} 已办结` },
  {
    title: '逾期任务',
    dataIndex: 'overdueTaskCount',
    width: 90,
    align: 'right',
    render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0),
  },
  { title: '责任部门', dataIndex: 'departments', width: 260, render: (d: string[]) => d.join('、') },
  { title: '办结日期', dataIndex: 'closedOn', width: 110, render: formatDate },
];

/** 协同处置事项 with kind / status filters; the office opens new cases. */
export function CoopCaseList() {
  const { can } = useAuth();
  const { filters, page, pageSize, update } = useUrlQuery(FILTER_KEYS);
  const cases = useCoopCases({ kind: filters.kind, status: filters.status, page, pageSize });
  const [creating, setCreating] = useState(false);

  return (
    <>
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select placeholder="事项类型" allowClear style={{ width: 140 }} value={filters.kind} options={CASE_KIND_OPTIONS} onChange={(kind) => update({ kind })} />
          <Select placeholder="状态" allowClear style={{ width: 120 }} value={filters.status} options={CASE_STATUS_OPTIONS} onChange={(status) => update({ status })} />
        </Space>
        {can('coop_case:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="coop-case-new">
            新建事项
          </Button>
        )}
      </Flex>
      {cases.isError && <QueryError error={cases.error} onRetry={() => cases.refetch()} />}
      <Table<CoopCaseListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={cases.data?.items}
        loading={cases.isFetching}
        scroll={{ x: 1150 }}
        pagination={tablePagination(page, pageSize, cases.data?.total, (p, ps) => update({ page: p, pageSize: ps }))}
        data-testid="coop-case-table"
      />
      {can('coop_case:manage') && <CoopCaseCreateModal open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
