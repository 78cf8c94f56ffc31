import { Tag } from 'antd';
import type { WarningDeadline } from './types';

export const STATE_OPTIONS = [
  { value: 'pushed', label: '已推送' },
  { value: 'verifying', label: '乡镇核实中' },
  { value: 'included', label: '纳入监测' },
  { value: 'already_monitored', label: '已是监测对象' },
  { value: 'not_included', label: '不纳入' },
  { value: 'duplicate', label: '重复' },
];

export const SOURCE_OPTIONS = [
  { value: 'comparison', label: '信息比对' },
  { value: 'instant', label: '部门信息预警' },
  { value: 'self_report', label: '农户自主申报' },
  { value: 'screening', label: '基层干部排查' },
];

const STATE_COLORS: Record<string, string> = {
  pushed: 'blue', verifying: 'gold', included: 'red', already_monitored: 'purple', not_included: 'default', duplicate: 'default',
};

export function StateTag({ state, label }: { state: string; label: string }) {
  return <Tag color={STATE_COLORS[state] ?? 'default'}>{label}</Tag>;
}

/** The verification deadline: red when overdue, orange when due soon; closed ones say whether they were in time. */
export function DeadlineTag({ d, open }: { d: WarningDeadline; open: boolean }) {
  if (!open) return <Tag color={d.status === 'overdue' ? 'volcano' : 'green'}>{d.status === 'overdue' ? '超期完成' : '按时完成'}</Tag>;
  const color = d.status === 'overdue' ? 'red' : d.status === 'due_soon' ? 'orange' : 'default';
  return (
    <Tag color={color} title={d.text}>
      {d.status === 'overdue' ? `已逾期 · ${d.dueOn}` : d.status === 'due_soon' ? `即将到期 · ${d.dueOn}` : `${d.dueOn} 到期`}
    </Tag>
  );
}
