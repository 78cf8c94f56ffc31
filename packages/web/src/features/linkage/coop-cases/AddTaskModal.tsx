import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { DepartmentSelect } from '../shared/DepartmentSelect';
import { useAddTask } from './api';

interface Values {
  departmentCode: string;
  title: string;
  deadline: Dayjs;
}

/** 追加部门任务 to an open case (office). */
export function AddTaskModal({ caseId, openedOn, open, onClose }: { caseId: number; openedOn: string; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const add = useAddTask(caseId);

  const { errors, submit } = useFormSubmit(form, async (v) => {
    await add.mutateAsync({ departmentCode: v.departmentCode, title: v.title.trim(), deadline: v.deadline.format('YYYY-MM-DD') });
    message.success('任务已分派');
    onClose();
  });

  return (
    <Modal title="追加部门任务" open={open} okText="分派" confirmLoading={add.isPending} onOk={submit} onCancel={onClose} destroyOnHidden>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="departmentCode" label="责任部门" rules={[{ required: true, message: '请选择责任部门' }]}>
          <DepartmentSelect />
        </Form.Item>
        <Form.Item name="title" label="任务内容" rules={[{ required: true, whitespace: true, message: '请填写任务内容' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={200} />
        </Form.Item>
        <Form.Item name="deadline" label="办理期限" rules={[{ required: true, message: '请选择办理期限' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(openedOn), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
