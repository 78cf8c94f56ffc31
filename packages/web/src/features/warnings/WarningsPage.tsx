/** 预警线索: every clue in the user's scope, with filters, the verification deadline and overdue highlighting. */
import { BarChartOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { AreaTreeSelect } from '../../components/AreaTreeSelect';
import { CodeSelect } from '../../components/CodeSelect';
import { QueryError } from '../../components/QueryError';
import { tablePagination } from '../../components/table/tablePagination';
import { useAuth } from '../../app/auth';
import { hasPermission } from '../../app/permissions';
import { useUrlQuery } from '../../lib/useUrlQuery';
import { useCodes } from '../reference/useCodes';
import { PageTitle } from '../linkage/shared/PageTitle';
import { useOverdueSummary, useWarnings } from './api';
import { DeadlineTag, SOURCE_OPTIONS, STATE_OPTIONS, StateTag } from './labels';
import type { WarningListItem } from './types';

const KEYS = ['state', 'open', 'source', 'department', 'area', 'riskType', 'deadline', 'from', 'to', 'q'] as const;
/** The office's settings permission (added to the policy with this feature). */
export const WARNING_MANAGE = 'warning:manage';

export default function WarningsPage() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const { filters, page, pageSize, update, reset } = useUrlQuery(KEYS);
  const list = useWarnings({ ...filters, page, pageSize });
  const departments = useCodes().data?.departments ?? [];
  const isDept = user?.role === 'department_user';
  const showSummary = !!user && user.role !== 'village_cadre' && !isDept;
  const summary = useOverdueSummary();

  return (
    <Card>
      <PageTitle
        title="预警线索"
        extra={
          <Space wrap>
            {hasPermission(user, 'warning:create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/warnings/new')}>推送信息预警</Button>}
            <Button icon={<BarChartOutlined />} onClick={() => navigate('/warnings/figures')}>预警统计</Button>
            {hasPermission(user, WARNING_MANAGE) && <Button icon={<SettingOutlined />} onClick={() => navigate('/warnings/settings')}>核实时限设置</Button>}
          </Space>
        }
      />
      {showSummary && summary.data && summary.data.totalOverdue > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="overdue-summary"
          title={`逾期未核实 ${summary.data.totalOverdue} 条，即将到期 ${summary.data.totalDueSoon} 条（待办共 ${summary.data.totalOpen} 条）`}
          description={
            <Flex wrap gap={8}>
              {summary.data.items.filter((x) => x.overdue > 0).map((x) => (
                <Tag key={x.areaCode} color="red" style={{ cursor: 'pointer' }} onClick={() => update({ area: x.areaCode, deadline: 'overdue' })}>
                  {x.areaName}：逾期 {x.overdue}
                </Tag>
              ))}
            </Flex>
          }
        />
      )}
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder="对象姓名、证件号码、编号或关键词" defaultValue={filters.q} onSearch={(v) => update({ q: v })} style={{ width: 260 }} />
        <Select allowClear placeholder="状态" value={filters.state} onChange={(v) => update({ state: v })} options={STATE_OPTIONS} style={{ width: 140 }} />
        <Select allowClear placeholder="办理进度" value={filters.open} onChange={(v) => update({ open: v })} options={[{ value: 'true', label: '待办（未办结）' }, { value: 'false', label: '已办结' }]} style={{ width: 140 }} />
        <Select allowClear placeholder="核实时限" value={filters.deadline} onChange={(v) => update({ deadline: v })} options={[{ value: 'overdue', label: '已逾期' }, { value: 'due_soon', label: '即将到期' }]} style={{ width: 120 }} />
        <Select allowClear placeholder="来源" value={filters.source} onChange={(v) => update({ source: v })} options={SOURCE_OPTIONS} style={{ width: 140 }} />
        {!isDept && (
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="推送部门" value={filters.department} onChange={(v) => update({ department: v })}
            options={departments.map((d) => ({ value: d.code, label: d.name }))} style={{ width: 160 }} />
        )}
        {!isDept && <AreaTreeSelect value={filters.area} onChange={(v) => update({ area: v })} placeholder="区域" style={{ width: 180 }} />}
        <CodeSelect list="riskType" allowClear placeholder="风险类型" value={filters.riskType} onChange={(v) => update({ riskType: v as string })} style={{ width: 160 }} />
        <DatePicker.RangePicker
          placeholder={['推送开始日期', '推送结束日期']}
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(r) => update({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
        />
        <Button onClick={reset}>清空筛选</Button>
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<WarningListItem>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '没有符合条件的预警线索' }}
        scroll={{ x: 1100 }}
        onRow={(r) => ({ style: r.deadline.status === 'overdue' && !r.closedOn ? { background: '#fff1f0' } : undefined })}
        pagination={tablePagination(page, pageSize, list.data?.total, (p, s) => update({ page: p, pageSize: s }))}
        columns={[
          { title: '编号', dataIndex: 'id', width: 80 },
          {
            title: '预警事项', key: 'title',
            render: (_, r) => (
              <div>
                <Link to={`/warnings/${r.id}`} data-testid={`warning-link-${r.id}`}>{r.title}</Link>
                <div><Typography.Text type="secondary">{r.subjectName ?? '—'}{r.subjectIdNumber ? ` · ${r.subjectIdNumber}` : ''}</Typography.Text></div>
              </div>
            ),
          },
          { title: '来源', key: 'source', width: 150, render: (_, r) => <div>{r.sourceLabel}{r.departmentName && <div><Typography.Text type="secondary">{r.departmentName}</Typography.Text></div>}</div> },
          { title: '所属村', key: 'village', width: 150, render: (_, r) => `${r.townshipName ?? ''} ${r.villageName}` },
          { title: '风险类型', key: 'risk', width: 160, render: (_, r) => r.riskTypeLabels.join('、') },
          { title: '推送日期', dataIndex: 'openedOn', width: 110 },
          { title: '状态', key: 'state', width: 120, render: (_, r) => <StateTag state={r.state} label={r.stateLabel} /> },
          { title: '核实时限', key: 'deadline', width: 170, render: (_, r) => <DeadlineTag d={r.deadline} open={!r.closedOn} /> },
        ]}
      />
    </Card>
  );
}
