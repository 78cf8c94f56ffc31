/** 未走访户: households under assistance with no visit in N days (county setting), with counts per area and per helper. */
import { App, Button, Card, Col, Flex, InputNumber, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { AreaTreeSelect } from '../../components/AreaTreeSelect';
import { QueryError } from '../../components/QueryError';
import { tablePagination } from '../../components/table/tablePagination';
import { errorMessage } from '../../api/client';
import { useUrlQuery } from '../../lib/useUrlQuery';
import { useAssistanceSettings, useSaveSettings, useUnvisited } from './api';
import type { Unvisited } from './types';

export default function UnvisitedPage() {
  const { user } = useAuth();
  const { filters, page, pageSize, update } = useUrlQuery(['area', 'helperId', 'days'] as const);
  const q = useUnvisited({ area: filters.area, helperId: filters.helperId, days: filters.days, page, pageSize });
  const d = q.data;
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>未走访户</Typography.Title>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <AreaTreeSelect style={{ width: 220 }} value={filters.area} onChange={(v) => update({ area: v })} placeholder="全部管辖区域" />
        <span>超过</span>
        <InputNumber min={1} max={365} style={{ width: 90 }} value={filters.days ? Number(filters.days) : d?.days} onChange={(v) => update({ days: v ?? null })} />
        <span>天未走访</span>
        {filters.helperId && <Button onClick={() => update({ helperId: null })}>清除帮扶责任人筛选</Button>}
        {user?.role === 'county_office' && <DefaultDays />}
      </Flex>
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {d && <Typography.Paragraph type="secondary">最近一次走访早于 {d.cutoff} 或从未走访的帮扶户（已分配帮扶责任人）共 {d.total} 户。</Typography.Paragraph>}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title="按区域">
            <Table<Unvisited['byArea'][number]> rowKey="code" size="small" loading={q.isFetching} dataSource={d?.byArea} pagination={{ pageSize: 10, hideOnSinglePage: true }} locale={{ emptyText: '暂无帮扶户' }}
              columns={[
                { title: '区域', dataIndex: 'name', render: (v: string, r) => <a onClick={() => update({ area: r.code })}>{v}</a> },
                { title: '帮扶户', dataIndex: 'households', width: 90 },
                { title: '未走访', dataIndex: 'unvisited', width: 90, render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
              ]} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="按帮扶责任人（未走访户数从多到少）">
            <Table<Unvisited['byHelper'][number]> rowKey="helperId" size="small" loading={q.isFetching} dataSource={d?.byHelper} pagination={{ pageSize: 10, hideOnSinglePage: true }} locale={{ emptyText: '所有帮扶责任人均按时走访' }}
              columns={[
                { title: '帮扶责任人', dataIndex: 'helperName', render: (v: string, r) => <a onClick={() => update({ helperId: r.helperId })}>{v}</a> },
                { title: '帮扶户', dataIndex: 'households', width: 90 },
                { title: '未走访', dataIndex: 'unvisited', width: 90, render: (n: number) => <Tag color="red">{n}</Tag> },
              ]} />
          </Card>
        </Col>
      </Row>
      <Table<Unvisited['items'][number]> rowKey="householdId" size="middle" scroll={{ x: 820 }} loading={q.isFetching} dataSource={d?.items}
        locale={{ emptyText: '没有超期未走访的帮扶户' }}
        pagination={tablePagination(page, pageSize, d?.total, (p, s) => update({ page: p, pageSize: s }))}
        columns={[
          { title: '户主', key: 'head', render: (_, r) => <Link to={`/households/${r.householdId}`}>{r.headName ?? '（未登记户主）'}</Link> },
          { title: '乡镇 / 村', key: 'area', render: (_, r) => `${r.townshipName} ${r.villageName}` },
          { title: '帮扶责任人', dataIndex: 'helperName', width: 120, render: (v: string | null) => v ?? '—' },
          { title: '最近走访', dataIndex: 'lastVisitOn', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '情况', dataIndex: 'text', render: (v: string) => <Tag color="red">{v}</Tag> },
        ]} />
    </Card>
  );
}

/** The county office sets the default N. */
function DefaultDays() {
  const { message } = App.useApp();
  const s = useAssistanceSettings();
  const save = useSaveSettings();
  const [value, setValue] = useState<number | null>(null);
  return (
    <Flex gap={4} align="center" style={{ marginLeft: 'auto' }}>
      <span>默认天数</span>
      <InputNumber min={1} max={365} style={{ width: 80 }} value={value ?? s.data?.noVisitDays} onChange={(v) => setValue(v)} />
      <Button loading={save.isPending} disabled={value == null || value === s.data?.noVisitDays}
        onClick={() => save.mutateAsync({ noVisitDays: value! }).then(() => { message.success('已保存默认未走访天数'); setValue(null); }, (e) => message.error(errorMessage(e)))}>保存</Button>
    </Flex>
  );
}
