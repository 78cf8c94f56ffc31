import { Tag } from 'antd';
import type { NoticeStatus } from './types';

export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = { draft: '待审核', delivered: '已送达' };

export function NoticeStatusTag({ status }: { status: NoticeStatus }) {
  return <Tag color={status === 'delivered' ? 'green' : 'gold'}>{NOTICE_STATUS_LABELS[status] ?? status}</Tag>;
}
