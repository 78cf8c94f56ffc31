import { Alert, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/QueryError';
import { formatDate, orDash } from '../../../lib/format';
import { useUrlQuery } from '../../../lib/useUrlQuery';
import { DepartmentSelect } from '../shared/DepartmentSelect';
import { useDepartmentUser } from '../shared/useDepartmentUser';
import { useOverdueTasks } from './api';
import { CASE_KIND_COLORS, caseKindLabel } from './labels';
import type { OverdueTask } from './types';

const KEYS = ['department'] as const;

const columns: ColumnsType<OverdueTask> = [
  {
    title: '事项',
    key: 'case',
    width: 280,
    render: (_, t) => (
      <>
        <Tag color={CASE_KIND_COLORS[t.caseKind]}>{caseKindLabel(t.caseKind)}</Tag>
        <Link to={`/linkage/coop-cases/${t.caseId}`}>{t.caseTitle}</Link>
      </>
    ),
  },
  { title: '责任部门', dataIndex: 'departmentName', width: 140 },
  { title: '任务内容', dataIndex: 'title', width: 240 },
  { title: '办理期限', dataIndex: 'deadline', width: 110, render: formatDate },
  { title: '逾期天数', dataIndex: 'daysOverdue', width: 100, align: 'right', render: (n: number) => <Tag color="red">{n}天</Tag> },
  { title: '办理进展', dataIndex: 'progress', render: orDash },
];

/** 逾期任务: open tasks past their deadline (a department sees its own; the office may filter by department). */
export function OverdueTasks() {
  const myDepartment = useDepartmentUser();
  const { filters, update } = useUrlQuery(KEYS);
  const overdue = useOverdueTasks(myDepartment ? undefined : filters.department);

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        {!myDepartment && (
          <DepartmentSelect allowClear placeholder="全部部门" style={{ width: 200 }} value={filters.department} onChange={(department) => update({ department })} />
        )}
        {overdue.data && <span style={{ color: '#888' }}>截至 {formatDate(overdue.data.asOf)}，共 {overdue.data.items.length} 项逾期未办结任务</span>}
      </Space>
      {overdue.isError && <QueryError error={overdue.error} onRetry={() => overdue.refetch()} />}
      {overdue.data?.items.length ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="交办事项逾期仍未整改的，经核实每项扣3分。" />
      ) : null}
      <Table<OverdueTask>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={overdue.data?.items}
        loading={overdue.isFetching}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无逾期任务' }}
        data-testid="coop-overdue-table"
      />
    </>
  );
}
