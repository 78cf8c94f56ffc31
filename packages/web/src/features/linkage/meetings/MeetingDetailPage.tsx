import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { formatDate, formatDateTime } from '../../../lib/format';
import { PageTitle } from '../shared/PageTitle';
import { useMeeting } from './api';
import { AttendanceCard } from './AttendanceCard';
import { MEETING_KIND_COLORS } from './labels';
import { MeetingFormModal } from './MeetingFormModal';
import { MeetingTasksCard } from './MeetingTasksCard';
import { MinutesCard } from './MinutesCard';

/** A meeting: agenda, minutes, attendance of the 26 departments, follow-up tasks. */
export default function MeetingDetailPage() {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const detail = useMeeting(id);
  const [editing, setEditing] = useState(false);

  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="会议不存在" />;
  if (detail.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => detail.refetch()} />;

  const { meeting, attendance, tasks } = detail.data;
  const editable = can('meeting:manage');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <PageTitle
          backTo={`/linkage/meetings?year=${meeting.heldOn.slice(0, 4)}`}
          title={meeting.title}
          extra={
            editable && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="meeting-edit">
                编辑会议
              </Button>
            )
          }
        />
        <Descriptions size="small" bordered column={{ xs: 1, sm: 3 }}>
          <Descriptions.Item label="会议形式">
            <Tag color={MEETING_KIND_COLORS[meeting.kind]}>{meeting.kindLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="会议日期">{formatDate(meeting.heldOn)}</Descriptions.Item>
          <Descriptions.Item label="最后修改">{formatDateTime(meeting.updatedAt)}</Descriptions.Item>
          <Descriptions.Item label="会议议程" span="filled">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{meeting.agenda || '—'}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <MinutesCard meeting={meeting} editable={editable} />
      <AttendanceCard meetingId={id} rows={attendance} editable={editable} />
      <MeetingTasksCard meetingId={id} heldOn={meeting.heldOn} tasks={tasks} editable={editable} />
      {editable && <MeetingFormModal open={editing} meeting={meeting} onClose={() => setEditing(false)} />}
    </Space>
  );
}
