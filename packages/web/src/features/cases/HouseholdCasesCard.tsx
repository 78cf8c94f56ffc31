/** Household page card: 监测事项 (identification / elimination cases), 发起识别纳入 / 申请风险消除 / 消除条件核查, 风险消除回退. */
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, List, Modal, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { CodeSelect } from '../../components/CodeSelect';
import { FormErrors } from '../../components/form/FormErrors';
import { useFormSubmit } from '../../components/form/useFormSubmit';
import { QueryError } from '../../components/QueryError';
import { serverNow } from '../../lib/today';
import { useEliminationCheck, useHouseholdCases, useOpenElimination, useOpenIdentification, useRollback } from './api';
import { EliminationCriteria } from './EliminationCriteria';
import { DeadlineText, UrgencyTag } from './labels';

export function HouseholdCasesCard({ householdId }: { householdId: number }) {
  const { can } = useAuth();
  const q = useHouseholdCases(householdId);
  const [dialog, setDialog] = useState<'identify' | 'eliminate' | 'check' | 'rollback' | null>(null);
  if (!can('monitoring_case:read')) return null;
  const d = q.data;
  const handler = can('monitoring_case:create');
  return (
    <Card
      title="监测事项（识别纳入 / 风险消除）"
      extra={d && (
        <Flex gap={8} wrap>
          {handler && d.canOpenIdentification && <Button onClick={() => setDialog('identify')}>发起识别纳入</Button>}
          {handler && d.canOpenElimination && <Button onClick={() => setDialog('eliminate')}>申请风险消除</Button>}
          {d.household.monitorCategory && <Button onClick={() => setDialog('check')}>消除条件核查</Button>}
          {can('monitoring_case:manage') && d.canRollback && <Button danger onClick={() => setDialog('rollback')}>风险消除回退</Button>}
        </Flex>
      )}
    >
      {q.isPending && <Spin />}
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {d && (
        <>
          {d.household.riskEliminated && <Typography.Paragraph><Tag color="green">已标注风险消除</Tag>{d.household.eliminatedOn}（{d.household.eliminationMethod === 'assisted' ? '帮扶消除' : '自然消除'}）</Typography.Paragraph>}
          {d.cases.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无识别纳入或风险消除事项" /> : (
            <List
              size="small"
              dataSource={d.cases}
              renderItem={(c) => (
                <List.Item>
                  <Flex vertical gap={2} style={{ width: '100%' }}>
                    <Flex gap={8} wrap align="center">
                      <Link to={`/cases/${c.id}`}>{c.kindLabel} #{c.id}</Link>
                      <Tag color={c.terminal ? 'default' : 'blue'}>{c.stateLabel}</Tag>
                      {c.paused && <Tag color="volcano">异议暂停</Tag>}
                      <UrgencyTag status={c.urgency} />
                      <Typography.Text type="secondary">{c.openedOn} 发起{c.closedOn ? `，${c.closedOn} 办结` : ''}</Typography.Text>
                    </Flex>
                    {c.deadlines[0] && <DeadlineText d={c.deadlines[0]} />}
                  </Flex>
                </List.Item>
              )}
            />
          )}
          {d.rollbacks.length > 0 && (
            <>
              <Typography.Title level={5}>风险消除回退记录</Typography.Title>
              {d.rollbacks.map((r) => <div key={r.id}>{r.on} {r.byName ?? ''}：{r.reason}（原消除时间 {r.previous.eliminatedOn ?? '—'}）</div>)}
            </>
          )}
        </>
      )}
      <IdentifyModal open={dialog === 'identify'} householdId={householdId} onClose={() => setDialog(null)} />
      <EliminateModal open={dialog === 'eliminate'} householdId={householdId} onClose={() => setDialog(null)} />
      <CheckModal open={dialog === 'check'} householdId={householdId} onClose={() => setDialog(null)} />
      <RollbackModal open={dialog === 'rollback'} householdId={householdId} onClose={() => setDialog(null)} />
    </Card>
  );
}

function IdentifyModal({ open, householdId, onClose }: { open: boolean; householdId: number; onClose: () => void }) {
  const [form] = Form.useForm<{ riskTypes: string[]; clueOn?: dayjs.Dayjs; remarks?: string }>();
  const m = useOpenIdentification();
  const navigate = useNavigate();
  const { errors, submit } = useFormSubmit(form, async (v) => {
    const r = await m.mutateAsync({ householdId, riskTypes: v.riskTypes, clueOn: v.clueOn ? v.clueOn.format('YYYY-MM-DD') : null, remarks: v.remarks?.trim() || null });
    onClose();
    navigate(`/cases/${r.case.id}`);
  });
  return (
    <Modal open={open} title="发起识别纳入" okText="发起" cancelText="取消" onOk={submit} confirmLoading={m.isPending} onCancel={onClose} destroyOnHidden>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="riskTypes" label="风险类型（1-5项）" rules={[{ required: true, message: '请至少选择一项风险类型' }]}>
          <CodeSelect list="riskType" mode="multiple" maxCount={5} placeholder="请选择" />
        </Form.Item>
        <Form.Item name="clueOn" label="线索发现日期（15天办理时限自此起算，默认今天）">
          <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(serverNow(), 'day')} />
        </Form.Item>
        <Form.Item name="remarks" label="线索说明">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EliminateModal({ open, householdId, onClose }: { open: boolean; householdId: number; onClose: () => void }) {
  const [form] = Form.useForm<{ remarks?: string }>();
  const m = useOpenElimination();
  const check = useEliminationCheck(householdId, open);
  const navigate = useNavigate();
  const { errors, submit } = useFormSubmit(form, async (v) => {
    const r = await m.mutateAsync({ householdId, remarks: v.remarks?.trim() || null });
    onClose();
    navigate(`/cases/${r.case.id}`);
  });
  return (
    <Modal open={open} title="申请风险消除" okText="发起" cancelText="取消" onOk={submit} confirmLoading={m.isPending} onCancel={onClose} width={680} destroyOnHidden>
      <FormErrors messages={errors} />
      {check.data && <EliminationCriteria evaluation={check.data.evaluation} stabilityMonths={check.data.stabilityMonths} />}
      <Form form={form} layout="vertical" preserve={false} style={{ marginTop: 12 }}>
        <Form.Item name="remarks" label="申请说明">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CheckModal({ open, householdId, onClose }: { open: boolean; householdId: number; onClose: () => void }) {
  const check = useEliminationCheck(householdId, open);
  return (
    <Modal open={open} title={`风险消除条件核查${check.data ? `（${check.data.assessedOn}）` : ''}`} footer={null} onCancel={onClose} width={680} destroyOnHidden>
      {check.isPending && <Spin />}
      {check.isError && <QueryError error={check.error} />}
      {check.data && <EliminationCriteria evaluation={check.data.evaluation} stabilityMonths={check.data.stabilityMonths} />}
    </Modal>
  );
}

function RollbackModal({ open, householdId, onClose }: { open: boolean; householdId: number; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const m = useRollback(householdId);
  const { message } = App.useApp();
  const { errors, submit } = useFormSubmit(form, async (v) => {
    await m.mutateAsync(v.reason);
    message.success('已回退为未消除');
    onClose();
  });
  return (
    <Modal open={open} title="风险消除回退" okText="确认回退" okButtonProps={{ danger: true }} cancelText="取消" onOk={submit} confirmLoading={m.isPending} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">回退后该户恢复为“风险未消除”的监测对象，记入农户变更历史和审计日志。如需重新识别纳入，可另行发起识别纳入。</Typography.Paragraph>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label="回退理由" rules={[{ required: true, whitespace: true, message: '请填写回退理由' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
