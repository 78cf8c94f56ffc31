/**
 * Evidence files (照片、扫描件) of one record: the list with download links and, where the user may add files, an
 * upload button. Used by warnings, rectifications, monitoring cases and help measures; the server checks the size
 * (413) and type (415) and answers in Chinese, which is shown as is.
 */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Typography, Upload } from 'antd';
import { useState, type CSSProperties } from 'react';
import { formatDateTime } from '../lib/format';
import type { AttachmentMeta } from '../features/workflow/types';

/** Images and PDF, the types every attachment endpoint accepts. */
export const ATTACHMENT_ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

const size = (n: number) => (n < 1_048_576 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1_048_576).toFixed(1)} MB`);

/** POST one file (multipart field `file`) to an attachment endpoint, e.g. `/warnings/12/attachments`. */
export async function uploadAttachment(path: string, file: File): Promise<AttachmentMeta> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(`/api${path}`, { method: 'POST', body: form, credentials: 'same-origin' });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error((body as { error?: { message?: string } } | null)?.error?.message ?? `上传失败（${res.status}）`);
  return body as AttachmentMeta;
}

export interface AttachmentUpload {
  /** The attachment endpoint below /api, e.g. `/cases/3/attachments`. */
  path: string;
  /** Called after a successful upload (refetch the list). */
  onUploaded: () => unknown;
  label?: string;
  accept?: string;
  style?: CSSProperties;
}

export function UploadAttachmentButton({ path, onUploaded, label = '上传照片或 PDF（不超过 5 MB）', accept = ATTACHMENT_ACCEPT, style }: AttachmentUpload) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      accept={accept}
      showUploadList={false}
      customRequest={async ({ file }) => {
        const f = file as File;
        setBusy(true);
        try {
          await uploadAttachment(path, f);
          void message.success(`已上传：${f.name}`);
          await onUploaded();
        } catch (e) {
          void message.error((e as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy} style={style}>{label}</Button>
    </Upload>
  );
}

export function AttachmentList({ items, loading, emptyText = '暂无佐证材料', upload }: {
  items: AttachmentMeta[];
  loading?: boolean;
  emptyText?: string;
  /** Omit when the user may not add files. */
  upload?: AttachmentUpload;
}) {
  return (
    <>
      <List
        size="small"
        loading={loading}
        locale={{ emptyText }}
        dataSource={items}
        renderItem={(a) => (
          <List.Item>
            <Typography.Link href={`/api/attachments/${a.id}`} target="_blank" rel="noopener">{a.fileName}</Typography.Link>
            <Typography.Text type="secondary">{size(a.sizeBytes)} · {a.uploadedBy ?? ''} · {formatDateTime(a.uploadedAt)}</Typography.Text>
          </List.Item>
        )}
      />
      {upload && <UploadAttachmentButton style={{ marginTop: 12 }} {...upload} />}
    </>
  );
}
