/**
 * 每月一次自查 (seed 004 三(一)1): each department files a monthly self-check report with a problem list that is its
 * 整改台账, due by the 5th of the next month; 紧密型 departments also score and rank the townships each month.
 * Pure rules: every check returns null when allowed, or a refusal the user reads.
 */
import { isFutureMonth, type Month } from './period.rules.js';
import { rankByScore } from './ranking.rules.js';

export type SelfCheckStatus = 'draft' | 'submitted';
export type RectificationStatus = 'in_progress' | 'done' | 'long_term';
/** A month's filing as the office overview shows it. */
export type SelfCheckOverviewStatus = 'on_time' | 'late' | 'draft' | 'missing' | 'not_due';

export const SELF_CHECK_STATUS_LABELS: Record<SelfCheckStatus, string> = { draft: '草稿', submitted: '已提交' };
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = { in_progress: '整改中', done: '已整改', long_term: '长期整改' };
export const SELF_CHECK_OVERVIEW_LABELS: Record<SelfCheckOverviewStatus, string> = {
  on_time: '按时报送',
  late: '逾期报送',
  draft: '未提交（草稿）',
  missing: '未报送',
  not_due: '未到报送期限',
};

/** Why something is refused: `invalid` → bad input, `conflict` → the record's state forbids it, `forbidden` → not yours. */
export interface SelfCheckRefusal {
  kind: 'invalid' | 'conflict' | 'forbidden';
  message: string;
  field?: string;
}
/** null = allowed. */
export type SelfCheckVerdict = SelfCheckRefusal | null;

export const SELF_CHECK_MESSAGES = {
  futureMonth: '不能填报未来月份的自查',
  otherDepartment: '只能填报本部门的自查',
  submittedLocked: '自查报告已提交，不能修改；如需修改请联系县联动办公室退回',
  alreadySubmitted: '自查报告已提交，不能重复提交',
  summaryRequired: '提交前请填写自查情况小结',
  notSubmitted: '自查报告尚未提交，无需退回',
  doneNeedsDate: '已整改的问题必须填写整改完成日期',
  doneDateInFuture: '整改完成日期不能晚于今天',
  doneDateOnlyWhenDone: '问题未整改完成时不应填写整改完成日期',
  problemLocked: '自查报告已提交，问题内容不能修改；如需修改请联系县联动办公室退回',
  deadlineLocked: '自查报告已提交，整改时限不能修改；如需调整请联系县联动办公室退回',
  doneIsFinal: '已整改的问题不能改回未整改状态；如核查发现整改不到位，由县联动办公室处理',
  notCloseDepartment: '只有紧密型部门需要对乡镇评分排名',
  noTownships: '本县没有乡镇，无法评分排名',
} as const;

const refuse = (kind: SelfCheckRefusal['kind'], message: string, field?: string): SelfCheckRefusal => ({ kind, message, ...(field ? { field } : {}) });

/** A department files for a month that has started, never a future one. */
export function checkFilingMonth(month: Month, today: string): SelfCheckVerdict {
  return isFutureMonth(month, today) ? refuse('invalid', SELF_CHECK_MESSAGES.futureMonth, 'month') : null;
}

/** A department user files only for the own department. */
export function checkFilingDepartment(userDepartment: string | null, targetDepartment: string): SelfCheckVerdict {
  return userDepartment === targetDepartment ? null : refuse('forbidden', SELF_CHECK_MESSAGES.otherDepartment, 'departmentCode');
}

/**
 * Late when first submitted after the due date (the due date itself is on time). A report the office returned and
 * the department submits again keeps the lateness of its first submission.
 */
export function isLateSubmission(firstSubmittedOn: string, dueDate: string): boolean {
  return firstSubmittedOn > dueDate;
}

/** The report and its problem list change only while a draft (new, or returned by the office). */
export function checkReportEditable(status: SelfCheckStatus): SelfCheckVerdict {
  return status === 'draft' ? null : refuse('conflict', SELF_CHECK_MESSAGES.submittedLocked);
}

export function checkSubmittable(r: { status: SelfCheckStatus; summary: string }): SelfCheckVerdict {
  if (r.status === 'submitted') return refuse('conflict', SELF_CHECK_MESSAGES.alreadySubmitted);
  if (!r.summary.trim()) return refuse('invalid', SELF_CHECK_MESSAGES.summaryRequired, 'summary');
  return null;
}

/** The office returns (退回) a submitted report so that the department may correct it. */
export function checkReopenable(status: SelfCheckStatus): SelfCheckVerdict {
  return status === 'submitted' ? null : refuse('conflict', SELF_CHECK_MESSAGES.notSubmitted);
}

export interface RectificationState {
  problem: string;
  deadline: string; // YYYY-MM-DD
  status: RectificationStatus;
  doneOn: string | null; // YYYY-MM-DD
}

/** A rectification on its own: 已整改 needs the date it was done (not in the future); other statuses have none. */
export function checkRectification(r: RectificationState, today: string): SelfCheckVerdict {
  if (r.status === 'done') {
    if (!r.doneOn) return refuse('invalid', SELF_CHECK_MESSAGES.doneNeedsDate, 'doneOn');
    if (r.doneOn > today) return refuse('invalid', SELF_CHECK_MESSAGES.doneDateInFuture, 'doneOn');
  } else if (r.doneOn) {
    return refuse('invalid', SELF_CHECK_MESSAGES.doneDateOnlyWhenDone, 'doneOn');
  }
  return null;
}

/**
 * A change to a rectification. While its report is a draft anything may change. Once the report is submitted
 * (or the rectification belongs to no report), rectification goes on — status, measure, owner, evidence — but the
 * reported problem and its deadline stay as reported (the deadline decides the 未整改 deduction), and 已整改 is final.
 */
export function checkRectificationChange(before: RectificationState, after: RectificationState, reportLocked: boolean, today: string): SelfCheckVerdict {
  const intrinsic = checkRectification(after, today);
  if (intrinsic) return intrinsic;
  if (!reportLocked) return null;
  if (after.problem !== before.problem) return refuse('conflict', SELF_CHECK_MESSAGES.problemLocked, 'problem');
  if (after.deadline !== before.deadline) return refuse('conflict', SELF_CHECK_MESSAGES.deadlineLocked, 'deadline');
  if (before.status === 'done' && after.status !== 'done') return refuse('conflict', SELF_CHECK_MESSAGES.doneIsFinal, 'status');
  return null;
}

/** Where a department stands for a month: submitted on time or late, still a draft, missing once overdue, or not yet due. */
export function selfCheckOverviewStatus(report: { status: SelfCheckStatus; submittedLate: boolean } | null, dueDate: string, today: string): SelfCheckOverviewStatus {
  if (!report) return today > dueDate ? 'missing' : 'not_due';
  if (report.status === 'draft') return 'draft';
  return report.submittedLate ? 'late' : 'on_time';
}

// ── 乡镇评分排名 (紧密型 departments) ─────────────────────────────────────────

export function checkTownshipRankingDepartment(departmentClass: string): SelfCheckVerdict {
  return departmentClass === 'close' ? null : refuse('invalid', SELF_CHECK_MESSAGES.notCloseDepartment, 'departmentCode');
}

/** Every township of the county scored exactly once; the first problem found names the township. */
export function checkTownshipCoverage(townships: readonly { code: string; name: string }[], given: readonly string[]): SelfCheckVerdict {
  if (!townships.length) return refuse('invalid', SELF_CHECK_MESSAGES.noTownships, 'items');
  const names = new Map(townships.map((t) => [t.code, t.name]));
  const seen = new Set<string>();
  for (const [i, code] of given.entries()) {
    const field = `items.${i}.townshipCode`;
    const name = names.get(code);
    if (name === undefined) return refuse('invalid', `${code} 不是本县的乡镇`, field);
    if (seen.has(code)) return refuse('invalid', `乡镇“${name}”重复评分`, field);
    seen.add(code);
  }
  const missing = townships.filter((t) => !seen.has(t.code)).map((t) => t.name);
  if (missing.length) return refuse('invalid', `缺少乡镇“${missing.join('、')}”的评分，每个乡镇都要评分`, 'items');
  return null;
}

export interface TownshipScore { townshipCode: string; score: number; remark?: string | null }

/** Highest score first; equal scores share a rank (1, 2, 2, 4), in the order given. */
export function rankTownships<T extends TownshipScore>(items: readonly T[]): (T & { rank: number })[] {
  const byCode = new Map(items.map((i) => [i.townshipCode, i]));
  return rankByScore(items.map((i) => ({ departmentCode: i.townshipCode, officeScore: i.score })))
    .map((r) => ({ ...byCode.get(r.departmentCode)!, rank: r.rank }));
}
