/** 排查轮次: this year's 村级月排查 and 集中排查; the county office creates campaigns (at least two a year). */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { FormErrors } from '../../components/form/FormErrors';
import { useFormSubmit } from '../../components/form/useFormSubmit';
import { QueryError } from '../../components/QueryError';
import { serverNow } from '../../lib/today';
import { useUrlQuery } from '../../lib/useUrlQuery';
import { useCreateCampaign, useRounds, type Round } from './api';

const PHASE_COLORS: Record<Round['phase'], string> = { upcoming: 'default', open: 'processing', finished: 'success' };

function CampaignModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ name: string; range: [Dayjs, Dayjs]; note?: string }>();
  const create = useCreateCampaign();
  const { errors, submit } = useFormSubmit(form, async (v) => {
    await create.mutateAsync({ name: v.name, startsOn: v.range[0].format('YYYY-MM-DD'), endsOn: v.range[1].format('YYYY-MM-DD'), note: v.note });
    form.resetFields();
    onClose();
  });
  return (
    <Modal open={open} title="新建集中排查" onCancel={onClose} onOk={submit} okText="创建" confirmLoading={create.isPending} destroyOnHidden>
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical">
        <Form.Item name="name" label="排查名称" rules={[{ required: true, whitespace: true, message: '请填写排查名称' }, { max: 100, message: '排查名称不能超过100字' }]}>
          <Input placeholder={`例如：${serverNow().year()}年春季集中排查`} />
        </Form.Item>
        <Form.Item name="range" label="排查时间" rules={[{ required: true, message: '请选择开始和结束日期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="工作要求（选填）" rules={[{ max: 500, message: '说明不能超过500字' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function ScreeningRoundsPage() {
  const { can } = useAuth();
  const { filters, update } = useUrlQuery(['year'] as const);
  const year = Number(filters.year) || serverNow().year();
  const rounds = useRounds(year);
  const [creating, setCreating] = useState(false);
  const columns: ColumnsType<Round & { visited: number }> = [
    { title: '排查', dataIndex: 'name', render: (n: string, r) => <Link to={`/screening/${r.id}`}>{n}</Link> },
    { title: '类型', dataIndex: 'kindLabel', width: 110, render: (l: string, r) => <Tag color={r.kind === 'campaign' ? 'purple' : 'blue'}>{l}</Tag> },
    { title: '时间', key: 'range', width: 220, render: (_, r) => `${r.startsOn} 至 ${r.endsOn}` },
    { title: '状态', dataIndex: 'phaseLabel', width: 90, render: (l: string, r) => <Tag color={PHASE_COLORS[r.phase]}>{l}</Tag> },
    { title: '已走访户数', dataIndex: 'visited', width: 110, align: 'right' },
  ];
  return (
    <Card title="村级排查" extra={can('screening:manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建集中排查</Button>}>
      <Space style={{ marginBottom: 16 }}>
        年度 <InputNumber min={2015} max={2100} value={year} onChange={(y) => y && update({ year: y })} />
      </Space>
      {rounds.data && <Alert type={rounds.data.campaigns.met ? 'success' : 'warning'} showIcon title={rounds.data.campaigns.message} style={{ marginBottom: 16 }} />}
      {rounds.isError && <QueryError error={rounds.error} onRetry={() => rounds.refetch()} />}
      <Table rowKey="id" size="middle" columns={columns} dataSource={rounds.data?.items} loading={rounds.isFetching} pagination={false} locale={{ emptyText: `${year}年暂无排查` }} />
      {can('screening:manage') && <CampaignModal open={creating} onClose={() => setCreating(false)} />}
    </Card>
  );
}
