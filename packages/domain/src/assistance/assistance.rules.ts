/**
 * 早帮扶 rules (domain.md §6; seeds 000, 003): the 帮扶日 calendar (days ending in 5), the "四个一" of a 帮扶日 visit,
 * visit input checks, the "no visit in N days" rule, a helper's workload, and the county figures 户均享受政策数 and
 * 帮扶措施落实率. Pure: dates are 'YYYY-MM-DD' strings and "today" is always passed in.
 *
 * Decisions documented here:
 * - 帮扶日 are the 5th, 15th and 25th of every month (seed 000: "逢5帮扶日"); every month has all three.
 * - A visit of kind 帮扶日 must be on a 帮扶日 and records which of the "四个一" were done (at least one); other kinds
 *   carry no "四个一". A visit may not be in the future nor more than `VISIT_MAX_AGE_DAYS` in the past (late entry of
 *   paper records is allowed for a year).
 * - "No visit in N days": a household whose last visit is N or more days before today (or that was never visited) is
 *   listed. N is configuration (default 30, 1-365).
 * - 户均享受政策数 = implemented (已落实) measures ÷ monitored households of the area; 帮扶措施落实率 = implemented ÷
 *   (planned + implemented) measures, cancelled ones excluded. Both are null when the denominator is 0 (shown "—"),
 *   rounded to 2 decimals (the rate as a fraction 0-1, the page shows a percentage).
 * - Workload: the number of households with an open assignment; above `HELPER_WORKLOAD_LIMIT` (default 10, a
 *   suggestion of the registry page, not a refusal) the page warns.
 */
import { addCalendarDays, calendarDaysBetween, isIsoDate } from '../workflow/deadline.rules.js';

export const HELP_DAY_NUMBERS = [5, 15, 25] as const;

/** The 帮扶日 of a month (YYYY-MM). */
export function helpDaysOfMonth(month: string): string[] {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`invalid month ${month}`);
  return HELP_DAY_NUMBERS.map((d) => `${month}-${String(d).padStart(2, '0')}`);
}

export function isHelpDay(date: string): boolean {
  return isIsoDate(date) && (HELP_DAY_NUMBERS as readonly number[]).includes(Number(date.slice(8, 10)));
}

/** The first 帮扶日 on or after `date`. */
export function nextHelpDay(date: string): string {
  let d = date;
  while (!isHelpDay(d)) d = addCalendarDays(d, 1);
  return d;
}

export const VISIT_KINDS = ['home', 'phone', 'help_day'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_LABELS: Record<VisitKind, string> = { home: '入户走访', phone: '电话走访', help_day: '帮扶日走访' };

/** The "四个一" of a 帮扶日: 一次调研、一件实事、一次政策宣讲、一次庭院打扫. */
export const FOUR_ONES = ['survey', 'practical_matter', 'policy_talk', 'yard_cleaning'] as const;
export type FourOne = (typeof FOUR_ONES)[number];
export const FOUR_ONE_LABELS: Record<FourOne, string> = {
  survey: '一次调研',
  practical_matter: '一件实事',
  policy_talk: '一次政策宣讲',
  yard_cleaning: '一次庭院打扫',
};

export const VISIT_NOTES_MAX = 2000;
export const VISIT_MAX_AGE_DAYS = 365;

export interface VisitInput {
  visitedOn: string;
  kind: string;
  fourOnes: readonly string[];
  notes?: string | null;
}

export interface InputProblem {
  field: string;
  message: string;
}

/** Problems with a visit record, each on its field; empty when it may be saved. */
export function checkVisit(v: VisitInput, today: string): InputProblem[] {
  const out: InputProblem[] = [];
  if (!isIsoDate(v.visitedOn)) out.push({ field: 'visitedOn', message: '走访日期应为有效日期' });
  else if (v.visitedOn > today) out.push({ field: 'visitedOn', message: '走访日期不能晚于今天' });
  else if (calendarDaysBetween(v.visitedOn, today) > VISIT_MAX_AGE_DAYS) out.push({ field: 'visitedOn', message: `走访日期不能早于一年前（${addCalendarDays(today, -VISIT_MAX_AGE_DAYS)}）` });
  if (!(VISIT_KINDS as readonly string[]).includes(v.kind)) out.push({ field: 'kind', message: '走访方式应为入户走访、电话走访或帮扶日走访' });
  const unknown = v.fourOnes.filter((x) => !(FOUR_ONES as readonly string[]).includes(x));
  if (unknown.length) out.push({ field: 'fourOnes', message: `"四个一"事项无效：${unknown.join('、')}` });
  else if (new Set(v.fourOnes).size !== v.fourOnes.length) out.push({ field: 'fourOnes', message: '"四个一"事项不能重复' });
  if (v.kind === 'help_day') {
    if (isIsoDate(v.visitedOn) && !isHelpDay(v.visitedOn)) out.push({ field: 'visitedOn', message: '帮扶日走访的日期应为每月5日、15日或25日' });
    if (!v.fourOnes.length && !unknown.length) out.push({ field: 'fourOnes', message: '帮扶日走访请至少勾选一项"四个一"事项' });
  } else if (v.fourOnes.length && !unknown.length) {
    out.push({ field: 'fourOnes', message: '只有帮扶日走访记录"四个一"事项' });
  }
  if (v.notes && v.notes.length > VISIT_NOTES_MAX) out.push({ field: 'notes', message: `走访情况不超过${VISIT_NOTES_MAX}字` });
  return out;
}

// ── no visit in N days ───────────────────────────────────────────────────

export const DEFAULT_NO_VISIT_DAYS = 30;

export function checkNoVisitDays(days: number): string | null {
  return Number.isInteger(days) && days >= 1 && days <= 365 ? null : '未走访天数应为1-365之间的整数';
}

export interface VisitRecency {
  /** Days since the last visit (null: never visited). */
  daysSince: number | null;
  /** true when the household is listed as not visited in `days` days. */
  overdue: boolean;
  text: string;
}

export function visitRecency(lastVisitOn: string | null, today: string, days: number = DEFAULT_NO_VISIT_DAYS): VisitRecency {
  if (!lastVisitOn) return { daysSince: null, overdue: true, text: '从未走访' };
  const since = calendarDaysBetween(lastVisitOn, today);
  const text = since <= 0 ? '今天已走访' : `${since} 天前走访`;
  return { daysSince: since, overdue: since >= days, text: since >= days ? `${text}，已超过 ${days} 天未走访` : text };
}

/** The last day a visit must have happened on for a household not to be listed: today − (N − 1). */
export function noVisitCutoff(today: string, days: number): string {
  return addCalendarDays(today, -(days - 1));
}

// ── workload and figures ────────────────────────────────────────────────

export const HELPER_WORKLOAD_LIMIT = 10;

export interface HelperWorkload {
  households: number;
  overLimit: boolean;
  text: string;
}

export function helperWorkload(households: number, limit: number = HELPER_WORKLOAD_LIMIT): HelperWorkload {
  const overLimit = households > limit;
  return { households, overLimit, text: overLimit ? `帮扶 ${households} 户，超过建议上限 ${limit} 户` : `帮扶 ${households} 户` };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export interface MeasureCounts {
  planned: number;
  implemented: number;
  cancelled: number;
}

export interface AssistanceFigures extends MeasureCounts {
  households: number;
  /** 户均享受政策数: implemented measures ÷ households; null without households. */
  policiesPerHousehold: number | null;
  /** 帮扶措施落实率 (0-1): implemented ÷ (planned + implemented); null without measures. */
  implementationRate: number | null;
}

export function assistanceFigures(households: number, c: MeasureCounts): AssistanceFigures {
  const active = c.planned + c.implemented;
  return {
    households,
    ...c,
    policiesPerHousehold: households > 0 ? round2(c.implemented / households) : null,
    implementationRate: active > 0 ? round2(c.implemented / active) : null,
  };
}

// ── measures ────────────────────────────────────────────────────────────

export const MEASURE_AMOUNT_MAX = 10_000_000;

export interface MeasureDone {
  implementedOn: string;
  evidenceNote?: string | null;
}

/** Problems with marking a measure 已落实: the date is real, not in the future, not before the plan was made. */
export function checkMeasureDone(d: MeasureDone, planMadeOn: string, today: string): InputProblem[] {
  const out: InputProblem[] = [];
  if (!isIsoDate(d.implementedOn)) out.push({ field: 'implementedOn', message: '落实日期应为有效日期' });
  else if (d.implementedOn > today) out.push({ field: 'implementedOn', message: '落实日期不能晚于今天' });
  else if (d.implementedOn < planMadeOn) out.push({ field: 'implementedOn', message: `落实日期不能早于帮扶计划制定日期（${planMadeOn}）` });
  if (!d.evidenceNote || !d.evidenceNote.trim()) out.push({ field: 'evidenceNote', message: '请填写落实情况说明（佐证）' });
  else if (d.evidenceNote.length > 1000) out.push({ field: 'evidenceNote', message: '落实情况说明不超过1000字' });
  return out;
}
