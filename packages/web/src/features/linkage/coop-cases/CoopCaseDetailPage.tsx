import { CheckCircleOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space, Spin } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { PageTitle } from '../shared/PageTitle';
import { useDepartmentUser } from '../shared/useDepartmentUser';
import { AddTaskModal } from './AddTaskModal';
import { useCoopCase } from './api';
import { CaseInfo } from './CaseInfo';
import { CaseTasksTable } from './CaseTasksTable';
import { CloseCaseModal } from './CloseCaseModal';
import { CoopCaseEditModal } from './CoopCaseEditModal';
import { TaskUpdateModal } from './TaskUpdateModal';
import type { CoopTask } from './types';

/** A joint-handling case: its facts, the kind's details, department tasks; closed only when every task is. */
export default function CoopCaseDetailPage() {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const myDepartment = useDepartmentUser();
  const detail = useCoopCase(id);
  const [dialog, setDialog] = useState<'edit' | 'task' | 'close' | null>(null);
  const [acting, setActing] = useState<CoopTask | null>(null);

  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="事项不存在" />;
  if (detail.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => detail.refetch()} />;

  const { case: c, household, tasks } = detail.data;
  const office = can('coop_case:manage');
  const open = c.status === 'open';
  const canAct = (t: CoopTask) =>
    open && can('coop_case:update') && (office || (t.departmentCode === myDepartment && t.status === 'open'));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <PageTitle
          backTo="/linkage/coop-cases"
          title={c.title}
          extra={
            office &&
            open && (
              <Space>
                <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="coop-case-edit">
                  编辑事项
                </Button>
                <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setDialog('close')} data-testid="coop-case-close">
                  办结事项
                </Button>
              </Space>
            )
          }
        />
        <CaseInfo coopCase={c} household={household} />
      </Card>
      <Card
        title={`部门任务（${tasks.filter((t) => t.status !== 'open').length}/${tasks.length} 已办结或转入后续计划）`}
        extra={
          office &&
          open && (
            <Button icon={<PlusOutlined />} onClick={() => setDialog('task')} data-testid="coop-case-task-new">
              追加任务
            </Button>
          )
        }
      >
        <CaseTasksTable tasks={tasks} canAct={canAct} onAct={setActing} />
      </Card>
      <TaskUpdateModal task={acting} caseKind={c.kind} office={office} onClose={() => setActing(null)} />
      {office && (
        <>
          <CoopCaseEditModal coopCase={c} open={dialog === 'edit'} onClose={() => setDialog(null)} />
          <AddTaskModal caseId={c.id} openedOn={c.openedOn} open={dialog === 'task'} onClose={() => setDialog(null)} />
          <CloseCaseModal caseId={c.id} open={dialog === 'close'} onClose={() => setDialog(null)} />
        </>
      )}
    </Space>
  );
}
