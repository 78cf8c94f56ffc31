import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { FormErrors } from '../../../components/form/FormErrors';
import { applyServerErrors, clearFieldErrors } from '../../../components/form/serverErrors';
import { useCloseCase } from './api';

/** 办结事项 (office): refused (409) while any task is still 办理中 — the server's message names them. */
export function CloseCaseModal({ caseId, open, onClose }: { caseId: number; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ closeNote: string }>();
  const { message } = App.useApp();
  const close = useCloseCase(caseId);
  const [errors, setErrors] = useState<string[]>([]);

  const submit = async () => {
    setErrors([]);
    clearFieldErrors(form);
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    close.mutate(v.closeNote.trim(), {
      onSuccess: () => {
        message.success('事项已办结');
        onClose();
      },
      onError: (e) => setErrors(applyServerErrors(form, e)),
    });
  };

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
