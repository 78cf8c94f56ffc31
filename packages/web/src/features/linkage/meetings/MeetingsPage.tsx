import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { formatDate } from '../../../lib/format';
import { useUrlQuery } from '../../../lib/useUrlQuery';
import { PageTitle } from '../shared/PageTitle';
import { useDepartmentUser } from '../shared/useDepartmentUser';
import { YearSelect } from '../shared/YearSelect';
import { useMeetings } from './api';
import { ATTENDANCE_COLORS, MEETING_KIND_COLORS } from './labels';
import { MeetingFormModal } from './MeetingFormModal';
import type { MeetingListItem } from './types';
import { serverNow } from '../../../lib/today';

const KEYS = ['year'] as const;

/** 例会小结: the office's monthly meetings of a year, newest first. */
export default function MeetingsPage() {
  const { can } = useAuth();
  const { filters, update } = useUrlQuery(KEYS);
  const year = Number(filters.year) || serverNow().year();
  const meetings = useMeetings(year);
  const [creating, setCreating] = useState(false);
  const isDepartment = !!useDepartmentUser();

  const columns: ColumnsType<MeetingListItem> = [
    { title: '会议日期', dataIndex: 'heldOn', width: 120, render: formatDate },
    { title: '形式', dataIndex: 'kind', width: 90, render: (k: MeetingListItem['kind'], r) => <Tag color={MEETING_KIND_COLORS[k]}>{r.kindLabel}</Tag> },
    { title: '会议名称', dataIndex: 'title', render: (t: string, r) => <Link to={`/linkage/meetings/${r.id}`}>{t}</Link> },
    ...(isDepartment
      ? [{
          title: '本部门参会',
          key: 'mine',
          width: 130,
          render: (_: unknown, r: MeetingListItem) => (r.myAttendance ? <Tag color={ATTENDANCE_COLORS[r.myAttendance.status]}>{r.myAttendance.statusLabel}</Tag> : '—'),
        }]
      : [
          { title: '缺席', dataIndex: 'absentCount', width: 70, align: 'right' as const },
          { title: '未按要求参会', dataIndex: 'improperCount', width: 120, align: 'right' as const },
          { title: '请假', dataIndex: 'excusedCount', width: 70, align: 'right' as const },
        ]),
    {
      title: '会议任务',
      key: 'tasks',
      width: 130,
      render: (_, r) => (r.taskCount ? `${r.taskCount - r.openTaskCount}/${r.taskCount} 已完成` : '—'),
    },
  ];

  return (
    <Card>
      <PageTitle
        title="例会小结"
        extra={
          can('meeting:manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="meeting-new">
              新建会议
            </Button>
          )
        }
      />
      <div style={{ marginBottom: 16 }}>
        <YearSelect value={year} onChange={(y) => update({ year: y })} />
      </div>
      {meetings.isError && <QueryError error={meetings.error} onRetry={() => meetings.refetch()} />}
      <Table<MeetingListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={meetings.data}
        loading={meetings.isFetching}
        pagination={false}
        locale={{ emptyText: `${year}年暂无会议` }}
      />
      {can('meeting:manage') && <MeetingFormModal open={creating} onClose={() => setCreating(false)} />}
    </Card>
  );
}
