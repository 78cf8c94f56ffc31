/** One verification round: the recorded seed and population, the sample with its findings, findings registration. */
import { Button, Card, Descriptions, Spin, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime, orDash } from '../../../lib/format';
import { monthLabel } from '../shared/months';
import { useLinkageDepartments } from '../shared/useLinkageDepartments';
import { useRound } from './api';
import { FindingModal } from './FindingModal';
import type { Finding, SampleItem, Verdict } from './types';
import { TARGET_TYPE_LABELS, targetStatusLabel, VERDICT_LABELS, VERIFIED_STATUS_LABELS } from './verificationLabels';

function VerdictTag({ verdict }: { verdict: Verdict | null }) {
  if (!verdict) return <Tag>未核查</Tag>;
  return <Tag color={verdict === 'confirms' ? 'green' : 'red'}>{VERDICT_LABELS[verdict]}</Tag>;
}

export function RoundDetail({ id }: { id: number }) {
  const { can } = useAuth();
  const round = useRound(id);
  const departments = useLinkageDepartments();
  const [target, setTarget] = useState<SampleItem | null>(null);
  const nameOf = (code: string) => departments.data?.find((d) => d.code === code)?.name ?? code;
  const manage = can('verification:manage');

  if (round.isPending) return <Spin style={{ display: 'block', margin: '40px auto' }} />;
  if (round.isError) return <QueryError error={round.error} onRetry={() => round.refetch()} />;
  const { round: r, sample, findings } = round.data;

  const sampleColumns: ColumnsType<SampleItem> = [
    { title: '类型', dataIndex: 'targetType', width: 100, render: (t: SampleItem['targetType']) => TARGET_TYPE_LABELS[t] },
    {
      title: '记录',
      key: 'label',
      render: (_, s) => (s.targetType === 'self_check' ? <Link to={`/linkage/self-checks/${s.targetId}`}>{s.label}</Link> : s.label),
    },
    { title: '编号', dataIndex: 'targetId', width: 80 },
    { title: '部门', dataIndex: 'departmentCode', width: 150, render: nameOf },
    { title: '报送状态', key: 'status', width: 100, render: (_, s) => targetStatusLabel(s.targetType, s.status) },
    { title: '核查结论', dataIndex: 'finding', width: 100, render: (v: Verdict | null) => <VerdictTag verdict={v} /> },
    ...(manage
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 110,
            render: (_: unknown, s: SampleItem) =>
              !s.finding && (
                <Button type="link" size="small" onClick={() => setTarget(s)} data-testid="finding-new">
                  登记结果
                </Button>
              ),
          },
        ]
      : []),
  ];

  const findingColumns: ColumnsType<Finding> = [
    { title: '部门', dataIndex: 'departmentName', width: 150 },
    { title: '对象', key: 'target', width: 160, render: (_, f) => `${TARGET_TYPE_LABELS[f.targetType]} #${f.targetId}` },
    { title: '结论', dataIndex: 'verdict', width: 90, render: (v: Verdict) => <VerdictTag verdict={v} /> },
    { title: '核实的整改状态', dataIndex: 'verifiedStatus', width: 130, render: (v: Finding['verifiedStatus']) => (v ? VERIFIED_STATUS_LABELS[v] : '—') },
    { title: '核查说明', dataIndex: 'note', render: orDash },
    { title: '登记时间', dataIndex: 'recordedAt', width: 170, render: formatDateTime },
  ];

  return (
    <>
      <Card size="small" title={`${monthLabel(r.month)} 核查 · 第${r.id}轮`} style={{ marginBottom: 16 }}>
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="随机种子">
            <code data-testid="verification-seed">{r.seed}</code>
          </Descriptions.Item>
          <Descriptions.Item label="抽查数量">
            自查报告 {r.selfCheckCount} 份，整改事项 {r.rectificationCount} 条
          </Descriptions.Item>
          <Descriptions.Item label="抽样范围">
            自查报告 {r.population.selfChecks.length} 份，整改事项 {r.population.rectifications.length} 条
          </Descriptions.Item>
          <Descriptions.Item label="发起时间">{formatDateTime(r.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="备注" span={2}>
            {orDash(r.note)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={`抽查样本（${sample.length}）`} style={{ marginBottom: 16 }}>
        <Table<SampleItem>
          rowKey={(s) => `${s.targetType}-${s.targetId}`}
          size="small"
          columns={sampleColumns}
          dataSource={sample}
          pagination={false}
          data-testid="verification-sample"
        />
      </Card>
      <Card size="small" title={`核查结果（${findings.length}）`}>
        <Table<Finding> rowKey="id" size="small" columns={findingColumns} dataSource={findings} pagination={false} locale={{ emptyText: '尚未登记核查结果' }} />
      </Card>
      {manage && <FindingModal roundId={id} target={target} onClose={() => setTarget(null)} />}
    </>
  );
}
