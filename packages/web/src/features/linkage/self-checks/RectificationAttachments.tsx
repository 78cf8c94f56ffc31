/** 佐证照片/扫描件 of one rectification: a count that opens the list, and an upload for the department. */
import { Button, Modal } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { AttachmentList } from '../../../components/AttachmentList';
import type { AttachmentMeta } from '../../workflow/types';

const key = (id: number) => ['linkage', 'rectification-attachments', id] as const;

export function RectificationAttachments({ rectificationId, canUpload }: { rectificationId: number; canUpload: boolean }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: key(rectificationId),
    queryFn: async ({ signal }) => (await api<{ items: AttachmentMeta[] }>(`/rectifications/${rectificationId}/attachments`, { signal })).items,
  });
  const items = list.data ?? [];
  return (
    <>
      <Button size="small" icon={<PaperClipOutlined />} onClick={() => setOpen(true)} data-testid={`rectification-attachments-${rectificationId}`}>
        {items.length}
      </Button>
      <Modal title="佐证材料（照片、扫描件）" open={open} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <AttachmentList
          items={items}
          loading={list.isLoading}
          upload={canUpload ? {
            path: `/rectifications/${rectificationId}/attachments`,
            onUploaded: () => qc.invalidateQueries({ queryKey: key(rectificationId) }),
          } : undefined}
        />
      </Modal>
    </>
  );
}
