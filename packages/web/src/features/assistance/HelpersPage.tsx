/** 帮扶责任人名册: list with workload (households assigned), filters; add / edit / deactivate; a helper's households. */
import { App, Button, Card, Drawer, Flex, Form, Input, Select, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { AreaTreeSelect } from '../../components/AreaTreeSelect';
import { FormErrors } from '../../components/form/FormErrors';
import { useFormSubmit } from '../../components/form/useFormSubmit';
import { QueryError } from '../../components/QueryError';
import { tablePagination } from '../../components/table/tablePagination';
import { useUrlQuery } from '../../lib/useUrlQuery';
import { useCreateHelper, useHelper, useHelperUserOptions, useHelpers, useUpdateHelper, type HelperBody } from './api';
import { MONITOR_CATEGORY } from './labels';
import type { Helper } from './types';

const KEYS = ['area', 'q', 'active'] as const;

export default function HelpersPage() {
  const { can } = useAuth();
  const manage = can('helper_registry:manage');
  const { filters, page, pageSize, update } = useUrlQuery(KEYS);
  const list = useHelpers({ area: filters.area, q: filters.q, active: filters.active ?? 'true', page, pageSize });
  const [editing, setEditing] = useState<Helper | 'new' | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const columns: ColumnsType<Helper> = [
    { title: '姓名', dataIndex: 'name', render: (v: string, r) => <a onClick={() => setViewing(r.id)}>{v}</a> },
    { title: '工作单位 / 职务', key: 'unit', render: (_, r) => `${r.unit}${r.position ? ` ${r.position}` : ''}` },
    { title: '联系电话', dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
    { title: '所在区域', dataIndex: 'areaName', width: 110 },
    { title: '帮扶户数', key: 'households', width: 110, render: (_, r) => <Tag color={r.overLimit ? 'orange' : r.households ? 'blue' : 'default'} title={r.workloadText}>{r.households} 户</Tag> },
    { title: '登录账号', dataIndex: 'username', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'active', width: 80, render: (v: boolean) => (v ? <Tag color="green">在岗</Tag> : <Tag>已停用</Tag>) },
    ...(manage ? [{ title: '操作', key: 'op', width: 90, render: (_: unknown, r: Helper) => <Button size="small" onClick={() => setEditing(r)}>修改</Button> }] : []),
  ];
  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>帮扶责任人</Typography.Title>
        {manage && <Button type="primary" onClick={() => setEditing('new')}>新增帮扶责任人</Button>}
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <AreaTreeSelect style={{ width: 220 }} levels={['county', 'township']} value={filters.area} onChange={(v) => update({ area: v })} placeholder="县 / 乡镇" />
        <Select style={{ width: 120 }} value={filters.active ?? 'true'} onChange={(v) => update({ active: v === 'true' ? null : v })}
          options={[{ value: 'true', label: '在岗' }, { value: 'false', label: '已停用' }, { value: 'all', label: '全部' }]} />
        <Input.Search allowClear placeholder="姓名或工作单位" style={{ width: 220 }} defaultValue={filters.q} onSearch={(v) => update({ q: v.trim() || null })} />
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<Helper> rowKey="id" size="middle" scroll={{ x: 900 }} loading={list.isFetching} columns={columns} dataSource={list.data?.items}
        locale={{ emptyText: '没有符合条件的帮扶责任人' }}
        pagination={tablePagination(page, pageSize, list.data?.total, (p, s) => update({ page: p, pageSize: s }))} />
      {editing && <HelperDialog helper={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <HelperDrawer id={viewing} onClose={() => setViewing(null)} />
    </Card>
  );
}

type FormValues = HelperBody & { active: boolean };

function HelperDialog({ helper, onClose }: { helper: Helper | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const users = useHelperUserOptions(true);
  const create = useCreateHelper();
  const update = useUpdateHelper();
  const { errors, submit } = useFormSubmit(form, async (v) => {
    const body = { name: v.name.trim(), unit: v.unit.trim(), position: v.position?.trim() || null, phone: v.phone?.trim() || null, areaCode: v.areaCode, userId: v.userId ?? null };
    if (helper) await update.mutateAsync({ id: helper.id, ...body, active: v.active, version: helper.version });
    else await create.mutateAsync(body);
    message.success(helper ? '已保存' : '已新增帮扶责任人');
    onClose();
  });
  return (
    <Drawer open title={helper ? `修改帮扶责任人：${helper.name}` : '新增帮扶责任人'} width={480} onClose={onClose}
      extra={<Button type="primary" loading={create.isPending || update.isPending} onClick={submit}>保存</Button>}>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" initialValues={helper ? { ...helper, active: helper.active } : { active: true }}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}><Input maxLength={64} /></Form.Item>
        <Form.Item name="unit" label="工作单位" rules={[{ required: true, whitespace: true, message: '请填写工作单位' }]}><Input maxLength={100} placeholder="如：县乡村振兴局" /></Form.Item>
        <Form.Item name="position" label="职务"><Input maxLength={64} /></Form.Item>
        <Form.Item name="phone" label="联系电话" rules={[{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/, message: '联系电话应为11位手机号或带区号的固定电话' }]}><Input maxLength={20} inputMode="tel" /></Form.Item>
        <Form.Item name="areaCode" label="所在区域（县或乡镇）" rules={[{ required: true, message: '请选择所在区域' }]}><AreaTreeSelect levels={['county', 'township']} /></Form.Item>
        <Form.Item name="userId" label="登录账号（帮扶责任人角色，可选）" extra="关联账号后，该帮扶责任人登录可查看和走访自己帮扶的农户。">
          <Select allowClear loading={users.isPending} placeholder="不关联"
            options={(users.data?.items ?? []).filter((u) => u.helperId === null || u.helperId === helper?.id).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))} />
        </Form.Item>
        {helper && <Form.Item name="active" label="在岗" valuePropName="checked" extra="仍有帮扶户时不能停用，请先为这些户更换帮扶责任人。"><Switch /></Form.Item>}
      </Form>
    </Drawer>
  );
}

function HelperDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const q = useHelper(id);
  const d = q.data;
  return (
    <Drawer open={id !== null} title={d ? `${d.helper.name}（${d.helper.unit}）` : '帮扶责任人'} width={640} onClose={onClose}>
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {d && (
        <>
          <Typography.Paragraph>{d.helper.workloadText}{d.helper.overLimit && <Tag color="orange" style={{ marginLeft: 8 }}>超过建议上限</Tag>}</Typography.Paragraph>
          <Flex gap={8} style={{ marginBottom: 12 }}>
            <Link to={`/assistance/visits?helperId=${d.helper.id}`}>走访记录</Link>
            <Link to={`/assistance/unvisited?helperId=${d.helper.id}`}>未走访户</Link>
          </Flex>
          <Table rowKey="id" size="small" dataSource={d.households} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: '暂无帮扶户' }}
            columns={[
              { title: '户主', key: 'head', render: (_, r) => <Link to={`/households/${r.id}`}>{r.headName ?? r.householdNo}</Link> },
              { title: '村', dataIndex: 'villageName' },
              { title: '类别', key: 'cat', render: (_, r) => (r.monitorCategory ? MONITOR_CATEGORY[r.monitorCategory] ?? r.monitorCategory : r.householdType === 'alleviated' ? '脱贫户' : '一般农户') },
              { title: '帮扶起始', dataIndex: 'assignedOn', width: 110 },
            ]} />
        </>
      )}
    </Drawer>
  );
}
