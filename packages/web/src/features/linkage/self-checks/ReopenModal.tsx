import { App, Form, Input, Modal } from 'antd';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { useReopenSelfCheck } from './api';

/** 退回修改: the office returns a submitted report to its department, with the reason. */
export function ReopenModal({ selfCheckId, open, onClose }: { selfCheckId: number; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const reopen = useReopenSelfCheck();

  const { errors, submit } = useFormSubmit(form, async (v) => {
    await reopen.mutateAsync({ id: selfCheckId, reason: v.reason.trim() });
    message.success('已退回，部门可修改后重新提交');
    onClose();
  });

  return (
    <Modal title="退回修改" open={open} okText="退回" okButtonProps={{ danger: true }} confirmLoading={reopen.isPending} onOk={submit} onCancel={onClose} destroyOnHidden>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label="退回原因" rules={[{ required: true, whitespace: true, message: '请填写退回原因' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={500} showCount data-testid="self-check-reopen-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
