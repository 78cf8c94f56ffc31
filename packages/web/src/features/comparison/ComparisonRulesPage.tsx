/**
 * 比对规则: every rule's current version with its thresholds; each rule's version history; the county office edits a
 * rule (name, thresholds per group, applies-to groups, output, on/off) — each save is a new version, old ones stay.
 */
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Radio, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { CodeSelect } from '../../components/CodeSelect';
import { FormErrors } from '../../components/form/FormErrors';
import { useFormSubmit } from '../../components/form/useFormSubmit';
import { QueryError } from '../../components/QueryError';
import { useCodeList } from '../reference/useCodes';
import { formatDateTime } from '../../lib/format';
import { PageTitle } from '../linkage/shared/PageTitle';
import { fetchRules, fetchRuleVersions, GROUP_LABELS, GROUPS, saveRule, type ComparisonRule, type SubjectGroup } from './api';

function ThresholdsText({ rule }: { rule: ComparisonRule }) {
  const names = Object.keys(rule.thresholds ?? {});
  if (!names.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space direction="vertical" size={0}>
      {names.map((n) => (
        <span key={n}>
          {rule.appliesTo.map((g) => `${GROUP_LABELS[g]} ${rule.thresholds[n]?.[g]?.toLocaleString('zh-CN') ?? '未设'}`).join('；')}
        </span>
      ))}
    </Space>
  );
}

function OutputText({ rule }: { rule: ComparisonRule }) {
  const risks = useCodeList('riskType');
  if (rule.output.kind === 'suspected_problem') return <Tag color="orange">疑似问题</Tag>;
  return <Space size={4} wrap><Tag color="red">风险线索</Tag>{(rule.output.riskTypes ?? []).map((r) => <Tag key={r}>{risks.find((x) => x.code === r)?.label ?? r}</Tag>)}</Space>;
}

function Versions({ code }: { code: string }) {
  const q = useQuery({ queryKey: ['comparison', 'rule-versions', code], queryFn: () => fetchRuleVersions(code) });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Table<ComparisonRule> size="small" rowKey="id" loading={q.isPending} dataSource={q.data?.items ?? []} pagination={false} data-testid={`versions-${code}`}
      columns={[
        { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `v${v}` },
        { title: '名称', dataIndex: 'label' },
        { title: '适用对象', width: 200, render: (_, r) => r.appliesTo.map((g) => GROUP_LABELS[g]).join('、') },
        { title: '阈值', width: 260, render: (_, r) => <ThresholdsText rule={r} /> },
        { title: '启用', dataIndex: 'active', width: 70, render: (v: boolean) => (v ? '是' : '否') },
        { title: '修改原因', dataIndex: 'changeReason', width: 180 },
        { title: '修改人', dataIndex: 'createdByName', width: 90 },
        { title: '时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
      ]} />
  );
}

interface EditValues {
  label: string;
  appliesTo: SubjectGroup[];
  thresholds: Record<string, Partial<Record<SubjectGroup, number>>>;
  outputKind: 'risk_clue' | 'suspected_problem';
  riskTypes: string[];
  active: boolean;
  changeReason: string;
}

function EditRuleModal({ rule, onClose }: { rule: ComparisonRule; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  const appliesTo = Form.useWatch('appliesTo', form) ?? rule.appliesTo;
  const outputKind = Form.useWatch('outputKind', form) ?? rule.output.kind;
  const save = useMutation({
    mutationFn: (v: EditValues) => saveRule(rule.code, {
      baseVersion: rule.version, label: v.label, appliesTo: v.appliesTo,
      // Only the groups the rule applies to carry a threshold.
      thresholds: Object.fromEntries(Object.entries(v.thresholds ?? {}).map(([n, byGroup]) => [n, Object.fromEntries(v.appliesTo.filter((g) => byGroup?.[g] != null).map((g) => [g, byGroup![g]!]))])),
      output: v.outputKind === 'risk_clue' ? { kind: 'risk_clue', riskTypes: v.riskTypes ?? [] } : { kind: 'suspected_problem' },
      active: v.active, changeReason: v.changeReason,
    }),
  });
  const { errors, submit } = useFormSubmit(form, async (v) => {
    const saved = await save.mutateAsync(v);
    message.success(`已保存为新版本 v${saved.version}`);
    void qc.invalidateQueries({ queryKey: ['comparison'] });
    onClose();
  });
  const names = Object.keys(rule.thresholds ?? {});
  return (
    <Modal open title={`修改规则：${rule.label}（当前 v${rule.version}）`} width={720} onCancel={onClose} onOk={() => void submit()} okText="保存为新版本" confirmLoading={save.isPending} destroyOnHidden>
      <FormErrors messages={errors} />
      <Form<EditValues> form={form} layout="vertical" initialValues={{
        label: rule.label, appliesTo: rule.appliesTo, thresholds: rule.thresholds, outputKind: rule.output.kind, riskTypes: rule.output.riskTypes ?? [], active: rule.active, changeReason: '',
      }}>
        <Form.Item name="label" label="规则名称" rules={[{ required: true, message: '须填写规则名称' }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="appliesTo" label="适用对象" rules={[{ required: true, message: '须选择适用对象' }]}>
          <Checkbox.Group options={GROUPS.map((g) => ({ value: g, label: GROUP_LABELS[g] }))} />
        </Form.Item>
        {names.map((n) => (
          <Form.Item key={n} label={`阈值「${n}」（按适用对象分别设置）`} required>
            <Space wrap>
              {GROUPS.filter((g) => appliesTo.includes(g)).map((g) => (
                <Form.Item key={g} name={['thresholds', n, g]} noStyle rules={[{ required: true, message: `请填写${GROUP_LABELS[g]}的阈值` }]}>
                  <InputNumber min={0} addonBefore={GROUP_LABELS[g]} style={{ width: 220 }} data-testid={`threshold-${n}-${g}`} />
                </Form.Item>
              ))}
            </Space>
          </Form.Item>
        ))}
        <Form.Item name="outputKind" label="输出">
          <Radio.Group options={[{ value: 'risk_clue', label: '风险线索' }, { value: 'suspected_problem', label: '疑似问题（推送核实）' }]} />
        </Form.Item>
        {outputKind === 'risk_clue' && (
          <Form.Item name="riskTypes" label="风险类型" rules={[{ required: true, message: '风险线索须至少指定一项风险类型' }]}>
            <CodeSelect list="riskType" mode="multiple" placeholder="选择风险类型" />
          </Form.Item>
        )}
        <Form.Item name="active" label="启用" valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="changeReason" label="修改原因" rules={[{ required: true, whitespace: true, message: '须填写修改原因' }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder="例如：按县联动办公室会议决定调整阈值" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function ComparisonRulesPage() {
  const { can } = useAuth();
  const manage = can('comparison_rule:manage');
  const q = useQuery({ queryKey: ['comparison', 'rules'], queryFn: fetchRules });
  const [editing, setEditing] = useState<ComparisonRule | null>(null);
  return (
    <Card>
      <PageTitle title="信息比对规则" />
      <Typography.Paragraph type="secondary">
        部门上传的数据按证件号码匹配后，逐条按所属类别的启用规则判断；命中即推送预警并写明命中原因。每次修改保存为新版本，旧版本保留，比对记录注明所用版本。
      </Typography.Paragraph>
      {q.isError && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      <Table<ComparisonRule> rowKey="code" loading={q.isPending} dataSource={q.data?.items ?? []} pagination={false} locale={{ emptyText: '暂无比对规则' }}
        expandable={{ expandedRowRender: (r) => <Versions code={r.code} />, expandRowByClick: false }}
        columns={[
          { title: '类别', dataIndex: 'familyLabel', width: 80 },
          { title: '规则', dataIndex: 'label', render: (v: string, r) => <Space direction="vertical" size={0}><span>{v}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.code}</Typography.Text></Space> },
          { title: '版本', width: 90, render: (_, r) => `v${r.version}（共${r.versionCount ?? 1}版）` },
          { title: '适用对象', width: 200, render: (_, r) => r.appliesTo.map((g) => GROUP_LABELS[g]).join('、') },
          { title: '阈值', width: 280, render: (_, r) => <ThresholdsText rule={r} /> },
          { title: '输出', width: 200, render: (_, r) => <OutputText rule={r} /> },
          { title: '状态', dataIndex: 'active', width: 80, render: (v: boolean) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          ...(manage ? [{ title: '', width: 80, render: (_: unknown, r: ComparisonRule) => <Button size="small" onClick={() => setEditing(r)} data-testid={`edit-${r.code}`}>修改</Button> }] : []),
        ]} />
      {editing && <EditRuleModal rule={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
