/** 佐证照片/扫描件 of one rectification: a count that opens the list, and an upload for the department. */
import { App, Button, List, Modal, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { formatDateTime } from '../../../lib/format';

interface Attachment { id: number; fileName: string; contentType: string; sizeBytes: number; uploadedAt: string; uploadedBy: string | null }

const key = (id: number) => ['linkage', 'rectification-attachments', id] as const;
const kb = (n: number) => (n < 1_048_576 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1_048_576).toFixed(1)} MB`);

export function RectificationAttachments({ rectificationId, canUpload }: { rectificationId: number; canUpload: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: key(rectificationId),
    queryFn: async ({ signal }) => (await api<{ items: Attachment[] }>(`/rectifications/${rectificationId}/attachments`, { signal })).items,
  });
  const items = list.data ?? [];
  return (
    <>
      <Button size="small" icon={<PaperClipOutlined />} onClick={() => setOpen(true)} data-testid={`rectification-attachments-${rectificationId}`}>
        {items.length}
      </Button>
      <Modal title="佐证材料（照片、扫描件）" open={open} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <List
          size="small"
          loading={list.isLoading}
          locale={{ emptyText: '暂无佐证材料' }}
          dataSource={items}
          renderItem={(a) => (
            <List.Item>
              <Typography.Link href={`/api/attachments/${a.id}`} target="_blank" rel="noopener">{a.fileName}</Typography.Link>
              <Typography.Text type="secondary">{kb(a.sizeBytes)} · {a.uploadedBy ?? ''} · {formatDateTime(a.uploadedAt)}</Typography.Text>
            </List.Item>
          )}
        />
        {canUpload && (
          <Upload
            name="file"
            action={`/api/rectifications/${rectificationId}/attachments`}
            withCredentials
            accept="image/jpeg,image/png,image/webp,application/pdf"
            showUploadList={false}
            onChange={({ file }) => {
              if (file.status === 'done') {
                void message.success(`已上传：${file.name}`);
                void qc.invalidateQueries({ queryKey: key(rectificationId) });
              } else if (file.status === 'error') {
                const msg = (file.response as { error?: { message?: string } } | undefined)?.error?.message;
                void message.error(msg ?? '上传失败');
              }
            }}
          >
            <Button icon={<UploadOutlined />} style={{ marginTop: 12 }}>上传照片或 PDF（不超过 5 MB）</Button>
          </Upload>
        )}
      </Modal>
    </>
  );
}
