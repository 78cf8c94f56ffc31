import { Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { AUDIT_ACTION_GROUPS, AUDIT_ACTIONS, AUDIT_ENTITIES } from './auditLabels';

export type AuditFilterKey = 'username' | 'action' | 'entityType' | 'entityId' | 'from' | 'to';
type Filters = Record<AuditFilterKey, string | undefined>;

interface FormValues {
  username?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const ACTION_OPTIONS = [
  ...Object.entries(AUDIT_ACTION_GROUPS).map(([value, label]) => ({ value, label })),
  ...Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label: `${label}（${value}）` })),
];
const ENTITY_OPTIONS = Object.entries(AUDIT_ENTITIES).map(([value, label]) => ({ value, label }));

/** URL values → form: the range is kept in the URL as [from, to) date-times, shown as whole days. */
function toForm(f: Filters): FormValues {
  return {
    username: f.username,
    action: f.action,
    entityType: f.entityType,
    entityId: f.entityId,
    range: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to).subtract(1, 'day') : null] : null,
  };
}

function fromForm(v: FormValues): Partial<Filters> {
  const [start, end] = v.range ?? [null, null];
  return {
    username: v.username?.trim() || undefined,
    action: v.action || undefined,
    entityType: v.entityType || undefined,
    entityId: v.entityId?.trim() || undefined,
    from: start ? start.startOf('day').format() : undefined,
    to: end ? end.add(1, 'day').startOf('day').format() : undefined,
  };
}

export function AuditFilters({ filters, onChange, onReset }: { filters: Filters; onChange: (f: Partial<Filters>) => void; onReset: () => void }) {
  const [form] = Form.useForm<FormValues>();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm(filters));
  }, [filters, form]);

  return (
    <Form form={form} layout="inline" onFinish={(v) => onChange(fromForm(v))} style={{ marginBottom: 16, rowGap: 12 }}>
      <Form.Item name="username" label="用户名">
        <Input allowClear style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="action" label="操作">
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={ACTION_OPTIONS} style={{ width: 220 }} popupMatchSelectWidth={false} />
      </Form.Item>
      <Form.Item name="entityType" label="对象类型">
        <Select allowClear options={ENTITY_OPTIONS} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="entityId" label="对象编号">
        <Input allowClear style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="range" label="时间范围">
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
      </Form.Item>
      <Form.Item>
        <Button onClick={onReset}>重置</Button>
      </Form.Item>
    </Form>
  );
}
