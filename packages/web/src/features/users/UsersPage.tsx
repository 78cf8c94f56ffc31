import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../components/QueryError';
import { SearchBox } from '../../components/SearchBox';
import { tablePagination } from '../../components/table/tablePagination';
import { useUrlQuery } from '../../lib/useUrlQuery';
import { useCodes } from '../reference/useCodes';
import { useUsers } from './api';
import { ResetPasswordModal } from './ResetPasswordModal';
import type { UserRow } from './types';
import { UserCreateModal } from './UserCreateModal';
import { UserEditModal } from './UserEditModal';
import { useUserColumns } from './useUserColumns';

const FILTER_KEYS = ['q', 'role'] as const;

export default function UsersPage() {
  const { filters, page, pageSize, update } = useUrlQuery(FILTER_KEYS);
  const users = useUsers({ ...filters, page, pageSize });
  const roles = useCodes().data?.roles;
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const columns = useUserColumns({ onEdit: setEditing, onResetPassword: setResetting });

  return (
    <Card>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          用户管理
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新增用户
        </Button>
      </Flex>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          placeholder="角色"
          allowClear
          style={{ width: 240 }}
          value={filters.role}
          options={roles?.map((r) => ({ value: r.code, label: r.label }))}
          onChange={(role) => update({ role })}
        />
        <SearchBox placeholder="用户名 / 姓名" value={filters.q} onSearch={(q) => update({ q })} />
      </Space>
      {users.isError && <QueryError error={users.error} onRetry={() => users.refetch()} />}
      <Table<UserRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        scroll={{ x: 1200 }}
        pagination={tablePagination(page, pageSize, users.data?.total, (p, ps) => update({ page: p, pageSize: ps }))}
      />
      <UserCreateModal open={creating} onClose={() => setCreating(false)} />
      <UserEditModal user={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
