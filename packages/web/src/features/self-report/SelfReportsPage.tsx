/** 农户申报: the self-reports of the user's area with the state of the clue and a link to the warning. */
import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { AreaTreeSelect } from '../../components/AreaTreeSelect';
import { QueryError } from '../../components/QueryError';
import { tablePagination } from '../../components/table/tablePagination';
import { formatDateTime } from '../../lib/format';
import { useUrlQuery } from '../../lib/useUrlQuery';
import { useSelfReports, type SelfReportItem } from './api';

const KEYS = ['area', 'status'] as const;
const STATE_COLORS: Record<string, string> = { pushed: 'blue', verifying: 'orange', included: 'green', already_monitored: 'green', not_included: 'default', duplicate: 'default' };

export default function SelfReportsPage() {
  const { filters, page, pageSize, update } = useUrlQuery(KEYS);
  const list = useSelfReports({ area: filters.area, status: filters.status, page, pageSize });
  const columns: ColumnsType<SelfReportItem> = [
    { title: '申报时间', dataIndex: 'submittedAt', width: 150, render: formatDateTime },
    { title: '村', key: 'village', width: 150, render: (_, r) => `${r.townshipName ?? ''} ${r.villageName}` },
    { title: '农户', key: 'household', width: 150, render: (_, r) => <Link to={`/households/${r.householdId}`}>{r.headName ?? r.householdNo}</Link> },
    { title: '困难类型', dataIndex: 'hardships', width: 180, render: (h: string[]) => h.map((x) => <Tag key={x}>{x}</Tag>) },
    { title: '情况说明', dataIndex: 'description', render: (d: string, r) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: d }} style={{ margin: 0 }}>{d}{r.photoCount ? `（附照片${r.photoCount}张）` : ''}</Typography.Paragraph> },
    { title: '联系电话', dataIndex: 'phone', width: 120, render: (p: string | null) => p ?? '—' },
    { title: '核实状态', key: 'state', width: 120, render: (_, r) => <Tag color={STATE_COLORS[r.warningState]}>{r.warningStateLabel}</Tag> },
    { title: '预警', key: 'warning', width: 90, render: (_, r) => <Link to={`/warnings/${r.warningId}`}>查看预警</Link> },
  ];
  return (
    <Card title="农户申报（一码通）">
      <Space style={{ marginBottom: 16 }} wrap>
        <AreaTreeSelect value={filters.area} onChange={(v) => update({ area: v ?? null })} style={{ width: 260 }} placeholder="全部区域" />
        <Select allowClear placeholder="全部状态" style={{ width: 160 }} value={filters.status} onChange={(v) => update({ status: v ?? null })}
          options={[{ value: 'open', label: '待核实 / 核实中' }, { value: 'closed', label: '已办结' }]} />
      </Space>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<SelfReportItem>
        rowKey="id" size="middle" columns={columns} dataSource={list.data?.items} loading={list.isFetching} scroll={{ x: 1100 }}
        locale={{ emptyText: '暂无农户申报' }}
        pagination={tablePagination(page, pageSize, list.data?.total, (p, s) => update({ page: p, pageSize: s }))}
        data-testid="self-report-list"
      />
    </Card>
  );
}
