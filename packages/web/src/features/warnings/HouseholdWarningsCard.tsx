/** Household page card: 预警线索 about this household, with their state and links. */
import { Card, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { hasPermission } from '../../app/permissions';
import { QueryError } from '../../components/QueryError';
import { useWarnings } from './api';
import { DeadlineTag, StateTag } from './labels';

export function HouseholdWarningsCard({ householdId }: { householdId: number }) {
  const { user } = useAuth();
  const allowed = hasPermission(user, 'warning:read');
  const q = useWarnings({ householdId, page: 1, pageSize: 50 }, allowed && householdId > 0);
  if (!allowed) return null;
  return (
    <Card title="预警线索" size="small" style={{ marginTop: 16 }} data-testid="household-warnings">
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      <Table
        rowKey="id"
        size="small"
        loading={q.isFetching}
        pagination={false}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: '该户没有预警线索' }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 70 },
          { title: '预警事项', key: 't', render: (_, r) => <Link to={`/warnings/${r.id}`}>{r.title}</Link> },
          { title: '来源', key: 's', width: 160, render: (_, r) => `${r.sourceLabel}${r.departmentName ? ` · ${r.departmentName}` : ''}` },
          { title: '推送日期', dataIndex: 'openedOn', width: 110 },
          { title: '状态', key: 'st', width: 120, render: (_, r) => <StateTag state={r.state} label={r.stateLabel} /> },
          { title: '核实时限', key: 'd', width: 170, render: (_, r) => <DeadlineTag d={r.deadline} open={!r.closedOn} /> },
          { title: '案件', key: 'c', width: 90, render: (_, r) => (r.caseId ? <Link to={`/cases/${r.caseId}`}>案件 {r.caseId}</Link> : '—') },
        ]}
      />
    </Card>
  );
}
