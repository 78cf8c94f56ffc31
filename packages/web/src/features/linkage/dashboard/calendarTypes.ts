export type CalendarKind = 'self_check_due' | 'meeting' | 'submission_due' | 'task_due' | 'quarter_end' | 'helper_day';
export type CalendarState = 'done' | 'pending' | 'due_soon' | 'overdue';

export interface CalendarItem {
  date: string;
  kind: CalendarKind;
  title: string;
  departmentCode: string | null;
  state: CalendarState;
}

export interface CalendarResponse {
  month: string;
  items: CalendarItem[];
}

export const CALENDAR_KIND_LABELS: Record<CalendarKind, string> = {
  self_check_due: '自查报送截止',
  meeting: '例会',
  submission_due: '资料报送截止',
  task_due: '任务到期',
  quarter_end: '季度末',
  helper_day: '帮扶日',
};

export const CALENDAR_STATE_LABELS: Record<CalendarState, string> = { done: '已完成', pending: '待办', due_soon: '即将到期', overdue: '已逾期' };

/** antd Badge status per state. */
export const CALENDAR_STATE_BADGES: Record<CalendarState, 'success' | 'default' | 'warning' | 'error'> = {
  done: 'success',
  pending: 'default',
  due_soon: 'warning',
  overdue: 'error',
};

/** Reminders first: overdue, then due soon, then the rest. */
export const CALENDAR_STATE_ORDER: Record<CalendarState, number> = { overdue: 0, due_soon: 1, pending: 2, done: 3 };
