import { Tag } from 'antd';
import type { Deadline, DeadlineStatus } from './types';

export const URGENCY_LABELS: Record<DeadlineStatus, string> = { on_time: '未到期', due_soon: '即将到期', overdue: '已逾期' };
const URGENCY_COLORS: Record<DeadlineStatus, string> = { on_time: 'green', due_soon: 'orange', overdue: 'red' };

export function UrgencyTag({ status }: { status: DeadlineStatus | null }) {
  if (!status) return null;
  return <Tag color={URGENCY_COLORS[status]}>{URGENCY_LABELS[status]}</Tag>;
}

/** A deadline line coloured by its status (red overdue, orange due soon). */
export function DeadlineText({ d }: { d: Deadline }) {
  const color = d.status === 'overdue' ? '#cf1322' : d.status === 'due_soon' ? '#d46b08' : undefined;
  return <span style={{ color }}>{d.text}</span>;
}

export const STATE_OPTIONS: Record<'identification' | 'elimination', { value: string; label: string }[]> = {
  identification: [
    ['verifying', '入户核实与信息比对'], ['village_review', '村级民主评议'], ['publicity', '村内公示'], ['township_review', '乡镇审核'], ['county_approval', '县级审批'],
    ['announcement', '结果公告'], ['filing', '录入建档'], ['done', '已纳入监测'], ['rejected', '已驳回'], ['withdrawn', '已撤回'],
  ].map(([value, label]) => ({ value: value!, label: label! })),
  elimination: [
    ['verifying', '入户核实'], ['village_review', '村级评议'], ['publicity', '村内公示'], ['township_review', '乡镇审核'], ['county_approval', '县级审批'],
    ['announcement', '结果公告'], ['marking', '标注风险消除'], ['done', '已标注风险消除'], ['rejected', '已驳回'], ['withdrawn', '已撤回'],
  ].map(([value, label]) => ({ value: value!, label: label! })),
};

export const NOTICE_KIND_OPTIONS = [
  { value: 'identification_publicity', label: '识别纳入公示' },
  { value: 'identification_result', label: '识别纳入结果公告' },
  { value: 'elimination_publicity', label: '风险消除公示' },
  { value: 'elimination_result', label: '风险消除结果公告' },
] as const;
