import { App, Button, Card, Form, InputNumber, Radio, Select, Space, Spin, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { FormErrors } from '../../components/form/FormErrors';
import { useFormSubmit } from '../../components/form/useFormSubmit';
import { QueryError } from '../../components/QueryError';
import { useCaseSettings, useSaveDeadlines, useSaveElimination } from './api';

const RULES = [
  { key: 'identification', label: '识别纳入办理时限（自线索发现起，最长）', suffix: '天内办结' },
  { key: 'publicity', label: '村内公示期（最短）', suffix: '天' },
  { key: 'help_plan', label: '帮扶计划制定时限（自县级审批起，最长）', suffix: '天内' },
] as const;

interface DeadlineValues {
  rules: Record<string, { days: number; counting: 'calendar' | 'working' }>;
  dueSoonDays: number;
  holidays: string[];
  extraWorkingDays: string[];
}

/** 办理时限 and 风险消除标准 settings of the county office (every change audited). */
export default function CaseSettingsPage() {
  const s = useCaseSettings();
  const saveDeadlines = useSaveDeadlines();
  const saveElim = useSaveElimination();
  const { message } = App.useApp();
  const [df] = Form.useForm<DeadlineValues>();
  const [ef] = Form.useForm<{ stabilityMonths: number; eliminateNoLabourHouseholds: boolean }>();
  useEffect(() => {
    if (!s.data) return;
    const c = s.data.deadlines.config;
    df.setFieldsValue({ rules: c.rules, dueSoonDays: c.dueSoonDays, holidays: c.calendar.holidays, extraWorkingDays: c.calendar.extraWorkingDays });
    ef.setFieldsValue({ stabilityMonths: s.data.elimination.stabilityMonths, eliminateNoLabourHouseholds: s.data.elimination.eliminateNoLabourHouseholds });
  }, [s.data, df, ef]);
  const d = useFormSubmit(df, async (v) => {
    await saveDeadlines.mutateAsync({
      rules: Object.fromEntries(RULES.map((r) => [r.key, { days: v.rules[r.key]!.days, counting: v.rules[r.key]!.counting }])),
      dueSoonDays: v.dueSoonDays,
      calendar: { holidays: v.holidays ?? [], extraWorkingDays: v.extraWorkingDays ?? [] },
      version: s.data!.deadlines.version,
    });
    message.success('办理时限已保存');
  });
  const e = useFormSubmit(ef, async (v) => {
    await saveElim.mutateAsync({ ...v, version: s.data!.elimination.version });
    message.success('风险消除标准已保存');
  });
  if (s.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (s.isError) return <Card><QueryError error={s.error} onRetry={() => s.refetch()} /></Card>;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="办理时限">
        <Typography.Paragraph type="secondary">按自然日或工作日计算；工作日不含周六、周日和下列节假日，含调休上班日。修改后所有办理中事项的时限按新设置重新计算。</Typography.Paragraph>
        <FormErrors messages={d.errors} />
        <Form form={df} layout="vertical" style={{ maxWidth: 640 }}>
          {RULES.map((r) => (
            <Form.Item key={r.key} label={r.label} required>
              <Space wrap>
                <Form.Item name={['rules', r.key, 'days']} noStyle rules={[{ required: true, message: '请填写天数' }]}>
                  <InputNumber min={1} max={365} precision={0} />
                </Form.Item>
                <span>{r.suffix}</span>
                <Form.Item name={['rules', r.key, 'counting']} noStyle>
                  <Radio.Group options={[{ value: 'calendar', label: '自然日' }, { value: 'working', label: '工作日' }]} />
                </Form.Item>
              </Space>
            </Form.Item>
          ))}
          <Form.Item name="dueSoonDays" label="提前提醒天数（到期前几天列为“即将到期”）" rules={[{ required: true, message: '请填写天数' }]}>
            <InputNumber min={0} max={30} precision={0} />
          </Form.Item>
          <Form.Item name="holidays" label="法定节假日（YYYY-MM-DD，回车添加）">
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder="如 2026-10-01" />
          </Form.Item>
          <Form.Item name="extraWorkingDays" label="调休上班日（周末上班，YYYY-MM-DD）">
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder="如 2026-09-27" />
          </Form.Item>
          <Button type="primary" loading={saveDeadlines.isPending} onClick={d.submit}>保存办理时限</Button>
        </Form>
      </Card>
      <Card title="风险消除标准">
        <FormErrors messages={e.errors} />
        <Form form={ef} layout="vertical" style={{ maxWidth: 640 }}>
          <Form.Item name="stabilityMonths" label="人均纯收入稳定超过监测线的月数（各地一般为3-6个月）" rules={[{ required: true, message: '请填写月数' }]}>
            <InputNumber min={1} max={12} precision={0} addonAfter="个月" />
          </Form.Item>
          <Form.Item name="eliminateNoLabourHouseholds" label="整户无劳动能力的兜底户可标注风险消除" valuePropName="checked">
            <Switch checkedChildren="可以" unCheckedChildren="不可以（默认）" />
          </Form.Item>
          <Button type="primary" loading={saveElim.isPending} onClick={e.submit}>保存风险消除标准</Button>
        </Form>
      </Card>
    </Space>
  );
}
