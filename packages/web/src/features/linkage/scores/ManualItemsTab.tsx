/** 手工评分项: the office records items with evidence; the county leader approves or rejects the pending ones. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { formatDate, orDash } from '../../../lib/format';
import { useUrlQuery } from '../../../lib/useUrlQuery';
import { formatPoints, pointsColor } from '../shared/scoreFormat';
import type { Quarter } from '../shared/scoringDomain';
import { useManualItems } from './api';
import { ManualDecisionModal } from './ManualDecisionModal';
import { MANUAL_STATUS_COLORS, MANUAL_STATUS_LABELS } from './manualItemLabels';
import { ManualItemModal } from './ManualItemModal';
import type { ManualItem, ManualItemStatus } from './types';

const KEYS = ['status'] as const;
const STATUSES: ManualItemStatus[] = ['pending', 'approved', 'rejected'];

export function ManualItemsTab({ quarter }: { quarter: Quarter }) {
  const { can } = useAuth();
  const { filters, update } = useUrlQuery(KEYS);
  const status = STATUSES.find((s) => s === filters.status);
  const items = useManualItems(quarter, status);
  const [creating, setCreating] = useState(false);
  const [deciding, setDeciding] = useState<{ item: ManualItem; decision: 'approve' | 'reject' } | null>(null);
  const mayApprove = can('score:approve');

  const columns: ColumnsType<ManualItem> = [
    { title: '部门', dataIndex: 'departmentName', width: 150 },
    { title: '评分项目', dataIndex: 'itemLabel', width: 240, render: (v: string | null, r) => v ?? r.itemCode },
    { title: '数量', dataIndex: 'count', width: 70 },
    {
      title: '分值',
      dataIndex: 'points',
      width: 80,
      render: (p: number | null) => (p === null ? '—' : <span style={{ color: pointsColor(p) }}>{formatPoints(p)}</span>),
    },
    { title: '发生日期', dataIndex: 'occurredOn', width: 110, render: formatDate },
    {
      title: '佐证材料',
      dataIndex: 'evidence',
      render: (v: string) => <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>{v}</Typography.Paragraph>,
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (s: ManualItemStatus) => <Tag color={MANUAL_STATUS_COLORS[s]}>{MANUAL_STATUS_LABELS[s] ?? s}</Tag>,
    },
    { title: '审核意见', dataIndex: 'decisionNote', width: 160, render: orDash },
    ...(mayApprove
      ? [
          {
            title: '审核',
            key: 'decide',
            width: 130,
            render: (_: unknown, r: ManualItem) =>
              r.status === 'pending' && (
                <Space size={0}>
                  <Button type="link" size="small" data-testid="manual-approve" onClick={() => setDeciding({ item: r, decision: 'approve' })}>
                    通过
                  </Button>
                  <Button type="link" size="small" danger data-testid="manual-reject" onClick={() => setDeciding({ item: r, decision: 'reject' })}>
                    退回
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          placeholder="审核状态"
          allowClear
          style={{ width: 160 }}
          value={status}
          options={STATUSES.map((s) => ({ value: s, label: MANUAL_STATUS_LABELS[s] }))}
          onChange={(s) => update({ status: s })}
        />
        {can('score:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="manual-item-new">
            录入评分项
          </Button>
        )}
      </Flex>
      {items.isError && <QueryError error={items.error} onRetry={() => items.refetch()} />}
      <Table<ManualItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items.data}
        loading={items.isFetching}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 条`, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
        locale={{ emptyText: '本季度没有手工评分项' }}
      />
      <ManualItemModal open={creating} quarter={quarter} onClose={() => setCreating(false)} />
      <ManualDecisionModal value={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}
