/** 核查暗访: monthly verification rounds (seeded samples of self-checks and rectifications) and their findings. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { useUrlQuery } from '../../../lib/useUrlQuery';
import { monthLabel } from '../shared/months';
import { PageTitle } from '../shared/PageTitle';
import { useRounds } from './api';
import { NewRoundModal } from './NewRoundModal';
import { RoundDetail } from './RoundDetail';
import type { RoundRow } from './types';

const KEYS = ['round'] as const;

const columns: ColumnsType<RoundRow> = [
  { title: '轮次', dataIndex: 'id', width: 70, render: (id: number) => `第${id}轮` },
  { title: '核查月份', dataIndex: 'month', width: 110, render: monthLabel },
  { title: '随机种子', dataIndex: 'seed', width: 170, render: (s: string) => <code>{s}</code> },
  { title: '样本数', dataIndex: 'sampleSize', width: 80 },
  { title: '已登记结果', dataIndex: 'findingCount', width: 100 },
  { title: '发起时间', dataIndex: 'createdAt', width: 170, render: formatDateTime },
  { title: '备注', dataIndex: 'note', ellipsis: true },
];

export default function VerificationPage() {
  const { can } = useAuth();
  const { filters, update } = useUrlQuery(KEYS);
  const rounds = useRounds();
  const [creating, setCreating] = useState(false);
  const selected = Number(filters.round) > 0 ? Number(filters.round) : rounds.data?.[0]?.id;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <PageTitle
          title="核查暗访"
          extra={
            can('verification:manage') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="verification-new">
                发起核查
              </Button>
            )
          }
        />
        {rounds.isError && <QueryError error={rounds.error} onRetry={() => rounds.refetch()} />}
        <Table<RoundRow>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rounds.data}
          loading={rounds.isFetching}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          locale={{ emptyText: '暂无核查轮次' }}
          rowSelection={{ type: 'radio', selectedRowKeys: selected ? [selected] : [], onChange: (keys) => update({ round: Number(keys[0]) }) }}
          onRow={(r) => ({ style: { cursor: 'pointer' }, onClick: () => update({ round: r.id }) })}
        />
      </Card>
      {selected ? <RoundDetail key={selected} id={selected} /> : rounds.data && <Card><Empty description="选择或发起一轮核查" /></Card>}
      <NewRoundModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => update({ round: id })} />
    </Space>
  );
}
