/** 走访记录: visits in the caller's area (a helper: their own households), filtered by area, kind and dates; photos on demand. */
import { Button, Card, DatePicker, Flex, Modal, Select, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { AreaTreeSelect } from '../../components/AreaTreeSelect';
import { QueryError } from '../../components/QueryError';
import { tablePagination } from '../../components/table/tablePagination';
import { useUrlQuery } from '../../lib/useUrlQuery';
import { useVisitAttachments, useVisits } from './api';
import { FOUR_ONE, VISIT_KIND } from './labels';
import type { Visit } from './types';

const KEYS = ['area', 'kind', 'from', 'to', 'householdId', 'helperId'] as const;

export default function VisitsPage() {
  const { can } = useAuth();
  const { filters, page, pageSize, update } = useUrlQuery(KEYS);
  const list = useVisits({ ...filters, page, pageSize });
  const [photos, setPhotos] = useState<Visit | null>(null);
  const columns: ColumnsType<Visit> = [
    { title: '走访日期', dataIndex: 'visitedOn', width: 110 },
    { title: '户主', key: 'head', render: (_, r) => <Link to={`/households/${r.householdId}`}>{r.headName ?? '（未登记户主）'}</Link> },
    { title: '村', dataIndex: 'villageName', width: 120 },
    { title: '方式', dataIndex: 'kind', width: 110, render: (v: string) => <Tag color={v === 'help_day' ? 'green' : 'default'}>{VISIT_KIND[v] ?? v}</Tag> },
    { title: '帮扶责任人 / 登记人', key: 'who', width: 150, render: (_, r) => r.helperName ?? r.visitorName ?? '—' },
    { title: '"四个一" / 走访情况', key: 'notes', render: (_, r) => <Flex vertical gap={2}>{r.fourOnes.length > 0 && <Typography.Text type="secondary">{r.fourOnes.map((f) => FOUR_ONE[f] ?? f).join('、')}</Typography.Text>}<Typography.Text ellipsis={{ tooltip: r.notes }} style={{ maxWidth: 360 }}>{r.notes ?? ''}</Typography.Text></Flex> },
    { title: '照片', dataIndex: 'attachments', width: 80, render: (n: number, r) => (n ? <a onClick={() => setPhotos(r)}>{n} 张</a> : '—') },
  ];
  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>走访记录</Typography.Title>
        {can('visit:create') && <Link to="/assistance/visits/new"><Button type="primary">登记走访</Button></Link>}
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <AreaTreeSelect style={{ width: 220 }} value={filters.area} onChange={(v) => update({ area: v })} placeholder="乡镇 / 村" />
        <Select allowClear placeholder="走访方式" style={{ width: 140 }} value={filters.kind} onChange={(v) => update({ kind: v })} options={Object.entries(VISIT_KIND).map(([value, label]) => ({ value, label }))} />
        <DatePicker.RangePicker
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(r) => update({ from: r?.[0]?.format('YYYY-MM-DD') ?? null, to: r?.[1]?.format('YYYY-MM-DD') ?? null })}
        />
        {(filters.householdId || filters.helperId) && <Button onClick={() => update({ householdId: null, helperId: null })}>清除农户 / 帮扶责任人筛选</Button>}
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<Visit> rowKey="id" size="middle" scroll={{ x: 900 }} loading={list.isFetching} columns={columns} dataSource={list.data?.items}
        locale={{ emptyText: '没有符合条件的走访记录' }}
        pagination={tablePagination(page, pageSize, list.data?.total, (p, s) => update({ page: p, pageSize: s }))} />
      {photos && <PhotosDialog visit={photos} onClose={() => setPhotos(null)} />}
    </Card>
  );
}

function PhotosDialog({ visit, onClose }: { visit: Visit; onClose: () => void }) {
  const q = useVisitAttachments(visit.id);
  return (
    <Modal open title={`走访照片（${visit.visitedOn} ${visit.headName ?? ''}）`} footer={null} onCancel={onClose} width={720}>
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending ? <Spin /> : (
        <Flex gap={8} wrap>
          {q.data?.items.map((a) => a.contentType.startsWith('image/')
            ? <a key={a.id} href={`/api/attachments/${a.id}`} target="_blank" rel="noreferrer"><img src={`/api/attachments/${a.id}`} alt={a.fileName} style={{ width: 200, height: 150, objectFit: 'cover', borderRadius: 4 }} /></a>
            : <a key={a.id} href={`/api/attachments/${a.id}`} target="_blank" rel="noreferrer">{a.fileName}</a>)}
        </Flex>
      )}
    </Modal>
  );
}
