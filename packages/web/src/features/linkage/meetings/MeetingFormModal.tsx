import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { useCreateMeeting, useUpdateMeeting } from './api';
import { MEETING_KIND_OPTIONS } from './labels';
import type { Meeting, MeetingFieldsBody, MeetingKind } from './types';
import { serverNow } from '../../../lib/today';

interface Values {
  kind: MeetingKind;
  heldOn: Dayjs;
  title: string;
  agenda?: string;
}

interface Props {
  open: boolean;
  /** Editing this meeting; a new one when absent. */
  meeting?: Meeting;
  onClose: () => void;
}

/** 新建会议 / 编辑会议: 形式, 日期, 名称, 议程 (the minutes are edited on the detail page). */
export function MeetingFormModal({ open, meeting, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const update = useUpdateMeeting(meeting?.id ?? 0);

  const { errors, submit } = useFormSubmit(form, async (v) => {
    const body: MeetingFieldsBody = { kind: v.kind, heldOn: v.heldOn.format('YYYY-MM-DD'), title: v.title.trim(), agenda: v.agenda?.trim() ?? '' };
    if (meeting) {
      await update.mutateAsync({ ...body, minutes: meeting.minutes, version: meeting.version });
      message.success('会议信息已保存');
      onClose();
    } else {
      const d = await create.mutateAsync(body);
      message.success('会议已创建，参会情况默认全部出席');
      onClose();
      navigate(`/linkage/meetings/${d.meeting.id}`);
    }
  });

  return (
    <Modal
      title={meeting ? '编辑会议' : '新建会议'}
      open={open}
      width={640}
      okText={meeting ? '保存' : '创建'}
      confirmLoading={create.isPending || update.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormErrors messages={errors} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          meeting
            ? { kind: meeting.kind, heldOn: dayjs(meeting.heldOn), title: meeting.title, agenda: meeting.agenda }
            : { kind: 'progress', heldOn: serverNow() }
        }
      >
        <Form.Item name="kind" label="会议形式" rules={[{ required: true, message: '请选择会议形式' }]}>
          <Select options={MEETING_KIND_OPTIONS} data-testid="meeting-kind" />
        </Form.Item>
        <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label="会议名称" rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]}>
          <Input maxLength={200} placeholder="如 2025年3月“5+2”联动机制推进会" data-testid="meeting-title" />
        </Form.Item>
        <Form.Item name="agenda" label="会议议程">
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} placeholder="回顾上月部门联动情况，安排部署下步工作任务…" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
