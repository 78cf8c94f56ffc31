/** 预警核实时限设置 (county office): days, calendar or working days, and the due-soon reminder. */
import { App, Button, Card, Form, InputNumber, Radio, Spin, Typography } from 'antd';
import { FormErrors } from '../../components/form/FormErrors';
import { useFormSubmit } from '../../components/form/useFormSubmit';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/format';
import { PageTitle } from '../linkage/shared/PageTitle';
import { useUpdateWarningSettings, useWarningSettings } from './api';
import type { WarningSettings } from './types';

export default function WarningSettingsPage() {
  const [form] = Form.useForm<WarningSettings>();
  const { message } = App.useApp();
  const settings = useWarningSettings();
  const update = useUpdateWarningSettings();
  const { errors, submit } = useFormSubmit(form, async (v) => {
    await update.mutateAsync({ verificationDays: v.verificationDays, counting: v.counting, dueSoonDays: v.dueSoonDays });
    message.success('核实时限设置已保存');
  });
  if (settings.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => settings.refetch()} />;
  return (
    <Card>
      <PageTitle title="预警核实时限设置" backTo="/warnings" />
      <Typography.Paragraph type="secondary">
        乡镇须在预警推送后规定时限内完成核实（默认5个自然日）。逾期未核实的预警在预警线索列表中标红，并向上级汇总。
        {settings.data.updatedBy ? ` 最近由 ${settings.data.updatedBy} 于 ${formatDateTime(settings.data.updatedAt)} 修改。` : ''}
      </Typography.Paragraph>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" initialValues={settings.data} style={{ maxWidth: 480 }}>
        <Form.Item name="verificationDays" label="核实时限" rules={[{ required: true, message: '请填写核实时限' }]}>
          <InputNumber min={1} max={60} precision={0} suffix="天" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="counting" label="计算方式">
          <Radio.Group options={[{ value: 'calendar', label: '自然日' }, { value: 'working', label: '工作日（不含周末）' }]} />
        </Form.Item>
        <Form.Item name="dueSoonDays" label="到期前几天提醒（即将到期）" rules={[{ required: true, message: '请填写提醒天数' }]}>
          <InputNumber min={0} max={60} precision={0} suffix="天" style={{ width: 180 }} />
        </Form.Item>
        <Button type="primary" onClick={submit} loading={update.isPending}>保存</Button>
      </Form>
    </Card>
  );
}
