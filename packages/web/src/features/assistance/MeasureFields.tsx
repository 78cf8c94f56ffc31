/** The fields of one measure (catalogue item, responsible department, amount, planned day, content) for the plan forms. */
import { DatePicker, Form, Input, InputNumber, Select, Tag, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLinkageDepartments } from '../linkage/shared/useLinkageDepartments';
import { useCatalogue } from './api';
import type { MeasureInput } from './types';

export interface MeasureFormValues {
  measureCode: string;
  departmentCode?: string | null;
  amount?: number | null;
  plannedOn: Dayjs;
  content?: string | null;
}

export const toMeasureInput = (v: MeasureFormValues): MeasureInput => ({
  measureCode: v.measureCode,
  departmentCode: v.departmentCode ?? null,
  amount: v.amount ?? null,
  plannedOn: v.plannedOn.format('YYYY-MM-DD'),
  content: v.content?.trim() || null,
});

/** `name` is the prefix of the fields in the form (e.g. [0] inside a Form.List, or [] for a single measure). */
export function MeasureFields({ form, name, codeEditable = true }: { form: FormInstance; name: (string | number)[]; codeEditable?: boolean }) {
  const catalogue = useCatalogue();
  const departments = useLinkageDepartments();
  const at = (f: string) => [...name, f];
  return (
    <>
      <Form.Item name={at('measureCode')} label="帮扶措施" rules={[{ required: true, message: '请选择帮扶措施' }]}>
        <Select
          disabled={!codeEditable}
          loading={catalogue.isPending}
          placeholder="从措施目录选择"
          showSearch={{ optionFilterProp: 'search' }}
          onChange={(code: string) => {
            const def = catalogue.data?.measures.find((m) => m.code === code)?.defaultDepartment ?? null;
            form.setFieldValue(at('departmentCode'), def);
          }}
          options={(catalogue.data?.measures ?? []).map((m) => ({
            value: m.code,
            search: `${m.label}${m.includes.join('')}`,
            label: <span>{m.label}{m.developmental && <Tag color="green" style={{ marginLeft: 6 }}>开发式</Tag>}{m.includes.length > 0 && <span style={{ color: '#888', marginLeft: 6 }}>{m.includes.join('、')}</span>}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item name={at('departmentCode')} label="责任部门">
        <Select allowClear loading={departments.isPending} placeholder="选择责任部门" showSearch={{ optionFilterProp: 'label' }} options={(departments.data ?? []).map((d) => ({ value: d.code, label: d.name }))} />
      </Form.Item>
      <Form.Item name={at('amount')} label="金额（元）">
        <InputNumber min={0} max={10_000_000} precision={2} style={{ width: '100%' }} placeholder="可不填" />
      </Form.Item>
      <Form.Item name={at('plannedOn')} label="计划落实日期" rules={[{ required: true, message: '请选择计划落实日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name={at('content')} label="措施内容">
        <Input.TextArea rows={2} maxLength={500} showCount placeholder="如：安排乡村保洁公益岗位" />
      </Form.Item>
    </>
  );
}
