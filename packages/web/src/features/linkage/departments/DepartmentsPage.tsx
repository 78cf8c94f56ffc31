import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useAuth } from '../../../app/auth';
import { QueryError } from '../../../components/QueryError';
import { CLASS_ORDER, DepartmentClassTag } from '../shared/DepartmentClassTag';
import { DEPARTMENT_CLASS_LABELS, type DepartmentClass } from '../shared/linkageDomain';
import { PageTitle } from '../shared/PageTitle';
import { useLinkageDepartments, type LinkageDepartment } from '../shared/useLinkageDepartments';
import { DutiesModal } from './DutiesModal';

/** 成员部门: the 26 departments by class with their 职责清单; the office edits a duty list. */
export default function DepartmentsPage() {
  const { can } = useAuth();
  const departments = useLinkageDepartments();
  const [editing, setEditing] = useState<LinkageDepartment | null>(null);
  const editable = can('department:manage');

  const columns: ColumnsType<LinkageDepartment> = [
    { title: '序号', key: 'index', width: 64, render: (_, __, i) => i + 1 },
    { title: '部门', dataIndex: 'name', width: 170, render: (v: string, d) => <><div>{v}</div><DepartmentClassTag cls={d.class} /></> },
    {
      title: '职责清单',
      dataIndex: 'duties',
      render: (duties: string[]) =>
        duties.length ? (
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {duties.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ol>
        ) : (
          <span style={{ color: '#999' }}>暂无职责</span>
        ),
    },
    ...(editable
      ? [{
          title: '操作',
          key: 'actions',
          width: 110,
          render: (_: unknown, d: LinkageDepartment) => (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(d)} data-testid={`department-edit-${d.code}`}>
              编辑职责
            </Button>
          ),
        }]
      : []),
  ];

  const byClass = useMemo(() => {
    const m = new Map<DepartmentClass, LinkageDepartment[]>(CLASS_ORDER.map((c) => [c, []]));
    for (const d of departments.data ?? []) m.get(d.class)?.push(d);
    return m;
  }, [departments.data]);

  return (
    <Card>
      <PageTitle title="成员部门与职责清单" />
      {departments.isError && <QueryError error={departments.error} onRetry={() => departments.refetch()} />}
      <Tabs
        items={CLASS_ORDER.map((c) => ({
          key: c,
          label: `${DEPARTMENT_CLASS_LABELS[c]}（${byClass.get(c)?.length ?? 0}个）`,
          children: (
            <Table<LinkageDepartment>
              rowKey="code"
              size="middle"
              columns={columns}
              dataSource={byClass.get(c)}
              loading={departments.isFetching}
              pagination={false}
            />
          ),
        }))}
      />
      {editable && <DutiesModal department={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
