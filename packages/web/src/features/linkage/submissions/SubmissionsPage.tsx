/** 资料报送: the office asks departments for material by a due date; departments submit their own. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { formatDate, formatDateTime, orDash } from '../../../lib/format';
import { useUrlQuery } from '../../../lib/useUrlQuery';
import { PageTitle } from '../shared/PageTitle';
import { YearSelect } from '../shared/YearSelect';
import { useSubmissionRequests } from './api';
import { NewSubmissionRequestModal } from './NewSubmissionRequestModal';
import { submissionState, SubmissionStateTag } from './submissionState';
import type { Submission, SubmissionRequest } from './types';
import { SubmitModal } from './SubmitModal';
import { useDepartmentUser } from '../shared/useDepartmentUser';

const KEYS = ['year'] as const;

function DepartmentsTable({ request }: { request: SubmissionRequest }) {
  return (
    <Table<Submission>
      rowKey="departmentCode"
      size="small"
      pagination={false}
      dataSource={request.submissions}
      columns={[
        { title: '部门', dataIndex: 'departmentName', width: 180 },
        { title: '报送情况', key: 'state', width: 110, render: (_, s) => <SubmissionStateTag state={submissionState(s, request.dueDate)} /> },
        { title: '报送日期', dataIndex: 'submittedOn', width: 120, render: formatDate },
        { title: '报送时间', dataIndex: 'submittedAt', width: 180, render: formatDateTime },
        { title: '报送说明', dataIndex: 'note', render: orDash },
      ]}
    />
  );
}

function counts(r: SubmissionRequest) {
  const states = r.submissions.map((s) => submissionState(s, r.dueDate));
  const n = (k: string) => states.filter((s) => s === k).length;
  return { onTime: n('on_time'), late: n('late'), missing: n('missing'), pending: n('pending') };
}

export default function SubmissionsPage() {
  const { can } = useAuth();
  const { filters, update } = useUrlQuery(KEYS);
  const year = filters.year ? Number(filters.year) : undefined;
  const requests = useSubmissionRequests(year);
  const [creating, setCreating] = useState(false);
  const [submitting, setSubmitting] = useState<SubmissionRequest | null>(null);
  const isDepartment = useDepartmentUser() !== null;
  const maySubmit = can('self_check:submit');

  const columns: ColumnsType<SubmissionRequest> = [
    {
      title: '报送事项',
      dataIndex: 'title',
      render: (t: string, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{t}</Typography.Text>
          {r.description && <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420 }}>{r.description}</Typography.Text>}
        </Space>
      ),
    },
    { title: '截止日期', dataIndex: 'dueDate', width: 120, render: formatDate },
    ...(isDepartment
      ? [
          {
            title: '本部门报送',
            key: 'own',
            width: 240,
            render: (_: unknown, r: SubmissionRequest) => {
              const own = r.submissions[0];
              if (!own) return '—';
              return (
                <Space>
                  <SubmissionStateTag state={submissionState(own, r.dueDate)} />
                  {own.submittedOn && <span>{formatDate(own.submittedOn)}</span>}
                  {maySubmit && own.status === 'pending' && (
                    <Button type="primary" size="small" onClick={() => setSubmitting(r)} data-testid="submission-open">
                      报送
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]
      : [
          { title: '报送部门', key: 'total', width: 90, render: (_: unknown, r: SubmissionRequest) => r.submissions.length },
          {
            title: '报送情况',
            key: 'counts',
            width: 320,
            render: (_: unknown, r: SubmissionRequest) => {
              const c = counts(r);
              return (
                <Space size={4} wrap>
                  <Tag color="green">按时 {c.onTime}</Tag>
                  <Tag color="orange">逾期 {c.late}</Tag>
                  <Tag color="red">未报送 {c.missing}</Tag>
                  <Tag>待报送 {c.pending}</Tag>
                </Space>
              );
            },
          },
        ]),
    { title: '发起时间', dataIndex: 'createdAt', width: 170, render: formatDateTime },
  ];

  return (
    <Card>
      <PageTitle
        title="资料报送"
        extra={
          can('score:manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="submission-request-new">
              发起报送
            </Button>
          )
        }
      />
      <Flex style={{ marginBottom: 12 }}>
        <YearSelect value={year} onChange={(y) => update({ year: y })} allowClear />
      </Flex>
      {requests.isError && <QueryError error={requests.error} onRetry={() => requests.refetch()} />}
      <Table<SubmissionRequest>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={requests.data}
        loading={requests.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }}
        scroll={{ x: 1000 }}
        expandable={isDepartment ? undefined : { expandedRowRender: (r) => <DepartmentsTable request={r} /> }}
        locale={{ emptyText: '暂无资料报送事项' }}
        data-testid="submissions-table"
      />
      {can('score:manage') && <NewSubmissionRequestModal open={creating} onClose={() => setCreating(false)} />}
      {maySubmit && <SubmitModal request={submitting} onClose={() => setSubmitting(null)} />}
    </Card>
  );
}
