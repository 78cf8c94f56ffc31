/** 月度任务: 已消除月排查 and 未消除月评估 of the month, by area and status, with the forms that complete them. */
import { Button, Card, Col, Input, Popconfirm, Row, Select, Space, Statistic, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { AreaTreeSelect } from '../../components/AreaTreeSelect';
import { QueryError } from '../../components/QueryError';
import { tablePagination } from '../../components/table/tablePagination';
import { useAuth } from '../../app/auth';
import { hasPermission } from '../../app/permissions';
import { errorMessage } from '../../api/client';
import { serverNow } from '../../lib/today';
import { useUrlQuery } from '../../lib/useUrlQuery';
import { fmtTime, OUTCOME_LABELS, STATUS_LABELS, useGenerateTasks, useTasks, type FollowupTask } from './api';
import { TaskFormModal } from './TaskForms';

const KEYS = ['month', 'kind', 'status', 'areaCode', 'q'] as const;

function recentMonths(n: number): string[] {
  const out: string[] = [];
  const now = serverNow();
  for (let i = 0; i < n; i++) out.push(now.subtract(i, 'month').format('YYYY-MM'));
  return out;
}

export default function TasksPage() {
  const { user } = useAuth();
  const { filters, page, pageSize, update } = useUrlQuery(KEYS);
  const month = filters.month ?? serverNow().format('YYYY-MM');
  const tasks = useTasks({ ...filters, month, page, pageSize });
  const generate = useGenerateTasks();
  const [open, setOpen] = useState<FollowupTask | null>(null);
  const canWork = hasPermission(user, 'followup_task:update');
  const canManage = hasPermission(user, 'followup_task:manage');
  const d = tasks.data;
  const today = serverNow().format('YYYY-MM-DD');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>月度任务（已消除月排查 / 未消除月评估）</Typography.Title>
        <Typography.Paragraph type="secondary">
          系统每天自动生成本月任务：风险已消除的监测户每月排查一次，未消除风险的监测户每月评估一次。
          {d?.lastRun ? ` 最近一次生成：${fmtTime(d.lastRun.startedAt)}（${d.lastRun.period}，${d.lastRun.status === 'failed' ? `失败：${d.lastRun.error}` : '成功'}）` : ''}
        </Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select value={month} style={{ width: 120 }} onChange={(v) => update({ month: v })} options={recentMonths(12).map((m) => ({ value: m, label: m }))} />
          <Select allowClear placeholder="任务类型" style={{ width: 150 }} value={filters.kind} onChange={(v) => update({ kind: v })}
            options={[{ value: 'assessment', label: '未消除月评估' }, { value: 'revisit', label: '已消除月排查' }]} />
          <Select allowClear placeholder="状态" style={{ width: 120 }} value={filters.status} onChange={(v) => update({ status: v })}
            options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
          <AreaTreeSelect style={{ width: 220 }} value={filters.areaCode} onChange={(v) => update({ areaCode: v })} placeholder="区域（乡镇/村）" />
          <Input.Search allowClear placeholder="户主姓名或户编号" style={{ width: 220 }} defaultValue={filters.q} onSearch={(v) => update({ q: v.trim() })} />
          {canManage && (
            <Popconfirm title={`生成 ${month} 的月度任务？已有任务不会重复生成。`} okText="生成" cancelText="取消"
              onConfirm={async () => {
                try {
                  const r = await generate.mutateAsync(month);
                  message.success(`已生成：月排查 ${r.revisit} 项、月评估 ${r.assessment} 项${r.cancelled ? `，取消 ${r.cancelled} 项` : ''}`);
                } catch (e) {
                  message.error(errorMessage(e));
                }
              }}>
              <Button loading={generate.isPending}>立即生成本月任务</Button>
            </Popconfirm>
          )}
        </Space>
        {tasks.isError && <QueryError error={tasks.error} onRetry={() => tasks.refetch()} />}
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={6}><Statistic title="任务总数" value={d?.total ?? 0} loading={tasks.isPending} /></Col>
          <Col xs={6}><Statistic title="待完成" value={d?.open ?? 0} loading={tasks.isPending} /></Col>
          <Col xs={6}><Statistic title="已完成" value={d?.done ?? 0} valueStyle={{ color: '#389e0d' }} loading={tasks.isPending} /></Col>
          <Col xs={6}><Statistic title="已逾期" value={d?.overdue ?? 0} valueStyle={{ color: '#cf1322' }} loading={tasks.isPending} /></Col>
        </Row>
        <Table<FollowupTask>
          rowKey="id"
          size="small"
          scroll={{ x: 900 }}
          loading={tasks.isFetching}
          dataSource={d?.items}
          locale={{ emptyText: '本月没有符合条件的任务' }}
          pagination={tablePagination(page, pageSize, d?.total, (p, s) => update({ page: p, pageSize: s }))}
          columns={[
            { title: '任务', dataIndex: 'kindLabel', render: (v: string, r) => <Tag color={r.kind === 'revisit' ? 'blue' : 'orange'}>{v}</Tag> },
            { title: '户主', dataIndex: 'headName', render: (v: string | null, r) => <Link to={`/households/${r.householdId}`}>{v ?? r.householdNo}</Link> },
            { title: '乡镇 / 村', key: 'area', render: (_: unknown, r) => `${r.townshipName ?? ''} ${r.villageName}` },
            { title: '帮扶责任人', dataIndex: 'helperName', render: (v: string | null) => v ?? '—' },
            { title: '截止日期', dataIndex: 'dueOn', render: (v: string, r) => <span style={{ color: r.status === 'open' && v < today ? '#cf1322' : undefined }}>{v}{r.status === 'open' && v < today ? '（逾期）' : ''}</span> },
            { title: '状态', dataIndex: 'status', render: (v: string, r) => (v === 'done' ? <Tag color="green">已完成 {r.doneOn}</Tag> : v === 'open' ? <Tag>待完成</Tag> : <Tag color="default">已取消</Tag>) },
            { title: '结果', dataIndex: 'outcome', render: (v: string | null, r) => (v ? `${OUTCOME_LABELS[v] ?? v}${r.doneByName ? `（${r.doneByName}）` : ''}` : '—') },
            {
              title: '操作', key: 'op', fixed: 'right',
              render: (_: unknown, r) => (r.status === 'open' && canWork ? <Button size="small" type="primary" onClick={() => setOpen(r)}>{r.kind === 'assessment' ? '填写评估' : '填写排查'}</Button> : null),
            },
          ]}
        />
      </Card>
      <TaskFormModal task={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
