import { App, Button, Card, Descriptions, Empty, Flex, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { useAuth } from '../../app/auth';
import { AreaTreeSelect } from '../../components/AreaTreeSelect';
import { QueryError } from '../../components/QueryError';
import { useUrlQuery } from '../../lib/useUrlQuery';
import { useCancelNotice, useGenerateNotice, useNotice, useNoticeCandidates, useNotices, usePostNotice } from './api';
import { NOTICE_KIND_OPTIONS } from './labels';
import type { NoticeBrief, NoticeKind } from './types';

const KEYS = ['area', 'kind', 'status', 'open'] as const;

/** 公示公告: generate a village's notice from the cases waiting for it, print / PDF, post it, see objections. */
export default function NoticesPage() {
  const { filters, update } = useUrlQuery(KEYS);
  const { can } = useAuth();
  const list = useNotices({ area: filters.area, kind: filters.kind as NoticeKind | undefined, status: filters.status });
  const openId = filters.open ? Number(filters.open) : null;
  const columns: ColumnsType<NoticeBrief> = [
    { title: '编号', dataIndex: 'id', width: 70 },
    { title: '标题', dataIndex: 'title', render: (t: string, r) => <a onClick={() => update({ open: r.id })}>{t}</a> },
    { title: '乡镇 / 村', key: 'area', render: (_, r) => `${r.townshipName} ${r.villageName}` },
    { title: '户数', dataIndex: 'households', width: 70 },
    { title: '状态', dataIndex: 'statusLabel', width: 90, render: (s: string, r) => <Tag color={r.status === 'posted' ? 'green' : 'gold'}>{s}</Tag> },
    { title: '张贴日期', dataIndex: 'postedOn', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '公示期', key: 'period', render: (_, r) => (r.periodFrom ? `${r.periodFrom} 至 ${r.periodTo}` : '—') },
    {
      title: '打印',
      key: 'print',
      width: 130,
      render: (_, r) => (
        <Space>
          <a href={`/api/case-notices/${r.id}/print`} target="_blank" rel="noreferrer">打印页</a>
          <a href={`/api/case-notices/${r.id}/pdf`} target="_blank" rel="noreferrer">PDF</a>
        </Space>
      ),
    },
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {can('monitoring_case:update') && <GenerateCard onCreated={(id) => update({ open: id })} />}
      <Card title="公示公告">
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Select allowClear placeholder="类型" style={{ width: 200 }} value={filters.kind} onChange={(v) => update({ kind: v })} options={[...NOTICE_KIND_OPTIONS]} />
          <Select allowClear placeholder="状态" style={{ width: 120 }} value={filters.status} onChange={(v) => update({ status: v })} options={[{ value: 'draft', label: '草稿' }, { value: 'posted', label: '已张贴' }]} />
          <AreaTreeSelect style={{ width: 220 }} value={filters.area} onChange={(v) => update({ area: v })} placeholder="乡镇 / 村" />
        </Flex>
        {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
        <Table<NoticeBrief> rowKey="id" size="middle" scroll={{ x: 900 }} loading={list.isFetching} columns={columns} dataSource={list.data?.items} locale={{ emptyText: '暂无公示公告' }} pagination={{ pageSize: 20 }} />
      </Card>
      <NoticeModal id={openId} onClose={() => update({ open: null })} />
    </Space>
  );
}

function GenerateCard({ onCreated }: { onCreated: (id: number) => void }) {
  const [kind, setKind] = useState<NoticeKind>('identification_publicity');
  const [village, setVillage] = useState<string | undefined>();
  const [phone, setPhone] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const candidates = useNoticeCandidates(kind, village);
  const generate = useGenerateNotice();
  const { message } = App.useApp();
  const run = async () => {
    try {
      const r = await generate.mutateAsync({ kind, villageCode: village!, caseIds: selected.length ? selected : undefined, contactPhone: phone.trim() || null });
      message.success('已生成草稿，请核对后打印、张贴');
      setSelected([]);
      onCreated(r.notice.id);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card title="生成公示公告">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select style={{ width: 200 }} value={kind} onChange={(v) => { setKind(v); setSelected([]); }} options={[...NOTICE_KIND_OPTIONS]} />
        <AreaTreeSelect style={{ width: 240 }} levels={['village']} value={village} onChange={(v) => { setVillage(v); setSelected([]); }} placeholder="选择村" />
        <Input style={{ width: 200 }} value={phone} onChange={(e) => setPhone(e.target.value)} placeholder="异议受理电话（选填）" />
      </Flex>
      {!village ? <Typography.Text type="secondary">请选择村，列出该村待{kind.endsWith('publicity') ? '公示' : '公告'}的事项。</Typography.Text> : candidates.isError ? <QueryError error={candidates.error} /> : (
        <>
          <Table
            rowKey="id"
            size="small"
            loading={candidates.isFetching}
            rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as number[]) }}
            dataSource={candidates.data?.items}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该村没有待列入的事项" /> }}
            columns={[
              { title: '事项', dataIndex: 'id', render: (id: number) => <Link to={`/cases/${id}`}>#{id}</Link> },
              { title: '户主', dataIndex: 'headName' },
              { title: '人口', dataIndex: 'memberCount' },
              { title: '进入环节', dataIndex: 'stateEnteredOn' },
            ]}
          />
          <Flex justify="end" style={{ marginTop: 12 }}>
            <Button type="primary" disabled={!candidates.data?.items.length} loading={generate.isPending} onClick={run}>
              {selected.length ? `以所选 ${selected.length} 户生成草稿` : '以全部待列入事项生成草稿'}
            </Button>
          </Flex>
        </>
      )}
    </Card>
  );
}

function NoticeModal({ id, onClose }: { id: number | null; onClose: () => void }) {
  const q = useNotice(id);
  const post = usePostNotice();
  const cancel = useCancelNotice();
  const { message } = App.useApp();
  const n = q.data?.notice;
  const objections = q.data?.objections ?? [];
  const listed = q.data?.cases ?? [];
  const doPost = async () => {
    try {
      await post.mutateAsync(id!);
      message.success(n?.kind.endsWith('publicity') ? '已记录张贴，公示期开始' : '已发布公告');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal open={!!id} onCancel={onClose} footer={null} width={860} title={n?.title ?? '公示公告'} destroyOnHidden>
      {q.isError && <QueryError error={q.error} />}
      {n && (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label="状态"><Tag color={n.status === 'posted' ? 'green' : 'gold'}>{n.statusLabel}</Tag></Descriptions.Item>
            <Descriptions.Item label="户数">{n.households}</Descriptions.Item>
            {n.postedOn && <Descriptions.Item label="张贴日期">{n.postedOn}</Descriptions.Item>}
            {n.periodFrom && <Descriptions.Item label="公示期">{n.periodFrom} 至 {n.periodTo}（{n.earliestNextOn} 起可报乡镇审核）</Descriptions.Item>}
          </Descriptions>
          <Typography.Paragraph style={{ marginTop: 12 }}>{n.content.intro}</Typography.Paragraph>
          <Table
            size="small"
            rowKey={(r) => String(r.seq)}
            pagination={false}
            dataSource={n.content.rows}
            columns={n.content.columns.map((c) => ({ title: c.title, dataIndex: c.key }))}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>异议</Typography.Title>
          {objections.length === 0 ? <Typography.Text type="secondary">暂无异议。异议在事项页面“登记异议”，登记后该户暂停办理，处理完毕后继续。</Typography.Text> : (
            objections.map((o, i) => (
              <div key={i}><Tag color={o.event === 'raise_objection' ? 'red' : 'green'}>{o.label}</Tag><Link to={`/cases/${o.caseId}`}>事项 #{o.caseId}</Link> {o.on} {o.actorName}：{o.remarks}</div>
            ))
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>所列事项</Typography.Title>
          <Flex gap={8} wrap>{listed.map((c) => <Link key={c.id} to={`/cases/${c.id}`}><Tag>{c.headName ?? c.id}{c.openObjections ? '（异议中）' : ''}</Tag></Link>)}</Flex>
          <Flex gap={8} justify="end" wrap style={{ marginTop: 16 }}>
            <Button href={`/api/case-notices/${n.id}/print`} target="_blank">打印页</Button>
            <Button href={`/api/case-notices/${n.id}/pdf`} target="_blank">下载 PDF</Button>
            {n.status === 'draft' && (
              <>
                <Popconfirm title="作废该草稿？" okText="作废" cancelText="取消" onConfirm={async () => { await cancel.mutateAsync(n.id).catch((e) => message.error(errorMessage(e))); onClose(); }}>
                  <Button danger>作废草稿</Button>
                </Popconfirm>
                <Popconfirm title={n.kind.endsWith('publicity') ? '确认已于今天张贴公示？所列各户将进入公示期。' : '确认今天发布结果公告？'} okText="确认" cancelText="取消" onConfirm={doPost}>
                  <Button type="primary" loading={post.isPending}>{n.kind.endsWith('publicity') ? '记录张贴（今天）' : '发布公告（今天）'}</Button>
                </Popconfirm>
              </>
            )}
          </Flex>
        </>
      )}
    </Modal>
  );
}
