/** 人口底册: the 公安 rural population roster — counts per township, the last import, and the import itself. */
import { Alert, Card, Col, Row, Statistic, Table, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, errorMessage } from '../../api/client';
import { useAuth } from '../../app/auth';
import { PageTitle } from '../linkage/shared/PageTitle';
import { ImportPanel, JobStatusTag, RecentJobs, type ImportJob } from './ImportPanel';

interface Summary { total: number; townships: { code: string; name: string; persons: number; villages: number }[]; lastImport: ImportJob | null }

export default function RosterPage() {
  const { can } = useAuth();
  const q = useQuery({ queryKey: ['roster-summary'], queryFn: () => api<Summary>('/roster/summary'), refetchInterval: 5000 });
  const last = q.data?.lastImport;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <PageTitle title="人口底册（公安农村人口）" />
      {q.isError && <Alert type="error" showIcon message={errorMessage(q.error)} />}
      <Row gutter={16}>
        <Col span={8}><Card><Statistic title="底册总人数" value={q.data?.total ?? 0} loading={q.isPending} suffix="人" /></Card></Col>
        <Col span={16}>
          <Card title="最近一次导入" loading={q.isPending}>
            {last ? <Space wrap><JobStatusTag status={last.status} /><span>{last.fileName}</span><span>{new Date(last.createdAt).toLocaleString('zh-CN')}</span><span>{last.message}</span></Space> : '尚未导入底册'}
          </Card>
        </Col>
      </Row>
      <Card title="各乡镇人数">
        <Table size="small" rowKey="code" loading={q.isPending} dataSource={q.data?.townships ?? []} pagination={false} locale={{ emptyText: '暂无数据' }}
          columns={[
            { title: '乡镇', dataIndex: 'name' },
            { title: '有底册人员的村', dataIndex: 'villages', width: 160 },
            { title: '人数', dataIndex: 'persons', width: 120 },
          ]} />
      </Card>
      {can('roster:manage') && <ImportPanel title="导入农村人口底册" kind="roster" templateUrl="/roster/template" uploadUrl="/api/roster/imports" />}
      <RecentJobs kind="roster" />
    </Space>
  );
}
