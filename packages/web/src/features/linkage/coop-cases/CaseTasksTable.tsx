import { Button, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDate, orDash } from '../../../lib/format';
import { TASK_STATUS_COLORS } from './labels';
import type { CoopTask } from './types';

interface Props {
  tasks: CoopTask[];
  /** Whether the user may act on this task (its department, or the office, while the case is open). */
  canAct: (t: CoopTask) => boolean;
  onAct: (t: CoopTask) => void;
}

/** The case's department tasks with their progress and outcome. */
export function CaseTasksTable({ tasks, canAct, onAct }: Props) {
  const columns: ColumnsType<CoopTask> = [
    { title: '责任部门', dataIndex: 'departmentName', width: 140 },
    { title: '任务内容', dataIndex: 'title', width: 200 },
    {
      title: '办理期限',
      dataIndex: 'deadline',
      width: 140,
      render: (d: string, t) => (
        <>
          {formatDate(d)}
          {t.overdue && <Tag color="red" style={{ marginInlineStart: 4 }}>逾期</Tag>}
        </>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 120, render: (s: CoopTask['status'], t) => <Tag color={TASK_STATUS_COLORS[s]}>{t.statusLabel}</Tag> },
    { title: '办理进展', dataIndex: 'progress', render: orDash },
    {
      title: '办理结果 / 转入说明',
      key: 'outcome',
      render: (_, t) => (t.status === 'carried_over' ? orDash(t.carryNote) : orDash(t.resultNote)),
    },
    { title: '办结日期', dataIndex: 'closedOn', width: 110, render: formatDate },
  ];
  // the action column only when some task can be acted on
  if (tasks.some(canAct)) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, t) =>
        canAct(t) ? (
          <Button type="link" size="small" onClick={() => onAct(t)} data-testid={`coop-task-act-${t.id}`}>
            办理
          </Button>
        ) : null,
    });
  }
  return <Table<CoopTask> rowKey="id" size="middle" columns={columns} dataSource={tasks} pagination={false} scroll={{ x: 1100 }} data-testid="coop-case-tasks" />;
}
