/** 比对记录: the runs the user may see (a department its own), filterable by family and status. */
import { Button, Card, Flex, Select, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { QueryError } from '../../components/QueryError';
import { tablePagination } from '../../components/table/tablePagination';
import { formatDateTime } from '../../lib/format';
import { useUrlQuery } from '../../lib/useUrlQuery';
import { PageTitle } from '../linkage/shared/PageTitle';
import { fetchRuns, type ComparisonRun } from './api';
import { RunStatusTag } from './RunParts';

const FAMILIES = [
  ['medical', '医保'], ['civil_affairs', '民政'], ['housing', '住建'], ['water', '水利'], ['education', '教育'], ['disability', '残联'],
  ['emergency', '应急'], ['public_security', '公安'], ['human_resources', '人社'], ['finance', '财政'], ['market_regulation', '市场监管'],
].map(([value, label]) => ({ value, label }));

export default function ComparisonRunsPage() {
  const { can } = useAuth();
  const { filters, page, pageSize, update } = useUrlQuery(['family', 'status'] as const);
  const q = useQuery({
    queryKey: ['comparison', 'runs', filters, page, pageSize],
    queryFn: () => fetchRuns({ ...filters, page, pageSize }),
    refetchInterval: (x) => (x.state.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ? 2000 : false),
  });
  return (
    <Card>
      <PageTitle title="信息比对记录" extra={can('comparison_run:submit') && <Link to="/comparison/upload"><Button type="primary">上传比对数据</Button></Link>} />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select allowClear placeholder="数据类别" style={{ width: 160 }} value={filters.family} onChange={(v) => update({ family: v })} options={FAMILIES} />
        <Select allowClear placeholder="状态" style={{ width: 140 }} value={filters.status} onChange={(v) => update({ status: v })}
          options={[{ value: 'queued', label: '排队中' }, { value: 'running', label: '比对中' }, { value: 'completed', label: '已完成' }, { value: 'failed', label: '失败' }]} />
      </Flex>
      {q.isError && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      <Table<ComparisonRun> size="middle" rowKey="id" loading={q.isPending} dataSource={q.data?.items ?? []} locale={{ emptyText: '暂无比对记录' }}
        pagination={tablePagination(page, pageSize, q.data?.total, (p, s) => update({ page: p, pageSize: s }))}
        columns={[
          { title: '上传时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
          { title: '类别', dataIndex: 'familyLabel', width: 90 },
          { title: '提供部门', dataIndex: 'departmentName', width: 130 },
          { title: '文件', dataIndex: 'fileName', ellipsis: true, render: (v: string, r) => <Link to={`/comparison/runs/${r.id}`}>{v}</Link> },
          { title: '状态', width: 90, render: (_, r) => <RunStatusTag run={r} /> },
          { title: '数据行', width: 90, render: (_, r) => r.counts.rows },
          { title: '命中', width: 70, render: (_, r) => r.counts.hits },
          { title: '新建预警', width: 90, render: (_, r) => r.counts.created },
          { title: '问题行', width: 80, render: (_, r) => r.counts.invalidIds + r.counts.unmatched + r.counts.duplicates + r.counts.missingData },
          { title: '上传人', dataIndex: 'createdByName', width: 100 },
        ]} />
    </Card>
  );
}
