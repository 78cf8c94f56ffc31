import { Card, Col, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { QueryError } from '../../components/QueryError';
import { useUrlQuery } from '../../lib/useUrlQuery';
import { useCases, useOverdueSummary } from './api';
import { DeadlineText } from './labels';
import type { CaseItem, CaseKind } from './types';

const KEYS = ['kind'] as const;

/** 逾期预警: counts one level down (county → townships, township → villages) and the overdue / due-soon cases. */
export default function OverduePage() {
  const { filters, update } = useUrlQuery(KEYS);
  const kind = (filters.kind as CaseKind | undefined) ?? undefined;
  const summary = useOverdueSummary(kind);
  const overdue = useCases({ kind, urgency: 'overdue', page: 1, pageSize: 100 });
  const dueSoon = useCases({ kind, urgency: 'due_soon', page: 1, pageSize: 100 });
  const s = summary.data;
  const caseColumns = [
    { title: '事项', dataIndex: 'id', render: (id: number, r: CaseItem) => <Link to={`/cases/${id}`}>{r.kindLabel} #{id}</Link> },
    { title: '户主', dataIndex: 'headName' },
    { title: '乡镇 / 村', key: 'area', render: (_: unknown, r: CaseItem) => `${r.townshipName} ${r.villageName}` },
    { title: '环节', dataIndex: 'stateLabel', render: (v: string, r: CaseItem) => `${v}${r.paused ? '（异议暂停）' : ''}` },
    { title: '时限', key: 'deadline', render: (_: unknown, r: CaseItem) => (r.deadlines[0] ? <DeadlineText d={r.deadlines[0]} /> : '—') },
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>逾期预警{s ? `（${s.scope.name}，截至 ${s.asOf}）` : ''}</Typography.Title>
        <Segmented
          value={kind ?? 'all'}
          onChange={(v) => update({ kind: v === 'all' ? null : String(v) })}
          options={[{ value: 'all', label: '全部' }, { value: 'identification', label: '识别纳入' }, { value: 'elimination', label: '风险消除' }]}
          style={{ marginBottom: 16 }}
        />
        {summary.isError && <QueryError error={summary.error} onRetry={() => summary.refetch()} />}
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={8}><Statistic title="办理中" value={s?.totals.open ?? 0} loading={summary.isPending} /></Col>
          <Col xs={8}><Statistic title="已逾期" value={s?.totals.overdue ?? 0} valueStyle={{ color: '#cf1322' }} loading={summary.isPending} /></Col>
          <Col xs={8}><Statistic title="即将到期" value={s?.totals.dueSoon ?? 0} valueStyle={{ color: '#d46b08' }} loading={summary.isPending} /></Col>
        </Row>
        <Table
          rowKey="areaCode"
          size="small"
          loading={summary.isFetching}
          dataSource={s?.items}
          pagination={false}
          locale={{ emptyText: '没有办理中的事项' }}
          columns={[
            { title: '区域', dataIndex: 'areaName', render: (v: string, r) => <Link to={`/cases/${kind ?? 'identification'}?area=${r.areaCode}&urgency=overdue`}>{v}</Link> },
            { title: '办理中', dataIndex: 'open' },
            { title: '已逾期', dataIndex: 'overdue', render: (v: number) => <span style={{ color: v ? '#cf1322' : undefined }}>{v}</span> },
            { title: '即将到期', dataIndex: 'dueSoon', render: (v: number) => <span style={{ color: v ? '#d46b08' : undefined }}>{v}</span> },
          ]}
        />
      </Card>
      <Card title={`已逾期（${overdue.data?.total ?? 0}）`}>
        {overdue.isError && <QueryError error={overdue.error} />}
        <Table rowKey="id" size="small" scroll={{ x: 700 }} loading={overdue.isFetching} dataSource={overdue.data?.items} columns={caseColumns} pagination={false} locale={{ emptyText: '没有逾期事项' }} />
      </Card>
      <Card title={`即将到期（${dueSoon.data?.total ?? 0}）`}>
        <Table rowKey="id" size="small" scroll={{ x: 700 }} loading={dueSoon.isFetching} dataSource={dueSoon.data?.items} columns={caseColumns} pagination={false} locale={{ emptyText: '没有即将到期的事项' }} />
      </Card>
    </Space>
  );
}
