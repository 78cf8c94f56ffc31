/** 制定帮扶计划: a button and its dialog (one or more measures from the catalogue); opens the plan when saved. */
import { App, Button, Card, Form, Input, Modal, type ButtonProps } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { FormErrors } from '../../components/form/FormErrors';
import { useFormSubmit } from '../../components/form/useFormSubmit';
import { serverNow } from '../../lib/today';
import { useCreatePlan } from './api';
import { MeasureFields, toMeasureInput, type MeasureFormValues } from './MeasureFields';

export function PlanCreateButton({ householdId, buttonProps }: { householdId: number; buttonProps?: ButtonProps }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" {...buttonProps} onClick={() => setOpen(true)}>制定帮扶计划</Button>
      {open && <PlanCreateDialog householdId={householdId} onClose={() => setOpen(false)} />}
    </>
  );
}

function PlanCreateDialog({ householdId, onClose }: { householdId: number; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ notes?: string; measures: MeasureFormValues[] }>();
  const create = useCreatePlan();
  const { errors, submit } = useFormSubmit(form, async (v) => {
    const plan = await create.mutateAsync({ householdId, notes: v.notes?.trim() || null, measures: v.measures.map(toMeasureInput) });
    message.success('帮扶计划已制定');
    onClose();
    navigate(`/assistance/plans/${plan.id}`);
  });
  return (
    <Modal open title="制定帮扶计划" width={720} okText="保存计划" cancelText="取消" onOk={submit} onCancel={onClose} confirmLoading={create.isPending} destroyOnHidden>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" initialValues={{ measures: [{ plannedOn: serverNow().add(30, 'day') }] }}>
        <Form.List name="measures">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Card key={f.key} size="small" title={`措施 ${i + 1}`} style={{ marginBottom: 12 }}
                  extra={fields.length > 1 && <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)}>删除</Button>}>
                  <MeasureFields form={form} name={[f.name]} />
                </Card>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ plannedOn: serverNow().add(30, 'day') })} style={{ marginBottom: 16 }}>增加一项措施</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="notes" label="计划说明">
          <Input.TextArea rows={2} maxLength={1000} showCount placeholder="如：针对因病风险，落实医疗保障并安排就业帮扶" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
