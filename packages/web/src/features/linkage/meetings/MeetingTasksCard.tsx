import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { formatDate } from '../../../lib/format';
import { useUpdateMeetingTask } from './api';
import { MeetingTaskModal } from './MeetingTaskModal';
import type { MeetingTask } from './types';

interface Props {
  meetingId: number;
  heldOn: string;
  tasks: MeetingTask[];
  editable: boolean;
}

/** 会议任务: follow-up work given at the meeting; the office adds tasks and marks them done. */
export function MeetingTasksCard({ meetingId, heldOn, tasks, editable }: Props) {
  const { message } = App.useApp();
  const update = useUpdateMeetingTask();
  const [adding, setAdding] = useState(false);

  const setStatus = (t: MeetingTask, status: 'open' | 'done') =>
    update.mutateAsync({ id: t.id, status }).then(
      () => void message.success(status === 'done' ? '已标记完成' : '已重新打开'),
      (e: unknown) => void message.error(errorMessage(e)),
    );

  const columns: ColumnsType<MeetingTask> = [
    { title: '任务内容', dataIndex: 'title' },
    { title: '责任部门', dataIndex: 'departmentName', width: 160, render: (v: string | null) => v ?? '全体成员单位' },
    {
      title: '完成时限',
      dataIndex: 'deadline',
      width: 150,
      render: (d: string, t) => (
        <>
          {formatDate(d)}
          {t.overdue && <Tag color="red" style={{ marginInlineStart: 4 }}>逾期</Tag>}
        </>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: MeetingTask['status'], t) => <Tag color={s === 'done' ? 'green' : 'orange'}>{t.statusLabel}</Tag> },
    { title: '完成日期', dataIndex: 'doneOn', width: 110, render: formatDate },
    ...(editable
      ? [{
          title: '操作',
          key: 'actions',
          width: 110,
          render: (_: unknown, t: MeetingTask) =>
            t.status === 'open' ? (
              <Popconfirm title="标记该任务已完成？" description="完成日期记为今天" okText="完成" onConfirm={() => setStatus(t, 'done')}>
                <Button type="link" size="small" data-testid={`meeting-task-done-${t.id}`}>
                  标记完成
                </Button>
              </Popconfirm>
            ) : (
              <Popconfirm title="重新打开该任务？" okText="重新打开" onConfirm={() => setStatus(t, 'open')}>
                <Button type="link" size="small">
                  重新打开
                </Button>
              </Popconfirm>
            ),
        }]
      : []),
  ];

  return (
    <Card
      title={`会议任务（${tasks.length}项）`}
      extra={
        editable && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="meeting-task-new">
            布置任务
          </Button>
        )
      }
    >
      <Table<MeetingTask> rowKey="id" size="small" columns={columns} dataSource={tasks} pagination={false} locale={{ emptyText: '暂无会议任务' }} />
      {editable && <MeetingTaskModal meetingId={meetingId} heldOn={heldOn} open={adding} onClose={() => setAdding(false)} />}
    </Card>
  );
}
