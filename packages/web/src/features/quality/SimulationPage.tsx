/** 监测线模拟 (what-if): change a year's monitoring line in a sandbox and see who would enter or leave the range. */
import { Alert, Button, Card, Col, Form, InputNumber, Row, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../components/QueryError';
import { serverNow } from '../../lib/today';
import { useWhatIf, type WhatIfRow } from './api';

export default function SimulationPage() {
  const [form] = Form.useForm<{ year: number; line: number }>();
  const [params, setParams] = useState<{ year: number; line: number } | null>(null);
  const r = useWhatIf(params);
  const d = r.data;
  const year = serverNow().year();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>监测线模拟</Typography.Title>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="模拟只读取数据，不会修改任何记录。"
          description="按所选年度的收支数据（人均纯收入）计算：进入 = 当前不在监测中（一般农户、脱贫户或已消除风险户），收入高于现行监测线但不高于模拟监测线；退出 = 未消除风险的监测户，收入不高于现行监测线但高于模拟监测线。收入等于监测线视为在监测范围内。没有该年度收支数据的农户不计入。" />
        <Form form={form} layout="inline" initialValues={{ year: year - 1, line: 9000 }} onFinish={(v) => setParams({ year: v.year, line: v.line })}>
          <Form.Item name="year" label="收支年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2013} max={2100} precision={0} />
          </Form.Item>
          <Form.Item name="line" label="模拟监测线" rules={[{ required: true, message: '请填写模拟监测线' }]}>
            <InputNumber min={1} max={100000} precision={0} addonAfter="元/年" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" loading={r.isFetching}>模拟计算</Button></Form.Item>
        </Form>
      </Card>
      {r.isError && <QueryError error={r.error} onRetry={() => r.refetch()} />}
      {d && (
        <Card title={`${d.year}年：现行监测线 ${d.currentLine.toLocaleString()} 元 → 模拟 ${d.simulatedLine.toLocaleString()} 元`}>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={6}><Statistic title="将进入监测范围（户）" value={d.total.enterHouseholds} valueStyle={{ color: '#cf1322' }} /></Col>
            <Col xs={6}><Statistic title="将进入监测范围（人）" value={d.total.enterPersons} /></Col>
            <Col xs={6}><Statistic title="将退出监测范围（户）" value={d.total.leaveHouseholds} valueStyle={{ color: '#389e0d' }} /></Col>
            <Col xs={6}><Statistic title="将退出监测范围（人）" value={d.total.leavePersons} /></Col>
          </Row>
          <Table<WhatIfRow>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={d.items}
            locale={{ emptyText: '该年度没有收支数据' }}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}><b>合计</b></Table.Summary.Cell>
                {(['underMonitoringHouseholds', 'enterHouseholds', 'enterPersons', 'leaveHouseholds', 'leavePersons', 'alreadyWithinHouseholds', 'withIncome'] as const).map((k, i) => (
                  <Table.Summary.Cell key={k} index={i + 1}><b>{d.total[k]}</b></Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )}
            columns={[
              { title: '乡镇', dataIndex: 'name' },
              { title: '现监测户（未消除）', dataIndex: 'underMonitoringHouseholds' },
              { title: '进入（户）', dataIndex: 'enterHouseholds' },
              { title: '进入（人）', dataIndex: 'enterPersons' },
              { title: '退出（户）', dataIndex: 'leaveHouseholds' },
              { title: '退出（人）', dataIndex: 'leavePersons' },
              { title: '已在现行线内未监测（户）', dataIndex: 'alreadyWithinHouseholds' },
              { title: '有收支数据户数', dataIndex: 'withIncome' },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
