import { App, Form, Modal } from 'antd';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { useUpdateCase } from './api';
import { CaseDetailsFields, CaseFields, cleanDetails } from './CaseFields';
import type { CaseDetails, CoopCase } from './types';

interface Values {
  title: string;
  description?: string;
  subject?: string;
  details?: CaseDetails;
}

/** 编辑事项 (office, open cases): title, description, subject and the kind's details (纪要, 决定, 处置情况…). */
export function CoopCaseEditModal({ coopCase, open, onClose }: { coopCase: CoopCase; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const update = useUpdateCase(coopCase.id);

  const { errors, submit } = useFormSubmit(form, async (v) => {
    await update.mutateAsync({
      title: v.title.trim(),
      description: v.description?.trim() ?? '',
      subject: v.subject?.trim() || null,
      details: cleanDetails(coopCase.kind, v.details),
      householdId: coopCase.householdId,
      version: coopCase.version,
    });
    message.success('事项已保存');
    onClose();
  });

  return (
    <Modal title={`编辑事项 · ${coopCase.kindLabel}`} open={open} width={800} okText="保存" confirmLoading={update.isPending} onOk={submit} onCancel={onClose} destroyOnHidden>
      <FormErrors messages={errors} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ title: coopCase.title, description: coopCase.description, subject: coopCase.subject ?? undefined, details: coopCase.details }}
      >
        <CaseFields />
        <CaseDetailsFields kind={coopCase.kind} />
      </Form>
    </Modal>
  );
}
