import { Button, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { formatDateTime, orDash } from '../../lib/format';
import { useRoleLabel } from '../reference/useCodes';
import type { UserRow } from './types';

interface Actions {
  onEdit: (u: UserRow) => void;
  onResetPassword: (u: UserRow) => void;
}

export function useUserColumns({ onEdit, onResetPassword }: Actions): ColumnsType<UserRow> {
  const roleLabel = useRoleLabel();
  return [
    { title: '用户名', dataIndex: 'username', width: 140 },
    { title: '姓名', dataIndex: 'displayName', width: 110 },
    { title: '角色', dataIndex: 'role', width: 200, render: (v: string) => roleLabel(v) },
    { title: '区域', dataIndex: 'areaName', width: 160 },
    { title: '部门', dataIndex: 'departmentName', width: 150, render: orDash },
    {
      title: '状态',
      dataIndex: 'active',
      width: 80,
      render: (v: boolean) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
    },
    {
      title: '锁定至',
      dataIndex: 'lockedUntil',
      width: 180,
      render: (v: string | null) =>
        v && dayjs(v).isAfter(dayjs()) ? <Tag color="red">{formatDateTime(v)}</Tag> : <span style={{ color: '#999' }}>{v ? `${formatDateTime(v)}（已过期）` : '—'}</span>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEdit(u)}>
            编辑
          </Button>
          <Button type="link" size="small" onClick={() => onResetPassword(u)}>
            重置密码
          </Button>
        </Space>
      ),
    },
  ];
}
