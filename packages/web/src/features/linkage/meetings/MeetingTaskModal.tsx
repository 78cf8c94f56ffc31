import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { DepartmentSelect } from '../shared/DepartmentSelect';
import { useAddMeetingTask } from './api';

interface Values {
  title: string;
  departmentCode?: string;
  deadline: Dayjs;
}

/** 布置任务: a follow-up task of the meeting, for one department or for all. */
export function MeetingTaskModal({ meetingId, heldOn, open, onClose }: { meetingId: number; heldOn: string; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const add = useAddMeetingTask(meetingId);

  const { errors, submit } = useFormSubmit(form, async (v) => {
    await add.mutateAsync({ title: v.title.trim(), departmentCode: v.departmentCode ?? null, deadline: v.deadline.format('YYYY-MM-DD') });
    message.success('任务已布置');
    onClose();
  });

  return (
    <Modal title="布置会议任务" open={open} okText="布置" confirmLoading={add.isPending} onOk={submit} onCancel={onClose} destroyOnHidden>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="title" label="任务内容" rules={[{ required: true, whitespace: true, message: '请填写任务内容' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
        </Form.Item>
        <Form.Item name="departmentCode" label="责任部门" extra="不选择则为全体成员单位的任务">
          <DepartmentSelect allowClear placeholder="全体成员单位" />
        </Form.Item>
        <Form.Item name="deadline" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(heldOn), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
