import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { SearchBox } from '../../../components/SearchBox';
import { tablePagination } from '../../../components/table/tablePagination';
import { useUrlQuery } from '../../../lib/useUrlQuery';
import { MonthPicker } from '../shared/MonthPicker';
import { useDepartmentUser } from '../shared/useDepartmentUser';
import { useMarkPolicyRead, usePolicies } from './api';
import { POLICY_LEVEL_OPTIONS } from './labels';
import { PolicyDetails } from './PolicyDetails';
import { PolicyFormModal } from './PolicyFormModal';
import { PolicyReceiptsModal } from './PolicyReceiptsModal';
import type { Policy } from './types';
import { usePolicyColumns } from './usePolicyColumns';

const FILTER_KEYS = ['tab', 'level', 'tag', 'q', 'month'] as const;

/** 政策库: filters in the URL, the table, and the office's / departments' actions. */
export function PolicyLibrary() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const department = useDepartmentUser();
  const { filters, page, pageSize, update } = useUrlQuery(FILTER_KEYS);
  const policies = usePolicies({ level: filters.level, tag: filters.tag, q: filters.q, month: filters.month, page, pageSize });
  const markRead = useMarkPolicyRead();
  const [editing, setEditing] = useState<'new' | Policy | null>(null);
  const [receiptsOf, setReceiptsOf] = useState<Policy | null>(null);
  const manage = can('policy_doc:manage');

  const columns = usePolicyColumns({
    manage,
    department: !!department,
    marking: markRead.isPending ? (markRead.variables ?? null) : null,
    onEdit: setEditing,
    onReceipts: setReceiptsOf,
    onMarkRead: (p) => markRead.mutate(p.id, { onSuccess: () => void message.success('已登记本部门已阅'), onError: (e) => void message.error(errorMessage(e)) }),
    onTag: (tag) => update({ tag }),
  });

  return (
    <>
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select placeholder="政策层级" allowClear style={{ width: 120 }} value={filters.level} options={POLICY_LEVEL_OPTIONS} onChange={(level) => update({ level })} />
          <SearchBox placeholder="标签" width={180} value={filters.tag} onSearch={(tag) => update({ tag })} />
          <SearchBox placeholder="标题 / 摘要 / 发文机关 / 文号" width={300} value={filters.q} onSearch={(q) => update({ q })} />
          <MonthPicker allowClear placeholder="入库月份" value={filters.month} onChange={(month) => update({ month })} />
          <Button onClick={() => update({ level: null, tag: null, q: null, month: null })}>重置</Button>
        </Space>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="policy-new">
            新增政策
          </Button>
        )}
      </Flex>
      {policies.isError && <QueryError error={policies.error} onRetry={() => policies.refetch()} />}
      <Table<Policy>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={policies.data?.items}
        loading={policies.isFetching}
        scroll={{ x: 1100 }}
        expandable={{ expandedRowRender: (p) => <PolicyDetails policy={p} /> }}
        pagination={tablePagination(page, pageSize, policies.data?.total, (p, ps) => update({ page: p, pageSize: ps }))}
        data-testid="policy-table"
      />
      {manage && <PolicyFormModal target={editing} onClose={() => setEditing(null)} />}
      {manage && <PolicyReceiptsModal policy={receiptsOf} onClose={() => setReceiptsOf(null)} />}
    </>
  );
}
