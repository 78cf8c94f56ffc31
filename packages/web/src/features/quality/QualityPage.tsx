/** 数据质量: open findings by rule and by area (township → village), the details with links to fix, run now. */
import { Breadcrumb, Button, Card, Col, Empty, Row, Space, Table, Tag, Typography, message } from 'antd';
import { Link } from 'react-router-dom';
import { QueryError } from '../../components/QueryError';
import { tablePagination } from '../../components/table/tablePagination';
import { useAuth } from '../../app/auth';
import { hasPermission } from '../../app/permissions';
import { errorMessage } from '../../api/client';
import { useUrlQuery } from '../../lib/useUrlQuery';
import { fmtTime, useFindings, useQualitySummary, useRunChecks, type Finding } from './api';

const KEYS = ['areaCode', 'rule'] as const;

export function FixLinks({ f }: { f: Pick<Finding, 'householdId' | 'fixAt'> }) {
  return (
    <Space size={4}>
      <Link to={`/households/${f.householdId}`}>查看农户</Link>
      {f.fixAt === 'household_edit' && <Link to={`/households/${f.householdId}/edit`}>修改信息</Link>}
    </Space>
  );
}

export const SeverityTag = ({ s }: { s: string }) => (s === 'error' ? <Tag color="red">错误</Tag> : <Tag color="orange">疑点</Tag>);

export default function QualityPage() {
  const { user } = useAuth();
  const { filters, page, pageSize, update } = useUrlQuery(KEYS);
  const summary = useQualitySummary(filters.areaCode);
  const findings = useFindings({ rule: filters.rule, areaCode: filters.areaCode, page, pageSize });
  const run = useRunChecks();
  const s = summary.data;
  const canRun = hasPermission(user, 'quality_check:manage');
  const ruleName = s?.byRule.find((r) => r.code === filters.rule)?.name;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>数据质量检查</Typography.Title>
        <Space wrap style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">
            系统每晚自动检查一次。最近一次：{s?.lastRun ? `${fmtTime(s.lastRun.finishedAt ?? s.lastRun.startedAt)}（${s.lastRun.status === 'failed' ? `失败：${s.lastRun.error}` : '完成'}）` : '尚未运行'}
          </Typography.Text>
          {canRun && (
            <Button type="primary" loading={run.isPending} onClick={async () => {
              try {
                const r = await run.mutateAsync();
                message.success(`检查完成：问题 ${r.found} 条，新增 ${r.opened} 条，已解决 ${r.resolved} 条`);
              } catch (e) {
                message.error(errorMessage(e));
              }
            }}>立即检查</Button>
          )}
        </Space>
        {summary.isError && <QueryError error={summary.error} onRetry={() => summary.refetch()} />}
        <Breadcrumb style={{ marginBottom: 12 }} items={[
          { title: <a onClick={() => update({ areaCode: null })}>全部区域</a> },
          ...(filters.areaCode ? [{ title: s?.byArea.length !== undefined ? `区域 ${filters.areaCode}` : filters.areaCode }] : []),
          ...(ruleName ? [{ title: <span>{ruleName} <a onClick={() => update({ rule: null })}>（清除）</a></span> }] : []),
        ]} />
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Table
              rowKey="code"
              size="small"
              loading={summary.isFetching}
              dataSource={s?.byRule}
              pagination={false}
              title={() => <b>按检查规则（未解决问题 {s?.total ?? 0} 条）</b>}
              columns={[
                { title: '规则', dataIndex: 'name', render: (v: string, r) => <a title={r.description} onClick={() => update({ rule: r.code })}>{v}</a> },
                { title: '级别', dataIndex: 'severity', width: 70, render: (v: string) => <SeverityTag s={v} /> },
                { title: '问题数', dataIndex: 'findings', width: 80, render: (v: number) => <span style={{ color: v ? '#cf1322' : undefined }}>{v}</span> },
                { title: '涉及户数', dataIndex: 'households', width: 90 },
              ]}
            />
          </Col>
          <Col xs={24} md={10}>
            <Table
              rowKey="code"
              size="small"
              loading={summary.isFetching}
              dataSource={s?.byArea}
              pagination={false}
              title={() => <b>按区域（点击下钻）</b>}
              locale={{ emptyText: <Empty description="本区域没有未解决的问题" /> }}
              columns={[
                { title: '区域', dataIndex: 'name', render: (v: string, r) => <a onClick={() => update({ areaCode: r.code })}>{v}</a> },
                { title: '问题数', dataIndex: 'findings' },
                { title: '涉及户数', dataIndex: 'households' },
              ]}
            />
          </Col>
        </Row>
      </Card>
      <Card title={`问题明细${ruleName ? `：${ruleName}` : ''}（${findings.data?.total ?? 0}）`}>
        {findings.isError && <QueryError error={findings.error} onRetry={() => findings.refetch()} />}
        <Table<Finding>
          rowKey="id"
          size="small"
          scroll={{ x: 900 }}
          loading={findings.isFetching}
          dataSource={findings.data?.items}
          locale={{ emptyText: '没有未解决的问题' }}
          pagination={tablePagination(page, pageSize, findings.data?.total, (p, ps) => update({ page: p, pageSize: ps }))}
          columns={[
            { title: '规则', dataIndex: 'ruleName', render: (v: string, r) => <Space size={4}><SeverityTag s={r.severity} />{v}</Space> },
            { title: '户主', dataIndex: 'headName', render: (v: string | null, r) => <Link to={`/households/${r.householdId}`}>{v ?? r.householdNo}</Link> },
            { title: '乡镇 / 村', key: 'area', render: (_: unknown, r) => `${r.townshipName ?? ''} ${r.villageName}` },
            { title: '问题说明', dataIndex: 'message' },
            { title: '首次发现', dataIndex: 'firstSeenOn', width: 100 },
            { title: '处理', key: 'fix', render: (_: unknown, r) => <FixLinks f={r} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
