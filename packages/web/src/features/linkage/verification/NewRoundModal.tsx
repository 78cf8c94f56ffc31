/** 发起核查: a month, how many self-checks and rectifications to sample, and an optional seed (else random). */
import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { MonthPicker } from '../shared/MonthPicker';
import { lastMonth } from '../shared/months';
import { useCreateRound } from './api';

interface Values {
  month: string;
  selfCheckCount: number;
  rectificationCount: number;
  seed?: string;
  note?: string;
}

export function NewRoundModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateRound();

  const { errors, submit } = useFormSubmit(form, async (v) => {
    const r = await create.mutateAsync({ month: v.month, selfCheckCount: v.selfCheckCount, rectificationCount: v.rectificationCount, seed: v.seed?.trim() || undefined, note: v.note?.trim() || null });
    message.success(`已抽取 ${r.sample.length} 个样本（随机种子 ${r.seed}）`);
    onCreated(r.id);
    onClose();
  });

  return (
    <Modal
      title="发起月度核查"
      open={open}
      okText="抽取样本"
      confirmLoading={create.isPending}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'verification-new-submit' }}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="从该月已报送的自查报告和整改事项中按随机种子抽取样本；种子和抽样范围会被记录，同一种子可复现同一样本。"
      />
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ month: lastMonth(), selfCheckCount: 3, rectificationCount: 3 }}>
        <Form.Item name="month" label="核查月份" rules={[{ required: true, message: '请选择核查月份' }]}>
          <MonthPickerField />
        </Form.Item>
        <Form.Item name="selfCheckCount" label="抽查自查报告（份）" rules={[{ required: true, message: '请填写抽查数量' }]}>
          <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="rectificationCount" label="抽查整改事项（条）" rules={[{ required: true, message: '请填写抽查数量' }]}>
          <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="seed" label="随机种子" extra="可不填，由系统随机生成">
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** MonthPicker speaking the Form.Item value/onChange protocol. */
function MonthPickerField({ value, onChange }: { value?: string; onChange?: (v: string | undefined) => void }) {
  return <MonthPicker value={value} onChange={(m) => onChange?.(m)} noFuture />;
}
