/** 预警详情: the subject, why it was flagged, the verification deadline, the steps, the actions the user may take, evidence. */
import { Alert, Button, Card, Col, Descriptions, Empty, List, Row, Space, Spin, Timeline, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { AttachmentList } from '../../components/AttachmentList';
import { QueryError } from '../../components/QueryError';
import { hasPermission } from '../../app/permissions';
import { useAuth } from '../../app/auth';
import { formatDateTime } from '../../lib/format';
import { useRoleLabel } from '../reference/useCodes';
import { PageTitle } from '../linkage/shared/PageTitle';
import { refreshWarning, useWarning } from './api';
import { DeadlineTag, StateTag } from './labels';
import { WarningActionModal } from './WarningActionModal';
import { HitExplanation } from './HitExplanation';
import type { WarningAction } from './types';

export default function WarningDetailPage() {
  const id = Number(useParams().id);
  const { user } = useAuth();
  const qc = useQueryClient();
  const q = useWarning(id);
  const roleLabel = useRoleLabel();
  const [action, setAction] = useState<WarningAction | null>(null);

  if (q.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (q.isError) return <Card><PageTitle title="预警详情" backTo="/warnings" /><QueryError error={q.error} onRetry={() => q.refetch()} /></Card>;
  const d = q.data;
  const w = d.warning;
  const open = !w.closedOn;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <PageTitle title={<span>预警 {w.id}：{w.title}</span>} backTo="/warnings" extra={<StateTag state={w.state} label={w.stateLabel} />} />
        <Descriptions column={{ xs: 1, md: 2, lg: 3 }} size="small" bordered>
          <Descriptions.Item label="预警对象">{w.subjectName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="证件号码">{w.subjectIdNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="所属村">{w.townshipName} {w.villageName}</Descriptions.Item>
          <Descriptions.Item label="关联农户">
            {d.household ? <Link to={`/households/${d.household.id}`}>{d.household.householdNo}（户主 {d.household.headName ?? '—'}，{d.household.memberCount} 人{d.household.monitored ? '，监测对象' : ''}）</Link> : w.rosterPersonId ? '农村人口底册人员（未在户籍台账建档）' : '未建档'}
          </Descriptions.Item>
          <Descriptions.Item label="来源">{w.sourceLabel}{w.departmentName ? ` · ${w.departmentName}` : ''}</Descriptions.Item>
          <Descriptions.Item label="风险类型">{w.riskTypeLabels.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="推送日期">{w.openedOn}{w.createdBy ? `（${w.createdBy}）` : ''}</Descriptions.Item>
          <Descriptions.Item label="核实时限"><DeadlineTag d={w.deadline} open={open} /> <Typography.Text type="secondary">{w.deadline.text}</Typography.Text></Descriptions.Item>
          <Descriptions.Item label="办结日期">{w.closedOn ?? '—'}</Descriptions.Item>
          {w.outcomeRemarks && <Descriptions.Item label="核实结论" span={3}>{w.outcomeRemarks}</Descriptions.Item>}
          {w.duplicateOf && <Descriptions.Item label="重复于">{/^\d+$/.test(w.duplicateOf) ? <Link to={`/warnings/${w.duplicateOf}`}>预警 {w.duplicateOf}</Link> : `案件 ${w.duplicateOf}`}</Descriptions.Item>}
          {d.linkedCase && <Descriptions.Item label="识别纳入案件"><Link to={`/cases/${d.linkedCase.id}`}>案件 {d.linkedCase.id}</Link>{d.linkedCase.terminal ? '（已办结）' : '（办理中）'}</Descriptions.Item>}
          {w.departmentCode && <Descriptions.Item label="部门加分">{d.credit.counts ? `+${d.credit.points}（${d.credit.reason}）${d.credit.written ? '' : '，待记录'}` : d.credit.reason}</Descriptions.Item>}
          {w.description && <Descriptions.Item label="情况说明" span={3}>{w.description}</Descriptions.Item>}
        </Descriptions>
        {open && d.actions.length > 0 && (
          <Space wrap style={{ marginTop: 16 }} data-testid="warning-actions">
            {d.actions.map((a) => (
              <Button key={a.event} type={a.event === 'include' || a.event === 'start_verification' ? 'primary' : 'default'} danger={a.outcome === 'rejected'}
                disabled={!!a.blockedReason} title={a.blockedReason ?? undefined} onClick={() => setAction(a)}>
                {a.label}
              </Button>
            ))}
          </Space>
        )}
        {open && d.actions.length === 0 && hasPermission(user, 'warning:update') && <Alert style={{ marginTop: 16 }} type="info" showIcon title="当前没有您可以办理的操作" />}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="预警依据（为什么被预警）" size="small">
            {d.hits.length ? <List dataSource={d.hits} renderItem={(h) => <List.Item><HitExplanation h={h} /></List.Item>} /> : <Empty description="暂无预警依据" />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="办理记录" size="small">
            <Timeline
              data-testid="warning-steps"
              items={d.steps.map((s) => ({
                color: s.outcome === 'rejected' ? 'red' : s.outcome === 'approved' ? 'green' : 'blue',
                children: (
                  <div>
                    <Typography.Text strong>{s.label}</Typography.Text>（{s.outcomeLabel}）
                    <div><Typography.Text type="secondary">{s.actorName ?? '—'} · {roleLabel(s.actorRole)} · {formatDateTime(s.at)}</Typography.Text></div>
                    {s.remarks && <div>{s.remarks}</div>}
                    {s.attachments.length > 0 && <div>附件：{s.attachments.map((a) => <a key={a} href={`/api/attachments/${a}`} target="_blank" rel="noopener" style={{ marginRight: 8 }}>{d.attachments.find((x) => x.id === a)?.fileName ?? `附件${a}`}</a>)}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
          <Card title="佐证材料" size="small" style={{ marginTop: 16 }}>
            <AttachmentList
              items={d.attachments}
              upload={open && hasPermission(user, 'warning:create') ? { path: `/warnings/${w.id}/attachments`, onUploaded: () => refreshWarning(qc, w.id) } : undefined}
            />
          </Card>
        </Col>
      </Row>
      <WarningActionModal detail={d} action={action} onClose={() => setAction(null)} />
    </Space>
  );
}
