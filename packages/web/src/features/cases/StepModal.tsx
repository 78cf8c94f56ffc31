import { Alert, Checkbox, Form, Input, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import { FormErrors } from '../../components/form/FormErrors';
import { useFormSubmit } from '../../components/form/useFormSubmit';
import { useStep } from './api';
import type { CaseAction, CaseDetail } from './types';

interface Values {
  remarks?: string;
  attachments?: number[];
  method?: 'assisted' | 'natural';
}

/** One action on a case: remarks (required where the workflow says), evidence from the case's files, and for 标注 the method. */
export function StepModal({ detail, action, onClose }: { detail: CaseDetail; action: CaseAction | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const step = useStep(detail.case.id);
  const { errors, submit, clearErrors } = useFormSubmit(form, async (v) => {
    await step.mutateAsync({
      event: action!.event,
      remarks: v.remarks?.trim() || null,
      attachments: v.attachments ?? [],
      expectedVersion: detail.case.version,
      payload: action!.event === 'mark' ? { method: v.method } : null,
    });
    onClose();
  });
  useEffect(() => {
    if (action) {
      form.resetFields();
      clearErrors();
      if (action.event === 'mark') form.setFieldValue('method', detail.facts.methodHint as Values['method']);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [action]);
  const reasonWord = action && ['rejected', 'withdrawn', 'overridden'].includes(action.outcome) ? '理由' : '说明';
  return (
    <Modal open={!!action} title={action?.label} okText="确认办理" cancelText="取消" onOk={submit} confirmLoading={step.isPending} onCancel={onClose} destroyOnHidden>
      {action?.blockedReason && <Alert type="warning" showIcon title={action.blockedReason} style={{ marginBottom: 12 }} />}
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical">
        {action?.event === 'mark' && (
          <Form.Item name="method" label="消除方式" rules={[{ required: true, message: '请选择消除方式' }]}>
            <Radio.Group options={[{ value: 'assisted', label: '帮扶消除' }, { value: 'natural', label: '自然消除' }]} />
          </Form.Item>
        )}
        <Form.Item name="remarks" label={reasonWord} rules={action?.remarksRequired ? [{ required: true, whitespace: true, message: `请填写${reasonWord}` }] : []}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={action?.remarksRequired ? `必填：${reasonWord}` : '选填'} />
        </Form.Item>
        {detail.attachments.length > 0 && (
          <Form.Item name="attachments" label="本步骤附件（从本事项已上传的文件中选择）">
            <Checkbox.Group options={detail.attachments.map((a) => ({ value: a.id, label: a.fileName }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
