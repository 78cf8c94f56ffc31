/** 比对详情: the run's file, rule versions and counts; its hits with the "why flagged" (linked to the warnings); its row issues. */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Select, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/format';
import { PageTitle } from '../linkage/shared/PageTitle';
import { fetchRun, fetchRunHits, fetchRunIssues, GROUP_LABELS, isFinished, ISSUE_KIND_LABELS, issuesDownloadUrl, type RunHit, type RunIssue } from './api';
import { formatSize, RunCountsView, RunStatusTag } from './RunParts';

const WARNING_STATE_LABELS: Record<string, string> = { pushed: '已推送', verifying: '乡镇核实中', included: '纳入监测', already_monitored: '已是监测对象', not_included: '不纳入', duplicate: '重复' };

function HitsTable({ runId }: { runId: number }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const q = useQuery({ queryKey: ['comparison', 'run', runId, 'hits', page, pageSize], queryFn: () => fetchRunHits(runId, page, pageSize) });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Table<RunHit> size="small" rowKey="id" loading={q.isPending} dataSource={q.data?.items ?? []} locale={{ emptyText: '本次比对没有新的命中（重复运行的命中已跳过）' }}
      data-testid="hits-table"
      pagination={{ current: page, pageSize, total: q.data?.total ?? 0, showTotal: (t) => `共 ${t} 条`, onChange: (p, s) => { setPage(p); setPageSize(s); } }}
      columns={[
        { title: '行号', dataIndex: 'rowNumber', width: 70 },
        { title: '姓名', dataIndex: 'subjectName', width: 90 },
        { title: '证件号码', dataIndex: 'subjectIdNumber', width: 180 },
        { title: '对象', dataIndex: 'subjectGroup', width: 90, render: (g: RunHit['subjectGroup']) => (g ? GROUP_LABELS[g] : '—') },
        { title: '村', dataIndex: 'villageName', width: 120 },
        {
          title: '命中原因', dataIndex: 'explanation',
          render: (v: string, h) => (
            <Space direction="vertical" size={0}>
              <Typography.Text>{v}</Typography.Text>
              {h.outputKind === 'suspected_problem' && <Tag color="orange">疑似问题</Tag>}
            </Space>
          ),
        },
        { title: '处理', dataIndex: 'decision', width: 120, render: (v: string | null) => v ?? '—' },
        {
          title: '预警', width: 130,
          render: (_, h) => <Link to={`/warnings/${h.warningId}`}>预警 #{h.warningId}<br /><Typography.Text type="secondary">{WARNING_STATE_LABELS[h.warningState] ?? h.warningState}</Typography.Text></Link>,
        },
      ]} />
  );
}

function IssuesTable({ runId }: { runId: number }) {
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const q = useQuery({ queryKey: ['comparison', 'run', runId, 'issues', kind, page, pageSize], queryFn: () => fetchRunIssues(runId, { kind, page, pageSize }) });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Flex justify="space-between" wrap gap={8}>
        <Select allowClear placeholder="问题类别" style={{ width: 180 }} value={kind} onChange={(v) => { setKind(v); setPage(1); }}
          options={Object.entries(ISSUE_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        <Button icon={<DownloadOutlined />} href={issuesDownloadUrl(runId)} data-testid="issues-download">下载问题行（Excel）</Button>
      </Flex>
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : (
        <Table<RunIssue> size="small" rowKey={(r) => `${r.rowNumber}-${r.kind}`} loading={q.isPending} dataSource={q.data?.items ?? []} locale={{ emptyText: '没有问题行' }}
          pagination={{ current: page, pageSize, total: q.data?.total ?? 0, showTotal: (t) => `共 ${t} 条`, onChange: (p, s) => { setPage(p); setPageSize(s); } }}
          columns={[
            { title: '行号', dataIndex: 'rowNumber', width: 80 },
            { title: '问题类别', dataIndex: 'kindLabel', width: 140 },
            { title: '证件号码', dataIndex: 'idNumber', width: 200 },
            { title: '姓名', dataIndex: 'name', width: 100 },
            { title: '说明', dataIndex: 'message' },
          ]} />
      )}
    </Space>
  );
}

export default function ComparisonRunDetailPage() {
  const id = Number(useParams().id);
  const q = useQuery({
    queryKey: ['comparison', 'run', id],
    queryFn: () => fetchRun(id),
    enabled: Number.isInteger(id) && id > 0,
    refetchInterval: (x) => (isFinished(x.state.data?.status) ? false : 1000),
  });
  const r = q.data;
  return (
    <Card>
      <PageTitle title={r ? `比对详情：${r.fileName}` : '比对详情'} backTo="/comparison" />
      {q.isError && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      {q.isPending && !q.isError && <Spin />}
      {r && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} items={[
            { key: 'f', label: '数据类别', children: `${r.familyLabel}（${r.departmentName}）` },
            { key: 's', label: '状态', children: <RunStatusTag run={r} /> },
            { key: 'u', label: '上传人', children: r.createdByName ?? '—' },
            { key: 'file', label: '文件', children: `${r.fileName}（${r.fileFormat === 'xlsx' ? 'Excel' : 'CSV'}，${formatSize(r.fileSize)}）` },
            { key: 'sha', label: 'SHA-256', children: <Typography.Text copyable code style={{ fontSize: 12 }}>{r.fileSha256.slice(0, 16)}…</Typography.Text> },
            { key: 'rules', label: '使用的规则版本', children: r.ruleVersions.map((v) => <Tag key={v}>{v}</Tag>) },
            { key: 'c', label: '上传时间', children: formatDateTime(r.createdAt) },
            { key: 'fin', label: '完成时间', children: formatDateTime(r.finishedAt) },
          ]} />
          {r.headerWarnings.map((w) => <Alert key={w} type="warning" showIcon title={w} />)}
          {r.status === 'failed' && <Alert type="error" showIcon title="比对失败" description={r.errorMessage} />}
          {!isFinished(r.status) && <Alert type="info" showIcon title={`正在比对，已读取 ${r.counts.rows} 行…`} />}
          {r.status === 'completed' && (
            <>
              <RunCountsView run={r} />
              <Tabs items={[
                { key: 'hits', label: `命中明细（${r.counts.hits - r.counts.skipped}）`, children: <HitsTable runId={r.id} /> },
                { key: 'issues', label: `问题行（${r.counts.invalidIds + r.counts.unmatched + r.counts.duplicates + r.counts.missingData}）`, children: <IssuesTable runId={r.id} /> },
              ]} />
            </>
          )}
        </Space>
      )}
    </Card>
  );
}
