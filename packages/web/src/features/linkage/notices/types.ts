export type NoticeStatus = 'draft' | 'delivered';

export interface NoticeRow {
  id: number;
  rankingId: number;
  year: number;
  quarter: number;
  title: string;
  status: NoticeStatus;
  /** Department codes flagged as lagging for consecutive quarters. */
  lagging: string[];
  createdAt: string;
  approvedAt: string | null;
  /** A department user's own receipt. */
  readAt: string | null;
  readCount: number | string;
  receiptCount: number | string;
}

export interface Notice extends Omit<NoticeRow, 'readAt' | 'readCount' | 'receiptCount'> {
  body: string;
}

export interface NoticeReceipt {
  departmentCode: string;
  departmentName: string;
  deliveredAt: string;
  readAt: string | null;
  readByName: string | null;
}
