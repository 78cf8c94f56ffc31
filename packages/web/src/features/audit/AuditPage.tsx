import { Card, Col, Row, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { JsonBlock } from '../../components/JsonBlock';
import { QueryError } from '../../components/QueryError';
import { tablePagination } from '../../components/table/tablePagination';
import { formatDateTime, orDash } from '../../lib/format';
import { useUrlQuery } from '../../lib/useUrlQuery';
import { useRoleLabel } from '../reference/useCodes';
import { useAuditLog } from './api';
import { AuditFilters } from './AuditFilters';
import { actionLabel, entityLabel } from './auditLabels';
import type { AuditRow } from './types';

const FILTER_KEYS = ['username', 'action', 'entityType', 'entityId', 'from', 'to'] as const;

function BeforeAfter({ row }: { row: AuditRow }) {
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Typography.Text strong>变更前</Typography.Text>
        <JsonBlock value={row.before} />
      </Col>
      <Col span={12}>
        <Typography.Text strong>变更后</Typography.Text>
        <JsonBlock value={row.after} />
      </Col>
    </Row>
  );
}

export default function AuditPage() {
  const { filters, page, pageSize, update, reset } = useUrlQuery(FILTER_KEYS);
  const log = useAuditLog({ ...filters, page, pageSize });
  const roleLabel = useRoleLabel();

  const columns: ColumnsType<AuditRow> = [
    { title: '时间', dataIndex: 'at', width: 170, render: formatDateTime },
    { title: '用户名', dataIndex: 'username', width: 120, render: orDash },
    { title: '角色', dataIndex: 'role', width: 180, render: (v: string | null) => (v ? roleLabel(v) : '—') },
    {
      title: '操作',
      dataIndex: 'action',
      width: 170,
      render: (v: string) => <Tag color={v.endsWith('reveal') || v.endsWith('failed') || v.endsWith('locked') ? 'orange' : undefined}>{actionLabel(v)}</Tag>,
    },
    { title: '对象类型', dataIndex: 'entityType', width: 100, render: entityLabel },
    { title: '对象编号', dataIndex: 'entityId', width: 110, render: orDash },
    { title: 'IP', dataIndex: 'clientIp', render: orDash },
  ];

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        审计日志
      </Typography.Title>
      <AuditFilters filters={filters} onChange={update} onReset={reset} />
      {log.isError && <QueryError error={log.error} onRetry={() => log.refetch()} />}
      <Table<AuditRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={log.data?.items}
        loading={log.isFetching}
        scroll={{ x: 1000 }}
        expandable={{
          expandedRowRender: (row) => <BeforeAfter row={row} />,
          rowExpandable: (row) => row.before != null || row.after != null,
        }}
        pagination={tablePagination(page, pageSize, log.data?.total, (p, ps) => update({ page: p, pageSize: ps }))}
      />
    </Card>
  );
}
