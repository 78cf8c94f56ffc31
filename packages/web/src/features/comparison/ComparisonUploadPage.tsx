/** 上传比对数据: pick the family (only the user's own department's), see the template columns, upload, follow the run. */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Progress, Select, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import { PageTitle } from '../linkage/shared/PageTitle';
import { fetchFamilies, fetchRun, isFinished, uploadRun, type FamilyColumn } from './api';
import { RunCountsView, RunStatusTag } from './RunParts';

export default function ComparisonUploadPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const families = useQuery({ queryKey: ['comparison', 'families'], queryFn: fetchFamilies });
  const [chosen, setChosen] = useState<string | undefined>();
  const [runId, setRunId] = useState<number | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const items = families.data?.items ?? [];
  const family = items.find((f) => f.family === (chosen ?? (items.length === 1 ? items[0]!.family : undefined)));

  const run = useQuery({
    queryKey: ['comparison', 'run', runId],
    queryFn: () => fetchRun(runId!),
    enabled: runId !== null,
    refetchInterval: (q) => (isFinished(q.state.data?.status) ? false : 1000),
  });

  const onFile = async (file: File) => {
    if (!family) return;
    setUploading(true);
    setUploadError(null);
    try {
      const r = await uploadRun(family.family, file);
      setRunId(r.id);
      void qc.invalidateQueries({ queryKey: ['comparison', 'runs'] });
    } catch (e) {
      setUploadError(errorMessage(e));
      message.error(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  const r = run.data;
  const percent = !r ? 0 : isFinished(r.status) ? 100 : r.status === 'queued' ? 5 : Math.min(95, 10 + Math.round(Math.log10(Math.max(1, r.counts.rows)) * 12));

  return (
    <Card>
      <PageTitle title="上传比对数据" extra={<Link to="/comparison">比对记录</Link>} />
      {families.isError && <QueryError error={families.error} onRetry={() => void families.refetch()} />}
      {families.isPending ? <Spin /> : items.length === 0 ? (
        <Empty description="您所在的部门没有可上传的比对数据类别" />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Flex gap={12} wrap align="center">
            <Typography.Text>数据类别：</Typography.Text>
            <Select
              style={{ minWidth: 220 }}
              placeholder="请选择比对数据类别"
              value={family?.family}
              onChange={(v) => { setChosen(v); setRunId(null); setUploadError(null); }}
              options={items.map((f) => ({ value: f.family, label: `${f.label}（${f.departmentName ?? f.departmentCode}）` }))}
              data-testid="family-select"
            />
            <Upload accept=".xlsx,.csv" showUploadList={false} disabled={!family || uploading} beforeUpload={(f) => { void onFile(f); return false; }}>
              <Button type="primary" icon={<UploadOutlined />} loading={uploading} disabled={!family} data-testid="upload-button">选择文件并比对（.xlsx 或 CSV）</Button>
            </Upload>
          </Flex>
          {family && (
            <>
              <Typography.Text type="secondary">
                文件第一行为表头，须包含以下列（按列名识别，顺序不限；CSV 支持 UTF-8 和 GBK 编码，Excel 只读取第一个工作表）。
                按证件号码与农户台账及农村人口底册比对，命中启用的规则即推送预警；同一文件重复上传不会重复生成预警。
              </Typography.Text>
              <Table<FamilyColumn> size="small" rowKey="key" pagination={false} dataSource={family.columns} style={{ maxWidth: 640 }}
                columns={[
                  { title: '列名', dataIndex: 'label' },
                  { title: '是否必填', dataIndex: 'required', width: 100, render: (v: boolean) => (v ? <Tag color="red">必填</Tag> : <Tag>选填</Tag>) },
                  { title: '说明', width: 220, render: (_, c) => (c.key === 'idNumber' ? '居民身份证或残疾人证号码（也可用列名「身份证号」）' : c.type === 'number' ? `数字${c.unit ? `（${c.unit}）` : ''}` : c.type === 'boolean' ? '是 / 否' : '文字') },
                ]} />
              <Typography.Text>
                启用的规则：{family.activeRules.length ? family.activeRules.map((x) => <Tag key={x.code}>{x.label}（v{x.version}）</Tag>) : '无（请联系县联动办公室启用规则）'}
              </Typography.Text>
            </>
          )}
          {uploadError && <Alert type="error" showIcon title="文件未被接受" description={uploadError} data-testid="upload-error" />}
          {run.isError && <QueryError error={run.error} onRetry={() => void run.refetch()} />}
          {r && (
            <Card size="small" title={<Space>比对进度 <RunStatusTag run={r} /></Space>} data-testid="run-progress">
              <Space direction="vertical" style={{ width: '100%' }}>
                <Progress percent={percent} status={r.status === 'failed' ? 'exception' : r.status === 'completed' ? 'success' : 'active'} />
                <Typography.Text>文件：{r.fileName}；已读取 {r.counts.rows} 行</Typography.Text>
                {r.headerWarnings.map((w) => <Alert key={w} type="warning" showIcon title={w} />)}
                {r.status === 'failed' && <Alert type="error" showIcon title="比对失败" description={r.errorMessage} />}
                {r.status === 'completed' && (
                  <>
                    <RunCountsView run={r} />
                    <Link to={`/comparison/runs/${r.id}`} data-testid="run-detail-link">查看命中明细和问题行</Link>
                  </>
                )}
              </Space>
            </Card>
          )}
        </Space>
      )}
    </Card>
  );
}
