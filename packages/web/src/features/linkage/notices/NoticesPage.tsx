/** 季度通报: notices drawn from published rankings; department users see the delivered ones and their receipt. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { useUrlQuery } from '../../../lib/useUrlQuery';
import { PageTitle } from '../shared/PageTitle';
import { rankingTitle } from '../rankings/RankingListTab';
import { YearSelect } from '../shared/YearSelect';
import { useNotices } from './api';
import { CreateNoticeModal } from './CreateNoticeModal';
import { NoticeStatusTag } from './noticeLabels';
import type { NoticeRow } from './types';
import { useDepartmentUser } from '../shared/useDepartmentUser';

const KEYS = ['year'] as const;

export default function NoticesPage() {
  const { can } = useAuth();
  const { filters, update } = useUrlQuery(KEYS);
  const year = filters.year ? Number(filters.year) : undefined;
  const notices = useNotices(year);
  const [creating, setCreating] = useState(false);
  const isDepartment = useDepartmentUser() !== null;

  const columns: ColumnsType<NoticeRow> = [
    { title: '标题', dataIndex: 'title', render: (t: string, r) => <Link to={`/linkage/notices/${r.id}`}>{t}</Link> },
    { title: '季度', key: 'quarter', width: 150, render: (_, r) => rankingTitle(r) },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: NoticeRow['status']) => <NoticeStatusTag status={s} /> },
    {
      title: '连续落后部门',
      dataIndex: 'lagging',
      width: 120,
      render: (l: string[]) => (l.length ? <Tag color="red">{l.length} 个</Tag> : '无'),
    },
    isDepartment
      ? {
          title: '本部门签收',
          dataIndex: 'readAt',
          width: 180,
          render: (v: string | null) => (v ? <Tag color="green">已阅 {formatDateTime(v)}</Tag> : <Tag color="orange">未阅</Tag>),
        }
      : {
          title: '签收情况',
          key: 'receipts',
          width: 110,
          render: (_, r) => (Number(r.receiptCount) ? `${r.readCount}/${r.receiptCount} 已阅` : '—'),
        },
    { title: '生成时间', dataIndex: 'createdAt', width: 170, render: formatDateTime },
    { title: '送达时间', dataIndex: 'approvedAt', width: 170, render: formatDateTime },
  ];

  return (
    <Card>
      <PageTitle
        title="季度通报"
        extra={
          can('notice:manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="notice-create">
              生成通报
            </Button>
          )
        }
      />
      <Flex style={{ marginBottom: 12 }}>
        <YearSelect value={year} onChange={(y) => update({ year: y })} allowClear />
      </Flex>
      {notices.isError && <QueryError error={notices.error} onRetry={() => notices.refetch()} />}
      <Table<NoticeRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={notices.data}
        loading={notices.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 份` }}
        scroll={{ x: 1000 }}
        locale={{ emptyText: isDepartment ? '暂无送达本部门的通报' : '暂无通报' }}
      />
      {can('notice:manage') && <CreateNoticeModal open={creating} onClose={() => setCreating(false)} />}
    </Card>
  );
}
