/** A village's list of households to visit in a round, with a phone-friendly form to record each visit. */
import { Alert, Button, Card, Form, Input, List, Modal, Radio, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { CodeSelect } from '../../components/CodeSelect';
import { FormErrors } from '../../components/form/FormErrors';
import { useFormSubmit } from '../../components/form/useFormSubmit';
import { QueryError } from '../../components/QueryError';
import { useUrlQuery } from '../../lib/useUrlQuery';
import { usePlan, useRecordVisit, type PlanHousehold } from './api';

interface VisitValues { result: 'no_risk' | 'risk_found'; riskTypes?: string[]; note?: string }

function VisitModal({ roundId, household, onClose }: { roundId: number; household: PlanHousehold | null; onClose: () => void }) {
  const [form] = Form.useForm<VisitValues>();
  const record = useRecordVisit(roundId);
  const result = Form.useWatch('result', form);
  const { errors, submit } = useFormSubmit(form, async (v) => {
    const r = await record.mutateAsync({ householdId: household!.id, result: v.result, riskTypes: v.result === 'risk_found' ? v.riskTypes ?? [] : [], note: v.note });
    Modal.success({ title: r.warningId ? '已记录，并生成预警线索交乡镇核实' : '已记录走访结果' });
    form.resetFields();
    onClose();
  });
  return (
    <Modal open={!!household} title={`记录走访：${household?.headName ?? household?.householdNo ?? ''}`} onCancel={onClose} onOk={submit} okText="保存" confirmLoading={record.isPending} destroyOnHidden>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" initialValues={{ result: 'no_risk' }}>
        <Form.Item name="result" label="走访结果" rules={[{ required: true, message: '请选择走访结果' }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'no_risk', label: '未发现风险' }, { value: 'risk_found', label: '发现风险' }]} />
        </Form.Item>
        {result === 'risk_found' && (
          <Form.Item name="riskTypes" label="风险类型" rules={[{ required: true, message: '发现风险时请至少选择一项风险类型' }]}>
            <CodeSelect list="riskType" mode="multiple" maxCount={5} placeholder="选择风险类型" />
          </Form.Item>
        )}
        <Form.Item name="note" label="走访情况" rules={[{ required: result === 'risk_found', whitespace: true, message: '发现风险时请简要说明情况' }, { max: 500, message: '走访情况说明不能超过500字' }]}>
          <Input.TextArea rows={3} placeholder="家庭收入、住房、就医、上学、饮水等情况" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function ScreeningVillagePage() {
  const roundId = Number(useParams().id);
  const village = useParams().village ?? '';
  const { can } = useAuth();
  const { filters, page, pageSize, update } = useUrlQuery(['status', 'q'] as const);
  const plan = usePlan(roundId, { village, status: filters.status, q: filters.q, page, pageSize });
  const [visiting, setVisiting] = useState<PlanHousehold | null>(null);
  const d = plan.data;
  const open = d?.round.phase === 'open';
  return (
    <Card title={d ? `${d.village.name} · ${d.round.name}` : '走访名单'} extra={<Link to={`/screening/${roundId}`}>返回排查进度</Link>}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented value={filters.status ?? 'all'} onChange={(v) => update({ status: v === 'all' ? null : String(v) })}
          options={[{ value: 'all', label: '全部' }, { value: 'pending', label: '未走访' }, { value: 'visited', label: '已走访' }]} />
        <Input.Search allowClear placeholder="户主姓名或户编号" defaultValue={filters.q} onSearch={(v) => update({ q: v || null })} style={{ width: 220 }} />
      </Space>
      {d && !open && <Alert type="info" showIcon title={`本轮排查${d.round.phaseLabel}（${d.round.startsOn} 至 ${d.round.endsOn}），不能记录走访结果`} style={{ marginBottom: 12 }} />}
      {plan.isError && <QueryError error={plan.error} onRetry={() => plan.refetch()} />}
      <List<PlanHousehold>
        loading={plan.isFetching}
        dataSource={d?.items}
        locale={{ emptyText: '名单中暂无农户' }}
        pagination={d ? { current: page, pageSize, total: d.total, onChange: (p, s) => update({ page: p, pageSize: s }), showTotal: (t) => `共 ${t} 户`, size: 'small' } : false}
        renderItem={(h) => (
          <List.Item actions={[
            h.visit
              ? <Tag color={h.visit.result === 'risk_found' ? 'red' : 'green'}>{h.visit.resultLabel}</Tag>
              : can('screening:update') && open ? <Button type="primary" size="small" onClick={() => setVisiting(h)}>记录走访</Button> : <Tag>未走访</Tag>,
          ]}>
            <List.Item.Meta
              title={<Space wrap><Link to={`/households/${h.id}`}>{h.headName ?? '—'}</Link><Typography.Text type="secondary">{h.householdNo}</Typography.Text>
                {h.householdType === 'alleviated' && <Tag>脱贫户</Tag>}{h.monitorCategory && <Tag color="orange">监测户</Tag>}{h.hasOpenWarning && <Tag color="red">有未办结预警</Tag>}</Space>}
              description={h.visit && (
                <span>{h.visit.visitedOn} {h.visit.visitedBy ?? ''}{h.visit.riskTypeLabels.length ? ` · ${h.visit.riskTypeLabels.join('、')}` : ''}{h.visit.note ? ` · ${h.visit.note}` : ''}
                  {h.visit.warningId && <> · <Link to={`/warnings/${h.visit.warningId}`}>查看预警</Link></>}</span>
              )}
            />
          </List.Item>
        )}
      />
      <VisitModal roundId={roundId} household={visiting} onClose={() => setVisiting(null)} />
    </Card>
  );
}
