import { App, Form, Input, Modal } from 'antd';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { useCloseCase } from './api';

/** 办结事项 (office): refused (409) while any task is still 办理中 — the server's message names them. */
export function CloseCaseModal({ caseId, open, onClose }: { caseId: number; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ closeNote: string }>();
  const { message } = App.useApp();
  const close = useCloseCase(caseId);

  const { errors, submit } = useFormSubmit(form, async (v) => {
    await close.mutateAsync(v.closeNote.trim());
    message.success('事项已办结');
    onClose();
  });

  return (
    <Modal title="办结事项" open={open} okText="办结" confirmLoading={close.isPending} onOk={submit} onCancel={onClose} destroyOnHidden>
      <div data-testid="coop-case-close-errors">
        <FormErrors messages={errors} />
      </div>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="closeNote" label="办结说明" rules={[{ required: true, whitespace: true, message: '请填写办结说明' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="coop-case-close-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
