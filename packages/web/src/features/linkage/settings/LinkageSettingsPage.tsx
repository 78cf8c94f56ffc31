/** 联动设置 (office): self-check due day, 延伸评价 weight, and the notice's lagging thresholds (bottom N for M quarters). */
import { App, Button, Card, Form, InputNumber, Spin } from 'antd';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { QueryError } from '../../../components/QueryError';
import { PageTitle } from '../shared/PageTitle';
import { useLinkageSettings, useUpdateLinkageSettings, type LinkageSettings } from './api';

export default function LinkageSettingsPage() {
  const [form] = Form.useForm<LinkageSettings>();
  const { message } = App.useApp();
  const settings = useLinkageSettings();
  const update = useUpdateLinkageSettings();

  // a hook, so above the early returns; `save` is only reachable once the settings have loaded
  const { errors, submit: save } = useFormSubmit(form, async (v) => {
    const changed = (Object.keys(v) as (keyof LinkageSettings)[]).filter((k) => v[k] !== settings.data?.[k]);
    if (!changed.length) {
      message.info('设置没有变化');
      return;
    }
    await update.mutateAsync(Object.fromEntries(changed.map((k) => [k, v[k]])));
    message.success('设置已保存');
  });

  if (settings.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => settings.refetch()} />;

  return (
    <Card>
      <PageTitle title="联动设置" />
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" initialValues={settings.data} style={{ maxWidth: 560 }} data-testid="linkage-settings-form">
        <Form.Item
          name="selfCheckDueDay"
          label="月度自查报送截止日（次月几日）"
          extra="默认次月5日前报送；之后报送记为逾期"
          rules={[{ required: true, message: '请填写截止日' }]}
        >
          <InputNumber min={1} max={28} precision={0} suffix="日" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name="extensionWeight"
          label="县专班延伸评价权重（紧密型部门）"
          extra="最终得分 = 办公室评分 ×（1 − 权重）+ 延伸评价 × 权重；为0时只按办公室评分排序"
          rules={[{ required: true, message: '请填写权重' }]}
        >
          <InputNumber min={0} max={1} step={0.05} precision={2} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name="noticeBottomN"
          label="落后位次（本类别后N位）"
          extra="连续处于本类别后N位的部门在季度通报中全县通报"
          rules={[{ required: true, message: '请填写落后位次数' }]}
        >
          <InputNumber min={1} max={10} precision={0} suffix="位" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="noticeConsecutiveQuarters" label="连续季度数（M）" rules={[{ required: true, message: '请填写连续季度数' }]}>
          <InputNumber min={1} max={8} precision={0} suffix="个季度" style={{ width: 200 }} />
        </Form.Item>
        <Button type="primary" loading={update.isPending} onClick={save} data-testid="linkage-settings-save">
          保存
        </Button>
      </Form>
    </Card>
  );
}
