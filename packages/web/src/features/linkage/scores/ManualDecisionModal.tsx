/** The county leader approves or rejects a pending manual score item, with an optional note. */
import { App, Descriptions, Form, Input, Modal } from 'antd';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { formatDate } from '../../../lib/format';
import { formatPoints } from '../shared/scoreFormat';
import { useDecideManualItem } from './api';
import type { ManualItem } from './types';

interface Props {
  value: { item: ManualItem; decision: 'approve' | 'reject' } | null;
  onClose: () => void;
}

export function ManualDecisionModal({ value, onClose }: Props) {
  const [form] = Form.useForm<{ note?: string }>();
  const { message } = App.useApp();
  const decide = useDecideManualItem();
  const approving = value?.decision === 'approve';

  const { errors, submit } = useFormSubmit(form, async (v) => {
    if (!value) return;
    await decide.mutateAsync({ id: value.item.id, decision: value.decision, note: v.note?.trim() || null });
    message.success(approving ? '已审核通过，计入得分' : '已退回');
    onClose();
  });

  return (
    <Modal
      title={approving ? '审核通过评分项' : '退回评分项'}
      open={!!value}
      okText={approving ? '通过' : '退回'}
      okButtonProps={{ danger: !approving, 'data-testid': 'manual-decision-submit' }}
      confirmLoading={decide.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormErrors messages={errors} />
      {value && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
          <Descriptions.Item label="部门">{value.item.departmentName}</Descriptions.Item>
          <Descriptions.Item label="评分项目">{value.item.itemLabel ?? value.item.itemCode}</Descriptions.Item>
          <Descriptions.Item label="数量 / 分值">
            {value.item.count} 条 / {value.item.points === null ? '—' : `${formatPoints(value.item.points)} 分`}
          </Descriptions.Item>
          <Descriptions.Item label="发生日期">{formatDate(value.item.occurredOn)}</Descriptions.Item>
          <Descriptions.Item label="佐证材料">
            <div style={{ whiteSpace: 'pre-wrap' }}>{value.item.evidence}</div>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="note" label="审核意见">
          <Input.TextArea rows={3} maxLength={1000} placeholder={approving ? '可不填' : '请说明退回原因'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
