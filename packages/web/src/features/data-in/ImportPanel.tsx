/** Template download, upload with the import mode, a progress bar polling the job, and the row-level report. */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Progress, Radio, Space, Table, Tag, Typography, Upload } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, errorMessage } from '../../api/client';

export interface RowError { row: number; column: string; value: string; message: string }
export interface ImportJob {
  id: number; kind: 'registry' | 'roster'; mode: 'atomic' | 'valid_rows'; status: 'running' | 'succeeded' | 'failed';
  fileName: string; fileBytes: number; rowsRead: number; rowsWritten: number; householdsWritten: number; errorCount: number;
  message: string | null; warnings: string[]; createdBy: string | null; createdAt: string; finishedAt: string | null;
  errors?: RowError[]; errorsTruncated?: boolean;
}

const STATUS: Record<ImportJob['status'], { color: string; label: string }> = {
  running: { color: 'processing', label: '导入中' }, succeeded: { color: 'success', label: '已完成' }, failed: { color: 'error', label: '未导入' },
};

export function JobStatusTag({ status }: { status: ImportJob['status'] }) {
  return <Tag color={STATUS[status].color}>{STATUS[status].label}</Tag>;
}

/** POST a file as multipart (the JSON client does not send files). */
async function uploadFile(url: string, file: File): Promise<{ id: number }> {
  const form = new FormData();
  form.append('file', file);
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? 'error', body?.error?.message ?? `上传失败（${res.status}）`, body?.error?.fields ?? []);
  return body;
}

export function ImportPanel({ title, templateUrl, uploadUrl, kind }: { title: string; templateUrl: string; uploadUrl: string; kind: 'registry' | 'roster' }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [mode, setMode] = useState<'atomic' | 'valid_rows'>('atomic');
  const [jobId, setJobId] = useState<number | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const job = useQuery({
    queryKey: ['import-job', jobId],
    queryFn: () => api<ImportJob>(`/imports/${jobId}`),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
  });

  const onFile = async (file: File) => {
    setUploading(true);
    setUploadError(null);
    try {
      const r = await uploadFile(`${uploadUrl}?mode=${mode}`, file);
      setJobId(r.id);
      void qc.invalidateQueries({ queryKey: ['import-jobs', kind] });
    } catch (e) {
      setUploadError(errorMessage(e));
      message.error(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  const j = job.data;
  const percent = j ? (j.status === 'running' ? Math.min(99, j.rowsWritten > 0 ? 90 + Math.round((j.rowsWritten / Math.max(1, j.rowsRead)) * 9) : 50) : 100) : 0;
  return (
    <Card title={title}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Flex gap={12} wrap align="center">
          <Button icon={<DownloadOutlined />} href={`/api${templateUrl}`}>下载导入模板</Button>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
            <Radio value="atomic">全部正确才导入（推荐）</Radio>
            <Radio value="valid_rows">仅导入正确的行</Radio>
          </Radio.Group>
          <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => { void onFile(f); return false; }} disabled={uploading}>
            <Button type="primary" icon={<UploadOutlined />} loading={uploading}>选择文件并导入（.xlsx 或 CSV）</Button>
          </Upload>
        </Flex>
        <Typography.Text type="secondary">CSV 支持 UTF-8 和 GBK 编码；Excel 请使用 .xlsx 格式，只读取第一个工作表。</Typography.Text>
        {uploadError && <Alert type="error" showIcon message="文件未被接受" description={uploadError} />}
        {job.isError && <Alert type="error" showIcon message={errorMessage(job.error)} />}
        {j && (
          <>
            <Progress percent={percent} status={j.status === 'failed' ? 'exception' : j.status === 'succeeded' ? 'success' : 'active'} />
            <Descriptions size="small" column={3} items={[
              { key: 'f', label: '文件', children: j.fileName },
              { key: 's', label: '状态', children: <JobStatusTag status={j.status} /> },
              { key: 'r', label: '已读取', children: `${j.rowsRead} 行` },
              { key: 'w', label: '已写入', children: `${j.rowsWritten} 人${kind === 'registry' ? ` / ${j.householdsWritten} 户` : ''}` },
              { key: 'e', label: '错误', children: `${j.errorCount} 处` },
            ]} />
            {j.message && <Alert type={j.status === 'succeeded' ? (j.errorCount ? 'warning' : 'success') : j.status === 'failed' ? 'error' : 'info'} showIcon message={j.message} />}
            {j.warnings.map((w) => <Alert key={w} type="warning" showIcon message={w} />)}
            {!!j.errors?.length && (
              <>
                <Flex justify="space-between" align="center">
                  <Typography.Text strong>错误明细{j.errorsTruncated ? `（显示前 ${j.errors.length} 处，共 ${j.errorCount} 处）` : ''}</Typography.Text>
                  <Button icon={<DownloadOutlined />} href={`/api/imports/${j.id}/report`}>下载错误报告（Excel）</Button>
                </Flex>
                <Table<RowError> size="small" rowKey={(e) => `${e.row}-${e.column}-${e.message}`} dataSource={j.errors} pagination={{ pageSize: 20, showSizeChanger: false }}
                  columns={[
                    { title: '行号', dataIndex: 'row', width: 80 },
                    { title: '列', dataIndex: 'column', width: 140 },
                    { title: '值', dataIndex: 'value', width: 200, ellipsis: true },
                    { title: '问题', dataIndex: 'message' },
                  ]} />
              </>
            )}
          </>
        )}
      </Space>
    </Card>
  );
}

/** Recent jobs of one kind. */
export function RecentJobs({ kind }: { kind: 'registry' | 'roster' }) {
  const q = useQuery({ queryKey: ['import-jobs', kind], queryFn: () => api<{ items: ImportJob[] }>('/imports', { query: { kind } }) });
  return (
    <Card title="最近的导入">
      {q.isError ? <Alert type="error" showIcon message={errorMessage(q.error)} /> : (
        <Table<ImportJob> size="small" rowKey="id" loading={q.isPending} dataSource={q.data?.items ?? []} pagination={false} locale={{ emptyText: '暂无导入记录' }}
          columns={[
            { title: '时间', dataIndex: 'createdAt', width: 170, render: (v: string) => new Date(v).toLocaleString('zh-CN') },
            { title: '文件', dataIndex: 'fileName', ellipsis: true },
            { title: '状态', dataIndex: 'status', width: 90, render: (s: ImportJob['status']) => <JobStatusTag status={s} /> },
            { title: '读取/写入', width: 120, render: (_, j) => `${j.rowsRead} / ${j.rowsWritten}` },
            { title: '错误', dataIndex: 'errorCount', width: 70 },
            { title: '导入人', dataIndex: 'createdBy', width: 100 },
            { title: '', width: 110, render: (_, j) => (j.errorCount ? <a href={`/api/imports/${j.id}/report`}>错误报告</a> : null) },
          ]} />
      )}
    </Card>
  );
}
