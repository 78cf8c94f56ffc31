import { Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { AreaTreeSelect } from '../../components/AreaTreeSelect';
import { QueryError } from '../../components/QueryError';
import { tablePagination } from '../../components/table/tablePagination';
import { useUrlQuery } from '../../lib/useUrlQuery';
import { useCases } from './api';
import { DeadlineText, STATE_OPTIONS, UrgencyTag } from './labels';
import type { CaseItem, CaseKind } from './types';

const KEYS = ['state', 'area', 'q', 'urgency', 'open'] as const;

/** 识别纳入 / 风险消除 case list: filters by 环节, area, 时限 and household; rows open the case. */
export default function CasesListPage({ kind }: { kind: CaseKind }) {
  const { filters, page, pageSize, update } = useUrlQuery(KEYS);
  const query = {
    kind,
    state: filters.state,
    area: filters.area,
    q: filters.q,
    urgency: filters.urgency as 'overdue' | 'due_soon' | undefined,
    open: (filters.open ?? 'true') === 'all' ? undefined : ((filters.open ?? 'true') as 'true' | 'false'),
    page,
    pageSize,
  };
  const list = useCases(query);
  const title = kind === 'identification' ? '识别纳入' : '风险消除';

  const columns: ColumnsType<CaseItem> = [
    { title: '编号', dataIndex: 'id', width: 80, render: (id: number) => <Link to={`/cases/${id}`}>{id}</Link> },
    { title: '户主', dataIndex: 'headName', render: (v: string | null, r) => <Link to={`/cases/${r.id}`}>{v ?? '（未登记户主）'}</Link> },
    { title: '人口', dataIndex: 'memberCount', width: 70 },
    { title: '乡镇 / 村', key: 'area', render: (_, r) => `${r.townshipName} ${r.villageName}` },
    {
      title: '当前环节',
      key: 'state',
      render: (_, r) => (
        <Flex gap={4} wrap>
          <Tag color={r.terminal ? 'default' : 'blue'}>{r.stateLabel}</Tag>
          {r.paused && <Tag color="volcano">异议暂停</Tag>}
        </Flex>
      ),
    },
    { title: '发起日期', dataIndex: 'openedOn', width: 110 },
    {
      title: '时限',
      key: 'deadline',
      render: (_, r) => (r.deadlines[0] ? <Flex vertical gap={2}><UrgencyTag status={r.urgency} /><DeadlineText d={r.deadlines[0]} /></Flex> : <Typography.Text type="secondary">—</Typography.Text>),
    },
  ];

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{title}事项</Typography.Title>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 140 }}
          value={filters.open ?? 'true'}
          onChange={(v) => update({ open: v === 'true' ? null : v })}
          options={[{ value: 'true', label: '办理中' }, { value: 'false', label: '已办结' }, { value: 'all', label: '全部' }]}
        />
        <Select allowClear placeholder="环节" style={{ width: 180 }} value={filters.state} onChange={(v) => update({ state: v })} options={STATE_OPTIONS[kind]} />
        <AreaTreeSelect style={{ width: 220 }} value={filters.area} onChange={(v) => update({ area: v })} placeholder="乡镇 / 村" />
        <Select
          allowClear
          placeholder="时限状态"
          style={{ width: 140 }}
          value={filters.urgency}
          onChange={(v) => update({ urgency: v })}
          options={[{ value: 'overdue', label: '已逾期' }, { value: 'due_soon', label: '即将到期' }]}
        />
        <Input.Search allowClear placeholder="户主姓名或户编号" style={{ width: 220 }} defaultValue={filters.q} onSearch={(v) => update({ q: v.trim() || null })} />
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<CaseItem>
        rowKey="id"
        size="middle"
        scroll={{ x: 760 }}
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items}
        locale={{ emptyText: `没有符合条件的${title}事项` }}
        pagination={tablePagination(page, pageSize, list.data?.total, (p, s) => update({ page: p, pageSize: s }))}
      />
    </Card>
  );
}
