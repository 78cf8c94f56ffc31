import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { errorMessage } from '../../../api/client';
import { formatDate } from '../../../lib/format';
import { useDeleteRectification } from './api';
import { RECTIFICATION_STATUS_COLORS } from './labels';
import type { Evidence, Rectification } from './types';
import { RectificationAttachments } from './RectificationAttachments';

interface Props {
  selfCheckId: number;
  rows: Rectification[];
  /** The department may update rows (and, while a draft, delete them). */
  canUpdate: boolean;
  draft: boolean;
  onEdit: (r: Rectification) => void;
}

function EvidenceList({ items }: { items: Evidence[] }) {
  if (!items.length) return <>—</>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
      {items.map((e, i) => (
        <li key={i}>
          {e.name}
          {e.note ? `：${e.note}` : ''}
        </li>
      ))}
    </ul>
  );
}

/** 整改台账: the report's problems with measure, owner, deadline and progress. */
export function RectificationTable({ selfCheckId, rows, canUpdate, draft, onEdit }: Props) {
  const { message } = App.useApp();
  const remove = useDeleteRectification(selfCheckId);

  const columns: ColumnsType<Rectification> = [
    { title: '序号', key: 'index', width: 60, render: (_, __, i) => i + 1 },
    { title: '问题', dataIndex: 'problem', width: 240 },
    { title: '整改措施', dataIndex: 'measure', width: 240 },
    { title: '责任人', dataIndex: 'owner', width: 100 },
    {
      title: '整改时限',
      dataIndex: 'deadline',
      width: 120,
      render: (d: string, r) => (
        <>
          {formatDate(d)}
          {r.overdue && <Tag color="red" style={{ marginInlineStart: 4 }}>已超期</Tag>}
        </>
      ),
    },
    { title: '整改状态', dataIndex: 'status', width: 100, render: (s: Rectification['status'], r) => <Tag color={RECTIFICATION_STATUS_COLORS[s]}>{r.statusLabel}</Tag> },
    { title: '完成日期', dataIndex: 'doneOn', width: 110, render: formatDate },
    { title: '佐证说明', dataIndex: 'evidence', width: 180, render: (e: Evidence[]) => <EvidenceList items={e} /> },
    { title: '照片/文件', key: 'attachments', width: 90, render: (_: unknown, r: Rectification) => <RectificationAttachments rectificationId={r.id} canUpload={canUpdate} /> },
    ...(canUpdate
      ? [{
          title: '操作',
          key: 'actions',
          width: 140,
          fixed: 'right' as const,
          render: (_: unknown, r: Rectification) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => onEdit(r)} data-testid={`rectification-edit-${r.id}`}>
                {draft ? '编辑' : '更新整改'}
              </Button>
              {draft && (
                <Popconfirm
                  title="删除该问题？"
                  description="仅用于删除误登记的问题"
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    remove.mutateAsync(r.id).then(
                      () => void message.success('已删除'),
                      (e: unknown) => void message.error(errorMessage(e)),
                    )
                  }
                >
                  <Button type="link" size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ),
        }]
      : []),
  ];

  return (
    <Table<Rectification>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 1300 }}
      pagination={false}
      locale={{ emptyText: '暂无问题（自查无问题将按评分细则扣分）' }}
      data-testid="rectification-table"
    />
  );
}
