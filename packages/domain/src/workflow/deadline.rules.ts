/**
 * Deadlines of 识别纳入 and 帮扶 (domain.md §5, §6; seed 003): identification ≤ 15 days from clue to decision, 村内公示
 * ≥ 5 days before the next step, help plan ≤ 10 days after county approval. Each rule is configuration (days, and
 * whether calendar days or working days count); the defaults are below. Pure: dates are 'YYYY-MM-DD' strings and
 * "today" is always passed in.
 *
 * Decisions documented here:
 * - One formula for both kinds: the rule's date is the n-th (calendar or working) day after the start date.
 *   A `max` rule's date is the last day the step may be done (inclusive); a `min` rule's date is the first day the
 *   next step may be done. 公示 posted on 03-01 for 5 calendar days therefore runs 03-01 … 03-05 and the result may
 *   be reported from 03-06.
 * - Working days are Monday-Friday, minus the injected holidays, plus the injected make-up working days (调休上班,
 *   a Saturday or Sunday that is worked). Starting on a non-working day is allowed: the count still starts after it.
 * - Status compares dates (today after the due date = overdue, whatever the counting); `daysRemaining` counts in the
 *   rule's own unit, so a working-day rule due on Friday has 0 working days left on the Saturday after and is overdue.
 */

export type DayCounting = 'calendar' | 'working';
/** `max`: must be done by the date; `min`: may be done only from the date. */
export type DeadlineKind = 'max' | 'min';
export type DeadlineRuleName = 'identification' | 'publicity' | 'help_plan';
export type DeadlineStatus = 'on_time' | 'due_soon' | 'overdue';

export interface DeadlineRule {
  days: number;
  counting: DayCounting;
  kind: DeadlineKind;
}

export interface WorkCalendar {
  /** Public holidays (YYYY-MM-DD) that are not worked, e.g. 春节, 国庆. */
  holidays: readonly string[];
  /** Weekend days that are worked (调休上班). */
  extraWorkingDays: readonly string[];
}

export interface DeadlineConfig {
  rules: Record<DeadlineRuleName, DeadlineRule>;
  /** A `max` deadline this many days ahead (in the rule's unit), or due today, is "due soon". */
  dueSoonDays: number;
  calendar: WorkCalendar;
}

export const DEADLINE_RULE_LABELS: Record<DeadlineRuleName, string> = {
  identification: '识别纳入办理时限',
  publicity: '村内公示期',
  help_plan: '帮扶计划制定时限',
};

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  on_time: '未到期',
  due_soon: '即将到期',
  overdue: '已逾期',
};

export const DAY_COUNTING_LABELS: Record<DayCounting, string> = { calendar: '自然日', working: '工作日' };

export const DEFAULT_DEADLINE_CONFIG: DeadlineConfig = {
  rules: {
    identification: { days: 15, counting: 'calendar', kind: 'max' },
    publicity: { days: 5, counting: 'calendar', kind: 'min' },
    help_plan: { days: 10, counting: 'calendar', kind: 'max' },
  },
  dueSoonDays: 3,
  calendar: { holidays: [], extraWorkingDays: [] },
};

export interface DeadlineConfigInput {
  rules?: Partial<Record<DeadlineRuleName, Partial<Pick<DeadlineRule, 'days' | 'counting'>>>>;
  dueSoonDays?: number;
  calendar?: Partial<WorkCalendar>;
}

/** The defaults with the county's settings laid over them (a rule's kind is fixed: 公示 stays a minimum). */
export function deadlineConfig(input: DeadlineConfigInput = {}): DeadlineConfig {
  const d = DEFAULT_DEADLINE_CONFIG;
  const rule = (n: DeadlineRuleName): DeadlineRule => ({ ...d.rules[n], ...input.rules?.[n], kind: d.rules[n].kind });
  return {
    rules: { identification: rule('identification'), publicity: rule('publicity'), help_plan: rule('help_plan') },
    dueSoonDays: input.dueSoonDays ?? d.dueSoonDays,
    calendar: {
      holidays: input.calendar?.holidays ?? d.calendar.holidays,
      extraWorkingDays: input.calendar?.extraWorkingDays ?? d.calendar.extraWorkingDays,
    },
  };
}

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  return DATE_RE.test(s) && fromDayNumber(toDayNumber(s)) === s;
}

/** Problems with a configuration, in words for the settings page; empty when it may be saved. */
export function checkDeadlineConfig(c: DeadlineConfig): string[] {
  const problems: string[] = [];
  for (const name of Object.keys(DEADLINE_RULE_LABELS) as DeadlineRuleName[]) {
    const r = c.rules[name];
    if (!Number.isInteger(r.days) || r.days < 1 || r.days > 365) problems.push(`${DEADLINE_RULE_LABELS[name]}应为1-365之间的整数天`);
    if (r.counting !== 'calendar' && r.counting !== 'working') problems.push(`${DEADLINE_RULE_LABELS[name]}的计算方式应为自然日或工作日`);
  }
  if (!Number.isInteger(c.dueSoonDays) || c.dueSoonDays < 0 || c.dueSoonDays > 30) problems.push('即将到期提醒天数应为0-30之间的整数');
  const bad = [...c.calendar.holidays, ...c.calendar.extraWorkingDays].filter((s) => !isIsoDate(s));
  if (bad.length) problems.push(`节假日或调休日期格式错误：${bad.join('、')}`);
  const both = c.calendar.holidays.filter((h) => c.calendar.extraWorkingDays.includes(h));
  if (both.length) problems.push(`同一天不能既是节假日又是调休上班日：${both.join('、')}`);
  return problems;
}

// ── dates as day numbers (days since 1970-01-01, UTC; no time zone involved) ────────────────────

function toDayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

function fromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  if (cal.extraWorkingDays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  const wd = weekdayOf(date);
  return wd !== 0 && wd !== 6;
}

/** The n-th working day after `date` (n ≥ 0; n = 0 gives `date` itself). */
export function addWorkingDays(date: string, n: number, cal: WorkCalendar): string {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/** Days in (from, to] in the given unit; negative (days in (to, from]) when `to` is before `from`. */
export function daysBetween(from: string, to: string, counting: DayCounting, cal: WorkCalendar): number {
  if (counting === 'calendar') return calendarDaysBetween(from, to);
  const sign = to >= from ? 1 : -1;
  const [a, b] = sign === 1 ? [from, to] : [to, from];
  let count = 0;
  for (let d = addCalendarDays(a, 1); d <= b; d = addCalendarDays(d, 1)) if (isWorkingDay(d, cal)) count++;
  return count === 0 ? 0 : sign * count;
}

/** The rule's date from `start`: the last allowed day of a `max` rule, the first allowed day of a `min` rule. */
export function ruleDate(start: string, rule: DeadlineRule, cal: WorkCalendar): string {
  return rule.counting === 'calendar' ? addCalendarDays(start, rule.days) : addWorkingDays(start, rule.days, cal);
}

/** Days left until `due` in the rule's unit (0 on the day; negative once past). */
export function daysRemaining(due: string, today: string, counting: DayCounting, cal: WorkCalendar): number {
  return daysBetween(today, due, counting, cal);
}

export interface StatusOptions {
  counting: DayCounting;
  calendar: WorkCalendar;
  dueSoonDays: number;
  /** When the step was done: then the status says whether it was done in time. */
  doneOn?: string | null;
}

/** A `max` deadline on `today`: overdue once past (or done late), due soon within `dueSoonDays`, else on time. */
export function deadlineStatus(due: string, today: string, o: StatusOptions): DeadlineStatus {
  if (o.doneOn) return o.doneOn > due ? 'overdue' : 'on_time';
  if (today > due) return 'overdue';
  return daysRemaining(due, today, o.counting, o.calendar) <= o.dueSoonDays ? 'due_soon' : 'on_time';
}

export interface DeadlineEvaluation {
  rule: DeadlineRuleName;
  kind: DeadlineKind;
  start: string;
  /** `max`: last allowed day; `min`: first allowed day. */
  date: string;
  /** `max` only: on_time / due_soon / overdue. For `min`, whether the date is reached is `reached`. */
  status: DeadlineStatus | null;
  reached: boolean;
  daysRemaining: number;
  /** What the user reads, e.g. 「识别纳入办理时限：2024-03-16 到期，剩余 3 天」. */
  text: string;
}

/** Evaluate a configured rule for a start date on `today`. */
export function evaluateDeadline(rule: DeadlineRuleName, start: string, today: string, config: DeadlineConfig = DEFAULT_DEADLINE_CONFIG, doneOn?: string | null): DeadlineEvaluation {
  const r = config.rules[rule];
  const date = ruleDate(start, r, config.calendar);
  const left = daysRemaining(date, today, r.counting, config.calendar);
  const unit = r.counting === 'working' ? '个工作日' : '天';
  const label = DEADLINE_RULE_LABELS[rule];
  if (r.kind === 'min') {
    const reached = today >= date;
    const text = reached ? `${label}已满（${r.days}${unit}），可进行下一步` : `${label}未满：${date} 起方可进行下一步，还需 ${left} ${unit}`;
    return { rule, kind: 'min', start, date, status: null, reached, daysRemaining: left, text };
  }
  const status = deadlineStatus(date, today, { counting: r.counting, calendar: config.calendar, dueSoonDays: config.dueSoonDays, doneOn });
  let text: string;
  if (doneOn) text = status === 'overdue' ? `${label}：应于 ${date} 前完成，${doneOn} 完成，超期` : `${label}：${doneOn} 按时完成`;
  else if (today > date) text = `${label}：${date} 到期，已逾期 ${calendarDaysBetween(date, today)} 天`;
  else if (left === 0) text = `${label}：今天（${date}）到期`;
  else text = `${label}：${date} 到期，剩余 ${left} ${unit}`;
  return { rule, kind: 'max', start, date, status, reached: today >= date, daysRemaining: left, text };
}

/** 识别纳入: the decision is due this day, counted from the clue. */
export function identificationDueOn(clueOn: string, config: DeadlineConfig = DEFAULT_DEADLINE_CONFIG): string {
  return ruleDate(clueOn, config.rules.identification, config.calendar);
}

/** 帮扶计划: due this day, counted from the county approval. */
export function helpPlanDueOn(countyApprovedOn: string, config: DeadlineConfig = DEFAULT_DEADLINE_CONFIG): string {
  return ruleDate(countyApprovedOn, config.rules.help_plan, config.calendar);
}

export interface PublicityPeriod {
  /** The day the notice is posted. */
  from: string;
  /** The last day of the period as printed on the notice. */
  to: string;
  /** The first day the next step (乡镇审核) may be done. */
  earliestNextStepOn: string;
}

/**
 * 公示期 printed on the notice: from the posting day to the day before the next step may start (with working days,
 * the last working day before it).
 */
export function publicityPeriod(postedOn: string, config: DeadlineConfig = DEFAULT_DEADLINE_CONFIG): PublicityPeriod {
  const r = config.rules.publicity;
  const earliest = ruleDate(postedOn, r, config.calendar);
  let to = addCalendarDays(earliest, -1);
  if (r.counting === 'working') while (to > postedOn && !isWorkingDay(to, config.calendar)) to = addCalendarDays(to, -1);
  return { from: postedOn, to, earliestNextStepOn: earliest };
}
