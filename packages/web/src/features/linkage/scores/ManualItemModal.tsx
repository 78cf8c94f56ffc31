/** The office records a manual score item (a manual code of 附件4) with its evidence; it waits for approval. */
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { DepartmentSelect } from '../shared/DepartmentSelect';
import { formatPoints } from '../shared/scoreFormat';
import { quarterEnd, quarterLabel, monthsOfQuarter, type Quarter } from '../shared/scoringDomain';
import { useCreateManualItem, useScoreItems } from './api';
import { serverNow } from '../../../lib/today';

interface Values {
  departmentCode: string;
  itemCode: string;
  count: number;
  occurredOn: Dayjs;
  evidence: string;
}

export function ManualItemModal({ open, quarter, onClose }: { open: boolean; quarter: Quarter; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateManualItem();
  const catalogue = useScoreItems();
  const start = dayjs(`${monthsOfQuarter(quarter)[0]}-01`);
  const end = dayjs(quarterEnd(quarter));

  const itemOptions = useMemo(() => {
    const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
    for (const i of catalogue.data ?? []) {
      if (i.source !== 'manual') continue;
      const g = groups.get(i.group) ?? { label: i.group, options: [] };
      g.options.push({ value: i.code, label: `${i.label}（${formatPoints(i.points)}分/${i.unit}）` });
      groups.set(i.group, g);
    }
    return [...groups.values()];
  }, [catalogue.data]);

  const { errors, submit } = useFormSubmit(form, async (v) => {
    await create.mutateAsync({
      departmentCode: v.departmentCode,
      year: quarter.year,
      quarter: quarter.quarter,
      itemCode: v.itemCode,
      count: v.count,
      occurredOn: v.occurredOn.format('YYYY-MM-DD'),
      evidence: v.evidence.trim(),
    });
    message.success('已录入，待县级领导审核');
    onClose();
  });

  return (
    <Modal
      title={`录入手工评分项 · ${quarterLabel(quarter)}`}
      open={open}
      okText="录入"
      confirmLoading={create.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'manual-item-submit' }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="手工评分项须附佐证材料，经县级领导审核通过后计入得分。" />
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ count: 1 }}>
        <Form.Item name="departmentCode" label="部门" rules={[{ required: true, message: '请选择部门' }]}>
          <DepartmentSelect />
        </Form.Item>
        <Form.Item name="itemCode" label="评分项目" rules={[{ required: true, message: '请选择评分项目' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={itemOptions} loading={catalogue.isPending} placeholder="选择评分项目" />
        </Form.Item>
        <Form.Item name="count" label="数量（条）" rules={[{ required: true, message: '请填写数量' }]}>
          <InputNumber min={1} max={100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="occurredOn" label="发生日期" rules={[{ required: true, message: '请选择发生日期' }]} extra={`应在 ${start.format('YYYY-MM-DD')} 至 ${end.format('YYYY-MM-DD')} 之间`}>
          <DatePicker disabledDate={(d) => d.isBefore(start, 'day') || d.isAfter(end, 'day')} defaultPickerValue={end.isAfter(serverNow()) ? serverNow() : end} />
        </Form.Item>
        <Form.Item name="evidence" label="佐证材料" rules={[{ required: true, whitespace: true, message: '请填写佐证材料' }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount placeholder="通报文号、表扬文件、媒体报道链接等" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
