/** Fields of a 整改台账 row, shared by 登记问题 and 更新整改. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { RectificationStatus } from '../shared/linkageDomain';
import { RECTIFICATION_STATUS_OPTIONS } from './labels';
import type { Evidence } from './types';
import { serverNow } from '../../../lib/today';

export interface RectificationFormValues {
  problem: string;
  measure: string;
  owner: string;
  deadline: Dayjs;
  status: RectificationStatus;
  doneOn?: Dayjs | null;
  evidence?: Evidence[];
}

interface Props {
  /** The report is submitted: the problem and its deadline stay as reported. */
  reportLocked: boolean;
  /** The row is already 已整改 in a submitted report: it stays so. */
  doneFinal?: boolean;
}

export function RectificationFields({ reportLocked, doneFinal }: Props) {
  const form = Form.useFormInstance();
  const status = Form.useWatch('status', form) as RectificationStatus | undefined;
  return (
    <>
      <Form.Item name="problem" label="问题描述" rules={[{ required: true, whitespace: true, message: '请填写问题描述' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} disabled={reportLocked} />
      </Form.Item>
      <Form.Item name="measure" label="整改措施" rules={[{ required: true, whitespace: true, message: '请填写整改措施' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item name="owner" label="整改责任人" style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: '请填写整改责任人' }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="deadline" label="整改时限" style={{ flex: 1 }} rules={[{ required: true, message: '请选择整改时限' }]}>
          <DatePicker style={{ width: '100%' }} disabled={reportLocked} />
        </Form.Item>
      </Flex>
      <Flex gap={16}>
        <Form.Item name="status" label="整改状态" style={{ flex: 1 }} rules={[{ required: true, message: '请选择整改状态' }]}>
          <Select options={RECTIFICATION_STATUS_OPTIONS.map((o) => ({ ...o, disabled: doneFinal && o.value !== 'done' }))} />
        </Form.Item>
        <Form.Item
          name="doneOn"
          label="整改完成日期"
          style={{ flex: 1 }}
          hidden={status !== 'done'}
          rules={[{ required: status === 'done', message: '已整改的问题必须填写整改完成日期' }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(serverNow(), 'day')} />
        </Form.Item>
      </Flex>
      <Form.List name="evidence">
        {(fields, { add, remove }) => (
          <Form.Item label="佐证材料" style={{ marginBottom: 0 }}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item name={[field.name, 'name']} style={{ width: 200 }} rules={[{ required: true, whitespace: true, message: '请填写材料名称' }]}>
                  <Input placeholder="材料名称（如 整改照片）" maxLength={100} />
                </Form.Item>
                <Form.Item name={[field.name, 'note']} style={{ flex: 1 }}>
                  <Input placeholder="说明（存放位置、份数等）" maxLength={500} />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除材料" />
              </Flex>
            ))}
            {fields.length < 20 && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', note: '' })}>
                添加佐证材料
              </Button>
            )}
          </Form.Item>
        )}
      </Form.List>
    </>
  );
}

/** The form's values as the API body. */
export function toRectificationBody(v: RectificationFormValues) {
  return {
    problem: v.problem.trim(),
    measure: v.measure.trim(),
    owner: v.owner.trim(),
    deadline: v.deadline.format('YYYY-MM-DD'),
    status: v.status,
    doneOn: v.status === 'done' && v.doneOn ? v.doneOn.format('YYYY-MM-DD') : null,
    evidence: (v.evidence ?? []).map((e) => ({ name: e.name.trim(), note: e.note?.trim() || null })),
  };
}
