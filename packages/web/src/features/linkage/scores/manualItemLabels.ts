import type { ManualItemStatus } from './types';

export const MANUAL_STATUS_LABELS: Record<ManualItemStatus, string> = { pending: '待审核', approved: '已通过', rejected: '已退回' };
export const MANUAL_STATUS_COLORS: Record<ManualItemStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };
