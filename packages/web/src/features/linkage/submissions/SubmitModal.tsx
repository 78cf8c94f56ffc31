/** A department user submits the requested material for the own department, with an optional note. */
import { Alert, App, Form, Input, Modal } from 'antd';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { useSubmit } from './api';
import type { SubmissionRequest } from './types';
import { serverNow } from '../../../lib/today';

export function SubmitModal({ request, onClose }: { request: SubmissionRequest | null; onClose: () => void }) {
  const [form] = Form.useForm<{ note?: string }>();
  const { message } = App.useApp();
  const submitMutation = useSubmit();
  const late = !!request && serverNow().format('YYYY-MM-DD') > request.dueDate;

  const { errors, submit } = useFormSubmit(form, async (v) => {
    if (!request) return;
    const { submission } = await submitMutation.mutateAsync({ id: request.id, note: v.note?.trim() || null });
    message.success(submission.late ? '已报送（逾期）' : '已报送');
    onClose();
  });

  return (
    <Modal
      title={request ? `报送资料 · ${request.title}` : ''}
      open={!!request}
      okText="报送"
      confirmLoading={submitMutation.isPending}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'submission-submit' }}
      destroyOnHidden
    >
      {late && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`已过截止日期 ${request?.dueDate}，现在报送记为报送不及时。`} />}
      {request?.description && <p style={{ whiteSpace: 'pre-wrap' }}>{request.description}</p>}
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="note" label="报送说明">
          <Input.TextArea rows={3} maxLength={1000} placeholder="报送材料名称、份数、报送方式等" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
