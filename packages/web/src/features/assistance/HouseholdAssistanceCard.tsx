/** Household page card: 帮扶 — current helper (assign / reassign, history), the help plan, recent visits. */
import { Button, Card, Descriptions, Empty, Flex, List, Modal, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { QueryError } from '../../components/QueryError';
import { useAssignments, useHouseholdAssistance } from './api';
import { AssignHelperButton } from './AssignHelperButton';
import { DeadlineTag, FOUR_ONE, FindingTag, VISIT_KIND } from './labels';
import { PlanCreateButton } from './PlanCreateButton';

export function HouseholdAssistanceCard({ householdId }: { householdId: number }) {
  const { can } = useAuth();
  const q = useHouseholdAssistance(householdId);
  const [history, setHistory] = useState(false);
  const d = q.data;
  return (
    <Card
      title="帮扶（帮扶责任人 · 帮扶计划 · 走访）"
      extra={d && (
        <Flex gap={8} wrap>
          {d.canAssign && <AssignHelperButton householdId={householdId} currentHelper={d.helper ? { id: d.helper.id, name: d.helper.name } : null} />}
          {d.canVisit && <Link to={`/assistance/visits/new?householdId=${householdId}`}><Button type="primary">登记走访</Button></Link>}
        </Flex>
      )}
    >
      {q.isPending && <Spin />}
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {d && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label="帮扶责任人">
              {d.helper ? (
                <Flex vertical gap={2}>
                  <span>{d.helper.name}（{d.helper.unit}{d.helper.position ? ` ${d.helper.position}` : ''}）</span>
                  <Typography.Text type="secondary">{d.helper.phone ?? '未登记电话'}，{d.helper.assignedOn} 起</Typography.Text>
                </Flex>
              ) : <Tag color="orange">尚未分配</Tag>}
              <div><Button type="link" size="small" style={{ padding: 0 }} onClick={() => setHistory(true)}>分配历史</Button></div>
            </Descriptions.Item>
            <Descriptions.Item label="最近走访">
              <Flex gap={4} wrap align="center">
                {d.visitOverdue ? <Tag color="red">{d.visitText}</Tag> : <span>{d.lastVisitOn}（{d.visitText}）</span>}
              </Flex>
            </Descriptions.Item>
          </Descriptions>

          {d.plan ? (
            <Flex vertical gap={4}>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>帮扶计划</Typography.Text>
                <Link to={`/assistance/plans/${d.plan.id}`}>#{d.plan.id}（{d.plan.madeOn} 制定）</Link>
                <FindingTag finding={d.plan.finding} />
                {d.plan.deadline && <DeadlineTag status={d.plan.deadline.status} />}
              </Flex>
              <Typography.Text>措施：已落实 {d.plan.implemented} 项，计划中 {d.plan.planned} 项{d.plan.cancelled ? `，已取消 ${d.plan.cancelled} 项` : ''}</Typography.Text>
              {!d.plan.finding.ok && <Typography.Text type="warning">{d.plan.finding.message}</Typography.Text>}
              {d.plan.deadline && <Typography.Text type="secondary">{d.plan.deadline.text}</Typography.Text>}
            </Flex>
          ) : d.pendingPlan ? (
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>帮扶计划</Typography.Text>
              <DeadlineTag status={d.pendingPlan.status} />
              <Typography.Text>{d.pendingPlan.approvedOn} 县级审批，{d.pendingPlan.text}</Typography.Text>
              {d.canManagePlan && <PlanCreateButton householdId={householdId} />}
            </Flex>
          ) : can('help_plan:read') ? (
            <Flex gap={8} wrap align="center">
              <Typography.Text type="secondary">暂无执行中的帮扶计划</Typography.Text>
              {d.canManagePlan && <PlanCreateButton householdId={householdId} />}
            </Flex>
          ) : null}

          {can('visit:read') && (
            d.visits.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无走访记录" /> : (
              <List
                size="small"
                header={<Flex justify="space-between"><Typography.Text strong>走访记录</Typography.Text><Link to={`/assistance/visits?householdId=${householdId}`}>全部</Link></Flex>}
                dataSource={d.visits}
                renderItem={(v) => (
                  <List.Item>
                    <Flex vertical gap={2}>
                      <Flex gap={8} wrap>
                        <span>{v.visitedOn}</span>
                        <Tag>{VISIT_KIND[v.kind] ?? v.kind}</Tag>
                        <Typography.Text type="secondary">{v.helperName ?? v.visitorName ?? ''}</Typography.Text>
                        {v.attachments > 0 && <Typography.Text type="secondary">照片 {v.attachments} 张</Typography.Text>}
                      </Flex>
                      {v.fourOnes.length > 0 && <Typography.Text type="secondary">"四个一"：{v.fourOnes.map((f) => FOUR_ONE[f] ?? f).join('、')}</Typography.Text>}
                      {v.notes && <Typography.Text>{v.notes}</Typography.Text>}
                    </Flex>
                  </List.Item>
                )}
              />
            )
          )}
        </Flex>
      )}
      {history && <AssignmentHistory householdId={householdId} onClose={() => setHistory(false)} />}
    </Card>
  );
}

function AssignmentHistory({ householdId, onClose }: { householdId: number; onClose: () => void }) {
  const q = useAssignments(householdId);
  return (
    <Modal open title="帮扶责任人分配历史" footer={null} onCancel={onClose} width={720}>
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      <Table
        rowKey="id"
        size="small"
        loading={q.isPending}
        pagination={false}
        dataSource={q.data?.items}
        locale={{ emptyText: '尚未分配过帮扶责任人' }}
        columns={[
          { title: '帮扶责任人', dataIndex: 'helperName', render: (v: string, r) => `${v}（${r.helperUnit}）` },
          { title: '起', dataIndex: 'assignedOn', width: 110 },
          { title: '止', dataIndex: 'endedOn', width: 110, render: (v: string | null) => v ?? <Tag color="green">当前</Tag> },
          { title: '原因', dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
          { title: '操作人', dataIndex: 'assignedByName', width: 100, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Modal>
  );
}
