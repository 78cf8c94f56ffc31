import { CheckCircleFilled, ClockCircleOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Row, Select, Space, Spin, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { useAuth } from '../../app/auth';
import { AttachmentList, UploadAttachmentButton } from '../../components/AttachmentList';
import { CodeSelect } from '../../components/CodeSelect';
import { QueryError } from '../../components/QueryError';
import { PageTitle } from '../linkage/shared/PageTitle';
import { useCase, useSetFacts } from './api';
import { EliminationCriteria } from './EliminationCriteria';
import { DeadlineText, UrgencyTag } from './labels';
import { StepModal } from './StepModal';
import type { CaseAction, CaseDetail } from './types';

/** A case: household, deadlines, facts, the actions this user may take now (exactly the server's list), files, timeline. */
export default function CaseDetailPage() {
  const id = Number(useParams().id);
  const q = useCase(id);
  const [action, setAction] = useState<CaseAction | null>(null);
  if (q.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.isError) return <Card><QueryError error={q.error} onRetry={() => q.refetch()} /></Card>;
  const d = q.data;
  const c = d.case;
  const back = c.kind === 'identification' ? '/cases/identification' : '/cases/elimination';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <PageTitle
          backTo={back}
          title={<>{c.kindLabel}事项 #{c.id}：{d.household.headName ?? '（未登记户主）'}户</>}
          extra={<Flex gap={4} wrap><Tag color={c.terminal ? 'default' : 'blue'}>{c.stateLabel}</Tag>{c.paused && <Tag color="volcano">有 {c.openObjections} 条异议待处理（暂停）</Tag>}<UrgencyTag status={c.urgency} /></Flex>}
        />
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label="户编号"><Link to={`/households/${d.household.id}`}>{d.household.householdNo}</Link></Descriptions.Item>
          <Descriptions.Item label="乡镇 / 村">{d.household.townshipName} {d.household.villageName}</Descriptions.Item>
          <Descriptions.Item label="家庭人口">{d.household.memberCount} 人</Descriptions.Item>
          <Descriptions.Item label="户类型">{d.household.householdTypeLabel}</Descriptions.Item>
          <Descriptions.Item label="监测对象类别">{d.household.monitorCategoryLabel || '非监测对象'}</Descriptions.Item>
          <Descriptions.Item label="风险类型">{d.household.riskTypeLabels.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="发起日期">{c.openedOn}</Descriptions.Item>
          <Descriptions.Item label="进入当前环节">{c.stateEnteredOn}</Descriptions.Item>
          {c.closedOn && <Descriptions.Item label="办结日期">{c.closedOn}</Descriptions.Item>}
          {c.sourceWarningId && <Descriptions.Item label="来源预警"><Link to={`/warnings/${c.sourceWarningId}`}>预警 #{c.sourceWarningId}</Link></Descriptions.Item>}
        </Descriptions>
        {d.deadlines.length > 0 && (
          <Flex vertical gap={4} style={{ marginTop: 8 }}>
            {d.deadlines.map((x) => <span key={x.rule}><ClockCircleOutlined /> <DeadlineText d={x} /></span>)}
          </Flex>
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title="办理">
              {c.subSteps.length > 0 && (
                <Flex gap={12} wrap style={{ marginBottom: 12 }}>
                  {c.subSteps.map((s) => <Tag key={s.id} color={s.done ? 'green' : 'default'} icon={s.done ? <CheckCircleFilled /> : undefined}>{s.label}{s.done ? '（已完成）' : '（待办）'}</Tag>)}
                </Flex>
              )}
              {d.actions.length === 0 ? (
                <Typography.Text type="secondary">{c.terminal ? '该事项已办结。' : '当前环节没有您可以办理的操作。'}</Typography.Text>
              ) : (
                <Flex gap={8} wrap>
                  {d.actions.map((a) => (
                    <Tooltip key={a.event} title={a.blockedReason ?? undefined}>
                      <Button
                        type={['approved', 'completed'].includes(a.outcome) ? 'primary' : 'default'}
                        danger={['rejected', 'withdrawn'].includes(a.outcome)}
                        disabled={!!a.blockedReason}
                        onClick={() => setAction(a)}
                      >
                        {a.label}
                      </Button>
                    </Tooltip>
                  ))}
                </Flex>
              )}
              {d.actions.filter((a) => a.blockedReason).map((a) => <Alert key={a.event} type="warning" showIcon style={{ marginTop: 12 }} title={`${a.label}：暂不能办理`} description={a.blockedReason} />)}
            </Card>
            <FactsCard d={d} />
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <AttachmentsCard d={d} />
            {d.notices.length > 0 && (
              <Card title="公示公告">
                {d.notices.map((n) => (
                  <Flex key={n.id} justify="space-between" gap={8} wrap style={{ marginBottom: 8 }}>
                    <span>{n.title}{n.postedOn ? `（${n.postedOn} 张贴${n.periodTo ? `，公示至 ${n.periodTo}` : ''}）` : '（草稿）'}</span>
                    <a href={`/api/case-notices/${n.id}/print`} target="_blank" rel="noreferrer">打印</a>
                  </Flex>
                ))}
              </Card>
            )}
            <Card title="办理记录">
              <Timeline
                items={d.steps.map((s) => ({
                  color: s.outcome === 'rejected' || s.outcome === 'objection_raised' ? 'red' : s.outcome === 'overridden' ? 'orange' : 'blue',
                  children: (
                    <div>
                      <div><b>{s.label}</b>（{s.outcomeLabel}）</div>
                      <Typography.Text type="secondary">{s.on} · {s.actorName ?? '系统'}</Typography.Text>
                      {s.remarks && <div>{s.remarks}</div>}
                      {s.bypassedGuards.length > 0 && <div><Tag color="orange">依据县级越过标准的决定办理</Tag></div>}
                      {s.attachments.length > 0 && (
                        <div>{s.attachments.map((a) => <a key={a} href={`/api/attachments/${a}`} target="_blank" rel="noreferrer" style={{ marginRight: 8 }}><PaperClipOutlined />{d.attachments.find((x) => x.id === a)?.fileName ?? `附件${a}`}</a>)}</div>
                      )}
                    </div>
                  ),
                }))}
              />
            </Card>
          </Space>
        </Col>
      </Row>
      <StepModal detail={d} action={action} onClose={() => setAction(null)} />
    </Space>
  );
}

function AttachmentsCard({ d }: { d: CaseDetail }) {
  const { can } = useAuth();
  const q = useCase(d.case.id);
  return (
    <Card
      title="附件"
      extra={can('monitoring_case:update') && !d.case.terminal && (
        <UploadAttachmentButton path={`/cases/${d.case.id}/attachments`} label="上传" onUploaded={() => q.refetch()} />
      )}
    >
      <AttachmentList items={d.attachments} emptyText="暂无附件（入户核实表、评议记录、承诺授权书等，JPEG/PNG/WebP/PDF，不超过 5 MB）" />
    </Card>
  );
}

/** 识别纳入: 承诺授权书 and the category / risk types for 录入建档; 风险消除: the criteria of today. */
function FactsCard({ d }: { d: CaseDetail }) {
  const { can, user } = useAuth();
  const { message } = App.useApp();
  const setFacts = useSetFacts(d.case.id);
  const [form] = Form.useForm<{ monitorCategory?: string; riskTypes?: string[]; authorizationAttachmentId?: number }>();
  if (d.case.kind === 'elimination') {
    return (
      <Card title="风险消除标准核查（按今天的数据）">
        {d.evaluation ? <EliminationCriteria evaluation={d.evaluation} /> : (
          <Typography.Text>{d.facts.eligible ? '办结时符合风险消除标准' : `办结时未全部满足标准${(d.facts.overrides as string[] | undefined)?.length ? '（县级决定越过）' : ''}`}</Typography.Text>
        )}
        {(d.case.overrides ?? []).length > 0 && <Alert type="warning" showIcon style={{ marginTop: 12 }} title="县联动办公室已登记理由，决定越过未满足的标准" />}
      </Card>
    );
  }
  const f = d.facts as { authorizationSigned: boolean; helperAssigned: boolean; monitorCategory: string | null; monitorCategoryLabel: string; riskTypes: string[]; riskTypeLabels: string[] };
  const editable = can('monitoring_case:update') && !d.case.terminal;
  const save = async (body: Parameters<typeof setFacts.mutateAsync>[0]) => {
    try {
      await setFacts.mutateAsync(body);
      message.success('已保存');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card title="核实信息">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="承诺授权书">{f.authorizationSigned ? <Tag color="green">已签署</Tag> : <Tag color="orange">未签署</Tag>}</Descriptions.Item>
        <Descriptions.Item label="帮扶责任人">{f.helperAssigned ? <Tag color="green">已明确</Tag> : <Tag color="orange">未明确（县级审批前须明确）</Tag>}</Descriptions.Item>
        <Descriptions.Item label="拟定类别">{f.monitorCategoryLabel || '未确定'}</Descriptions.Item>
        <Descriptions.Item label="风险类型">{f.riskTypeLabels.join('、') || '—'}</Descriptions.Item>
      </Descriptions>
      {editable && (
        <Form form={form} layout="vertical" initialValues={{ monitorCategory: f.monitorCategory ?? undefined, riskTypes: f.riskTypes }} style={{ marginTop: 12 }}>
          {user?.role === 'village_cadre' && !f.authorizationSigned && (
            <Flex gap={8} wrap align="end">
              <Form.Item name="authorizationAttachmentId" label="承诺授权书（先在“附件”中上传扫描件或照片）" style={{ minWidth: 240, flex: 1 }}>
                <Select placeholder="选择附件" options={d.attachments.map((a) => ({ value: a.id, label: a.fileName }))} />
              </Form.Item>
              <Form.Item>
                <Button loading={setFacts.isPending} onClick={() => save({ authorizationSigned: true, authorizationAttachmentId: form.getFieldValue('authorizationAttachmentId') ?? null, expectedVersion: d.case.version })}>登记已签署</Button>
              </Form.Item>
            </Flex>
          )}
          <Flex gap={8} wrap align="end">
            <Form.Item name="monitorCategory" label="监测对象类别" style={{ minWidth: 200 }}>
              <CodeSelect list="monitorCategory" placeholder="请选择" />
            </Form.Item>
            <Form.Item name="riskTypes" label="风险类型（1-5项）" style={{ minWidth: 260, flex: 1 }}>
              <CodeSelect list="riskType" mode="multiple" maxCount={5} placeholder="请选择" />
            </Form.Item>
            <Form.Item>
              <Button loading={setFacts.isPending} onClick={() => save({ monitorCategory: form.getFieldValue('monitorCategory') ?? null, riskTypes: form.getFieldValue('riskTypes') ?? [], expectedVersion: d.case.version })}>保存类别和风险</Button>
            </Form.Item>
          </Flex>
        </Form>
      )}
    </Card>
  );
}
