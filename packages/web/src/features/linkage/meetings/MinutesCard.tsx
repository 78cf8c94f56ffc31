import { App, Button, Card, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../api/client';
import { useUpdateMeeting } from './api';
import type { Meeting } from './types';

/** 会议纪要: edited by the office (saved with the meeting's other fields and version); read by everyone else. */
export function MinutesCard({ meeting, editable }: { meeting: Meeting; editable: boolean }) {
  const { message } = App.useApp();
  const update = useUpdateMeeting(meeting.id);
  const [text, setText] = useState(meeting.minutes);
  useEffect(() => setText(meeting.minutes), [meeting.minutes, meeting.version]);

  const onSave = () =>
    update.mutate(
      { kind: meeting.kind, heldOn: meeting.heldOn, title: meeting.title, agenda: meeting.agenda, minutes: text.trim(), version: meeting.version },
      { onSuccess: () => void message.success('会议纪要已保存'), onError: (e) => void message.error(errorMessage(e)) },
    );

  return (
    <Card
      title="会议纪要"
      extra={
        editable && (
          <Button type="primary" disabled={text === meeting.minutes} loading={update.isPending} onClick={onSave} data-testid="meeting-minutes-save">
            保存纪要
          </Button>
        )
      }
    >
      {editable ? (
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 5, maxRows: 20 }}
          maxLength={20000}
          showCount
          placeholder="会议主要内容、上月部门联动情况小结、下步工作安排…"
          data-testid="meeting-minutes"
        />
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {meeting.minutes || <Typography.Text type="secondary">暂无会议纪要</Typography.Text>}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
