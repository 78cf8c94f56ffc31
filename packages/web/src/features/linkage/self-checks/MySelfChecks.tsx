import { FileAddOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { QueryError } from '../../../components/QueryError';
import { formatDate, formatDateTime } from '../../../lib/format';
import { monthLabel } from '../shared/months';
import { useCreateSelfCheck, useSelfChecks } from './api';
import { SelfCheckStatusTags } from './SelfCheckStatusTags';
import type { SelfCheck } from './types';

const columns: ColumnsType<SelfCheck> = [
  { title: '月份', dataIndex: 'month', width: 120, render: (m: string, r) => <Link to={`/linkage/self-checks/${r.id}`}>{monthLabel(m)}</Link> },
  { title: '状态', key: 'status', width: 240, render: (_, r) => <SelfCheckStatusTags report={r} /> },
  { title: '报送期限', dataIndex: 'dueDate', width: 120, render: formatDate },
  { title: '提交时间', dataIndex: 'submittedAt', width: 180, render: formatDateTime },
  { title: '问题数', dataIndex: 'problemCount', width: 90 },
  { title: '整改中', dataIndex: 'openRectifications', width: 90 },
  { title: '长期整改', dataIndex: 'longTermRectifications', width: 90 },
  { title: '操作', key: 'open', width: 90, render: (_, r) => <Link to={`/linkage/self-checks/${r.id}`}>打开</Link> },
];

/** A department user's own reports, and the report (or 新建自查) of the picked month. */
export function MySelfChecks({ month }: { month: string }) {
  const navigate = useNavigate();
  const reports = useSelfChecks({});
  const create = useCreateSelfCheck();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [month]);

  const current = reports.data?.find((r) => r.month === month);
  const onCreate = () => {
    setError(null);
    create.mutate({ month }, { onSuccess: (d) => navigate(`/linkage/self-checks/${d.selfCheck.id}`), onError: (e) => setError(errorMessage(e)) });
  };

  return (
    <>
      {reports.isError && <QueryError error={reports.error} onRetry={() => reports.refetch()} />}
      <Flex align="center" gap={16} wrap style={{ marginBottom: 16, padding: 16, background: '#fafafa', borderRadius: 8 }}>
        <Typography.Text strong>{monthLabel(month)}自查报告：</Typography.Text>
        {current ? (
          <>
            <SelfCheckStatusTags report={current} />
            <Button type="primary" onClick={() => navigate(`/linkage/self-checks/${current.id}`)}>
              打开报告
            </Button>
          </>
        ) : (
          <>
            <Typography.Text type="secondary">尚未填报</Typography.Text>
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              loading={create.isPending}
              disabled={reports.isPending}
              onClick={onCreate}
              data-testid="self-check-new"
            >
              新建自查
            </Button>
          </>
        )}
      </Flex>
      {error && <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} style={{ marginBottom: 16 }} data-testid="self-check-new-error" />}
      <Typography.Title level={5}>本部门自查报告</Typography.Title>
      <Table<SelfCheck>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={reports.data}
        loading={reports.isFetching}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
      />
    </>
  );
}
