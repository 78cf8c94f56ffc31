/** 登记核查结果 on one sampled record: 属实/不属实, for a rectification the verified status, and a note. */
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { useAddFinding } from './api';
import type { SampleItem, Verdict, VerifiedStatus } from './types';
import { TARGET_TYPE_LABELS, VERDICT_LABELS, VERIFIED_STATUS_LABELS } from './verificationLabels';

interface Values {
  verdict: Verdict;
  verifiedStatus?: VerifiedStatus;
  note?: string;
}

export function FindingModal({ roundId, target, onClose }: { roundId: number; target: SampleItem | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const add = useAddFinding(roundId);
  const isRectification = target?.targetType === 'rectification';

  const { errors, submit } = useFormSubmit(form, async (v) => {
    if (!target) return;
    await add.mutateAsync({
      targetType: target.targetType,
      targetId: target.targetId,
      verdict: v.verdict,
      verifiedStatus: isRectification ? (v.verifiedStatus ?? null) : null,
      note: v.note?.trim() || null,
    });
    message.success('核查结果已登记');
    onClose();
  });

  return (
    <Modal
      title={target ? `登记核查结果 · ${TARGET_TYPE_LABELS[target.targetType]}：${target.label}` : ''}
      open={!!target}
      okText="登记"
      confirmLoading={add.isPending}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'finding-submit' }}
      destroyOnHidden
    >
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="verdict"
          label="核查结论"
          rules={[{ required: true, message: '请选择核查结论' }]}
          extra={isRectification ? '不属实时以核实的整改状态计分' : '不属实的自查报告按未开展自查计分'}
        >
          <Radio.Group options={(['confirms', 'contradicts'] as const).map((v) => ({ value: v, label: VERDICT_LABELS[v] }))} />
        </Form.Item>
        {isRectification && (
          <Form.Item name="verifiedStatus" label="核实的整改状态" rules={[{ required: true, message: '请选择核实的整改状态' }]}>
            <Select
              style={{ width: 200 }}
              options={(['in_progress', 'done'] as const).map((s) => ({ value: s, label: VERIFIED_STATUS_LABELS[s] }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label="核查说明">
          <Input.TextArea rows={3} maxLength={2000} placeholder="现场核查情况、佐证等" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
