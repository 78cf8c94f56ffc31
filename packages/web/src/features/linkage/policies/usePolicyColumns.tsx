import { Button, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDate, orDash } from '../../../lib/format';
import { POLICY_LEVEL_COLORS } from './labels';
import type { Policy } from './types';

interface Options {
  /** Office: edit a policy and open its receipts. */
  manage: boolean;
  /** Department user: the own department's read state and 标记已读. */
  department: boolean;
  marking: number | null;
  onEdit: (p: Policy) => void;
  onReceipts: (p: Policy) => void;
  onMarkRead: (p: Policy) => void;
  onTag: (tag: string) => void;
}

export function usePolicyColumns(o: Options): ColumnsType<Policy> {
  return [
    { title: '层级', dataIndex: 'level', width: 70, render: (l: Policy['level'], p) => <Tag color={POLICY_LEVEL_COLORS[l]}>{p.levelLabel}</Tag> },
    { title: '政策标题', dataIndex: 'title', width: 260 },
    {
      title: '发文机关 / 文号',
      dataIndex: 'issuingBody',
      width: 200,
      render: (v: string, p) => (
        <>
          <div>{v}</div>
          <div style={{ color: '#888' }}>{orDash(p.docNumber)}</div>
        </>
      ),
    },
    { title: '印发日期', dataIndex: 'issuedOn', width: 110, render: formatDate },
    {
      title: '标签',
      dataIndex: 'tags',
      width: 160,
      render: (tags: string[]) => (
        <Space size={[0, 4]} wrap>
          {tags.map((t) => (
            <Tooltip key={t} title="按此标签筛选">
              <Tag style={{ cursor: 'pointer' }} onClick={() => o.onTag(t)}>
                {t}
              </Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      title: '已阅部门',
      key: 'reads',
      width: 90,
      render: (_, p) =>
        o.manage ? (
          <Button type="link" size="small" onClick={() => o.onReceipts(p)} data-testid={`policy-receipts-${p.id}`}>
            {p.readCount}/{p.departmentCount}
          </Button>
        ) : (
          `${p.readCount}/${p.departmentCount}`
        ),
    },
    ...(o.department
      ? [{
          title: '本部门',
          key: 'mine',
          width: 120,
          fixed: 'right' as const,
          render: (_: unknown, p: Policy) =>
            p.readByMyDepartment ? (
              <Tag color="green">已阅</Tag>
            ) : (
              <Button size="small" type="primary" ghost loading={o.marking === p.id} onClick={() => o.onMarkRead(p)} data-testid={`policy-mark-read-${p.id}`}>
                标记已读
              </Button>
            ),
        }]
      : []),
    ...(o.manage
      ? [{
          title: '操作',
          key: 'actions',
          width: 140,
          fixed: 'right' as const,
          render: (_: unknown, p: Policy) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => o.onEdit(p)} data-testid={`policy-edit-${p.id}`}>
                编辑
              </Button>
              <Button type="link" size="small" onClick={() => o.onReceipts(p)}>
                阅读回执
              </Button>
            </Space>
          ),
        }]
      : []),
  ];
}
