/** One action of the warning (签收, 纳入监测, 不纳入 …): remarks, the inputs the action needs, attachments of the warning. */
import { Alert, Checkbox, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import { CodeSelect } from '../../components/CodeSelect';
import { FormErrors } from '../../components/form/FormErrors';
import { useFormSubmit } from '../../components/form/useFormSubmit';
import { useWarningStep } from './api';
import type { WarningAction, WarningDetail } from './types';

interface Values { remarks?: string; duplicateOf?: string; householdId?: number; riskTypes?: string[]; attachments?: number[] }

export function WarningActionModal({ detail, action, onClose }: { detail: WarningDetail; action: WarningAction | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const step = useWarningStep(detail.warning.id);
  const w = detail.warning;
  const needsHousehold = !!action && (action.event === 'include' || action.event === 'mark_already_monitored') && w.householdId === null;
  const { errors, submit, clearErrors } = useFormSubmit(form, async (v) => {
    await step.mutateAsync({
      event: action!.event,
      remarks: v.remarks?.trim() || undefined,
      attachments: v.attachments?.length ? v.attachments : undefined,
      expectedVersion: w.version,
      payload: {
        ...(v.duplicateOf ? { duplicateOf: v.duplicateOf.trim() } : {}),
        ...(v.householdId ? { householdId: v.householdId } : {}),
        ...(action!.event === 'include' && v.riskTypes?.length ? { riskTypes: v.riskTypes } : {}),
      },
    });
    onClose();
  }, { prefix: [] });

  useEffect(() => {
    if (action) {
      form.resetFields();
      clearErrors();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [action]);

  return (
    <Modal
      title={action?.label}
      open={!!action}
      onCancel={onClose}
      onOk={submit}
      okText="确认办理"
      confirmLoading={step.isPending}
      destroyOnHidden
      data-testid="warning-action-modal"
    >
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" initialValues={{ riskTypes: w.riskTypes }}>
        {action?.event === 'include' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="确认后将为该户发起识别纳入程序（入户核实、民主评议、公示、审核审批）" />}
        {needsHousehold && (
          <Form.Item name="householdId" label="所在农户编号（户籍台账中的系统编号）" rules={[{ required: true, message: '该对象尚未关联农户，须先在户籍台账中建档并填写其农户编号' }]}
            extra="该预警对象未关联户籍台账中的农户：请先在户籍台账中建档，再填写该户的系统编号">
            <InputNumber min={1} precision={0} style={{ width: 220 }} />
          </Form.Item>
        )}
        {action?.event === 'include' && (
          <Form.Item name="riskTypes" label="风险类型（识别纳入时使用）" rules={[{ required: true, message: '请至少选择一项风险类型' }]}>
            <CodeSelect list="riskType" mode="multiple" maxCount={5} />
          </Form.Item>
        )}
        {action?.event === 'mark_duplicate' && (
          <Form.Item name="duplicateOf" label="与哪条预警或哪个案件重复" rules={[{ required: true, message: '请填写重复的预警编号（如 123）或案件编号（如 C45）' }]}
            extra="填写预警编号（如 123），或识别纳入案件编号（如 C45）">
            <Input maxLength={64} />
          </Form.Item>
        )}
        <Form.Item name="remarks" label={action?.remarksRequired ? '理由' : '说明'} rules={action?.remarksRequired ? [{ required: true, whitespace: true, message: '请填写理由' }] : []}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={action?.remarksRequired ? '请写明核实情况和不纳入的理由' : '核实情况（选填）'} />
        </Form.Item>
        {detail.attachments.length > 0 && (
          <Form.Item name="attachments" label="附上佐证材料">
            <Checkbox.Group options={detail.attachments.map((a) => ({ value: a.id, label: a.fileName }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
