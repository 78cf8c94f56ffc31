/** Household page card: 月度任务与评估 and the open 数据质量问题 of one household. */
import { Card, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useAuth } from '../../app/auth';
import { hasPermission } from '../../app/permissions';
import { QueryError } from '../../components/QueryError';
import { OUTCOME_LABELS, STATUS_LABELS, useHouseholdFindings, useHouseholdFollowup, type Assessment, type FollowupTask } from './api';
import { FixLinks, SeverityTag } from './QualityPage';

const yesNeeds = (a: Assessment) =>
  [a.housingUnsafe && '住房', a.schoolingDropout && '义务教育', a.medicalUninsured && '医保', a.waterUnsafe && '饮水'].filter(Boolean).join('、') || '无';

export function HouseholdFollowupCard({ householdId }: { householdId: number }) {
  const { user } = useAuth();
  const canTasks = hasPermission(user, 'followup_task:read');
  const canFindings = hasPermission(user, 'quality_check:read');
  const followup = useHouseholdFollowup(householdId, canTasks);
  const findings = useHouseholdFindings(householdId, canFindings);
  if (!canTasks && !canFindings) return null;
  const open = findings.data?.items.filter((f) => !f.resolvedOn) ?? [];
  return (
    <Card title="月度跟踪与数据质量" size="small">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {canFindings && (
          <div>
            <Typography.Text strong>数据质量问题（未解决 {open.length} 条）</Typography.Text>
            {findings.isError && <QueryError error={findings.error} />}
            {open.length === 0 && !findings.isPending ? (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                {findings.data?.lastRun ? '最近一次检查未发现问题' : '尚未运行数据质量检查'}
              </Typography.Paragraph>
            ) : (
              <List size="small" loading={findings.isPending} dataSource={open}
                renderItem={(f) => (
                  <List.Item actions={[<FixLinks key="fix" f={f} />]}>
                    <Space size={4} wrap><SeverityTag s={f.severity} /><b>{f.ruleName}</b><span>{f.message}</span><Typography.Text type="secondary">（{f.firstSeenOn} 起）</Typography.Text></Space>
                  </List.Item>
                )} />
            )}
          </div>
        )}
        {canTasks && (
          <div>
            <Typography.Text strong>月度任务</Typography.Text>
            {followup.isError && <QueryError error={followup.error} />}
            <Table<FollowupTask>
              rowKey="id" size="small" pagination={false} loading={followup.isPending} dataSource={followup.data?.tasks.slice(0, 6)}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有月度任务（非监测户不生成）" /> }}
              columns={[
                { title: '月份', dataIndex: 'month' },
                { title: '任务', dataIndex: 'kindLabel' },
                { title: '状态', dataIndex: 'status', render: (v: string) => <Tag color={v === 'done' ? 'green' : v === 'open' ? 'orange' : 'default'}>{STATUS_LABELS[v] ?? v}</Tag> },
                { title: '结果', dataIndex: 'outcome', render: (v: string | null) => (v ? OUTCOME_LABELS[v] ?? v : '—') },
              ]}
            />
            {!!followup.data?.assessments.length && (
              <Table<Assessment>
                style={{ marginTop: 8 }} rowKey="id" size="small" pagination={false} dataSource={followup.data.assessments.slice(0, 6)}
                columns={[
                  { title: '评估月份', dataIndex: 'month' },
                  { title: '人均纯收入（元/年）', dataIndex: 'perCapitaNetIncome', render: (v: number | null) => (v == null ? '—' : v.toLocaleString()) },
                  { title: '三保障/饮水问题', key: 'needs', render: (_: unknown, a) => yesNeeds(a) },
                  { title: '新风险', dataIndex: 'newRiskTypes', render: (v: string[]) => (v.length ? v.length + ' 项' : '无') },
                  { title: '评估人', dataIndex: 'assessedByName', render: (v: string | null) => v ?? '—' },
                ]}
              />
            )}
          </div>
        )}
      </Space>
    </Card>
  );
}
