/** One round's progress: coverage (已走访 ÷ 应走访) per township, drilling down to villages, then a village's visit list. */
import { Breadcrumb, Card, Descriptions, Progress, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { QueryError } from '../../components/QueryError';
import { useCoverage, type CoverageView } from './api';

type Row = CoverageView['rows'][number];

export default function ScreeningRoundPage() {
  const roundId = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const area = params.get('area') ?? undefined;
  const cov = useCoverage(roundId, area);
  const d = cov.data;
  const columns: ColumnsType<Row> = [
    {
      title: d?.area.level === 'county' ? '乡镇' : '村', dataIndex: 'name',
      render: (n: string, r) => (r.level === 'village'
        ? <Link to={`/screening/${roundId}/villages/${r.code}`}>{n}</Link>
        : <a onClick={() => setParams({ area: r.code })}>{n}</a>),
    },
    { title: '应走访', dataIndex: 'planned', width: 90, align: 'right' },
    { title: '已走访', dataIndex: 'visited', width: 90, align: 'right' },
    { title: '发现风险', dataIndex: 'riskFound', width: 90, align: 'right', render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
    { title: '覆盖率', key: 'percent', width: 240, render: (_, r) => <Progress percent={r.planned ? r.percent : 100} size="small" status={r.percent >= 100 ? 'success' : 'active'} format={() => (r.planned ? `${r.percent}%` : '无应走访户')} /> },
  ];
  return (
    <Card title={d?.round.name ?? '排查进度'}>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/screening">村级排查</Link> }, { title: <a onClick={() => setParams({})}>本辖区</a> }, ...(d && area ? [{ title: d.area.name }] : [])]} />
      {cov.isError && <QueryError error={cov.error} onRetry={() => cov.refetch()} />}
      {d && (
        <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 16 }} items={[
          { label: '类型', children: d.round.kindLabel },
          { label: '时间', children: `${d.round.startsOn} 至 ${d.round.endsOn}（${d.round.phaseLabel}）` },
          { label: `${d.area.name}应走访 / 已走访`, children: `${d.total.planned} / ${d.total.visited} 户` },
          { label: '覆盖率', children: <Progress percent={d.total.percent} size="small" style={{ width: 160 }} /> },
        ]} />
      )}
      <Table<Row> rowKey="code" size="middle" columns={columns} dataSource={d?.rows} loading={cov.isFetching} pagination={false} locale={{ emptyText: '暂无下级区域' }} />
    </Card>
  );
}
