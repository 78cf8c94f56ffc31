/**
 * The "5+2" calendar of what is due in a month: the monthly self-check deadline (the previous month's report, due
 * on the due day), meetings, requested submissions, task deadlines, the quarter end (ranking and notice), and the
 * 帮扶日 (days ending in 5). Each item carries a state for reminders. Pure: `today` is injected.
 */
import { nextMonth, type Month } from './period.rules.js';

export type CalendarKind = 'self_check_due' | 'meeting' | 'submission_due' | 'task_due' | 'quarter_end' | 'helper_day';
export type CalendarState = 'done' | 'pending' | 'due_soon' | 'overdue';

export interface CalendarItem {
  date: string; // YYYY-MM-DD
  kind: CalendarKind;
  title: string;
  departmentCode: string | null;
  state: CalendarState;
}

export interface CalendarInput {
  month: Month;
  today: string;
  selfCheckDueDay: number;
  /** Departments concerned: all 26 for the office, one for a department user. */
  departments: { code: string; name: string }[];
  /** Departments that have submitted the previous month's self-check. */
  selfCheckSubmitted: ReadonlySet<string>;
  meetings: { date: string; title: string }[];
  submissions: { dueDate: string; title: string; departmentCode: string; submitted: boolean }[];
  tasks: { deadline: string; title: string; departmentCode: string | null; done: boolean }[];
  /** Days before a deadline when it counts as due soon. */
  soonDays?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** State of a deadline on `today`: done, overdue once past, due soon within `soonDays`, else pending. */
export function deadlineState(date: string, done: boolean, today: string, soonDays = 3): CalendarState {
  if (done) return 'done';
  if (today > date) return 'overdue';
  if (addDays(today, soonDays) >= date) return 'due_soon';
  return 'pending';
}

/** 帮扶日: the 5th, 15th and 25th of the month. */
export function helperDays(month: Month): string[] {
  return [5, 15, 25].map((d) => `${month}-${pad(d)}`);
}

function previousMonth(m: Month): Month {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 1 ? `${y - 1}-12` : `${y}-${pad(mo - 1)}`;
}

export function buildLinkageCalendar(i: CalendarInput): CalendarItem[] {
  const soon = i.soonDays ?? 3;
  const items: CalendarItem[] = [];
  const reportMonth = previousMonth(i.month);
  const due = `${i.month}-${pad(i.selfCheckDueDay)}`;
  const label = `${Number(reportMonth.slice(5))}月自查报告截止`;
  if (i.departments.length === 1) {
    const d = i.departments[0]!;
    items.push({ date: due, kind: 'self_check_due', title: label, departmentCode: d.code, state: deadlineState(due, i.selfCheckSubmitted.has(d.code), i.today, soon) });
  } else if (i.departments.length > 1) {
    const done = i.departments.filter((d) => i.selfCheckSubmitted.has(d.code)).length;
    items.push({ date: due, kind: 'self_check_due', title: `${label}（已提交 ${done}/${i.departments.length}）`, departmentCode: null, state: deadlineState(due, done === i.departments.length, i.today, soon) });
  }
  for (const m of i.meetings) items.push({ date: m.date, kind: 'meeting', title: m.title, departmentCode: null, state: m.date < i.today ? 'done' : deadlineState(m.date, false, i.today, soon) });
  for (const s of i.submissions) items.push({ date: s.dueDate, kind: 'submission_due', title: `资料报送：${s.title}`, departmentCode: s.departmentCode, state: deadlineState(s.dueDate, s.submitted, i.today, soon) });
  for (const t of i.tasks) items.push({ date: t.deadline, kind: 'task_due', title: `任务到期：${t.title}`, departmentCode: t.departmentCode, state: deadlineState(t.deadline, t.done, i.today, soon) });
  const mo = Number(i.month.slice(5, 7));
  if (mo % 3 === 0) {
    const last = addDays(`${nextMonth(i.month)}-01`, -1);
    items.push({ date: last, kind: 'quarter_end', title: '季度末：部门评分排序与通报', departmentCode: null, state: last < i.today ? 'done' : deadlineState(last, false, i.today, soon) });
  }
  for (const d of helperDays(i.month)) items.push({ date: d, kind: 'helper_day', title: '帮扶日（一次调研、一件实事、一次政策宣讲、一次庭院打扫）', departmentCode: null, state: d < i.today ? 'done' : 'pending' });
  return items.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}
