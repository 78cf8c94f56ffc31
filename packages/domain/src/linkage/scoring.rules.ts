/**
 * 奖优惩后评分细则 (seed 004, 附件4) as data, and the quarterly score as a pure function of facts.
 *
 * Quarterly score = 100 + Σ items. Items the system knows are computed from its own records, one fact → one item
 * (the most specific): a month with no self-check is −8 and nothing else for that month's self-check; a late
 * self-check is one late submission (−1); a submitted self-check with no problem is −3; and so on.
 * Items the office records by hand (通报, 表扬, 发言, 宣传, 越级上访, 舆情) arrive approved with evidence.
 */
import type { DepartmentClass } from './departments.js';
import { monthsOfQuarter, quarterEnd, selfCheckDueDate, type Month, type Quarter } from './period.rules.js';

export type ScoreItemSource = 'computed' | 'manual';

export interface ScoreItemDef {
  code: string;
  label: string;
  /** Signed points per unit: negative for deductions, positive for additions. */
  points: number;
  unit: '条' | '月' | '次';
  source: ScoreItemSource;
  group: string;
}

const d = (code: string, label: string, points: number, unit: ScoreItemDef['unit'], source: ScoreItemSource, group: string): ScoreItemDef =>
  ({ code, label, points, unit, source, group });

/** The catalogue. Amounts exactly as in 附件4. */
export const SCORE_ITEMS: readonly ScoreItemDef[] = [
  d('notice_national', '被国家级通报行业政策未落实', -10, '条', 'manual', '各级通报'),
  d('notice_provincial', '被省级通报行业政策未落实', -5, '条', 'manual', '各级通报'),
  d('notice_city', '被市级通报行业政策未落实', -3, '条', 'manual', '各级通报'),
  d('notice_county', '被县级通报行业政策未落实', -2, '条', 'manual', '各级通报'),
  d('no_self_check', '未开展自查活动', -8, '月', 'computed', '部门自查'),
  d('no_township_ranking', '紧密型部门对乡镇未评分排名', -5, '月', 'computed', '部门自查'),
  d('self_check_no_problem', '自查无问题', -3, '月', 'computed', '部门自查'),
  d('rectification_overdue', '自查问题未整改（需长期整改的除外）', -2, '条', 'computed', '部门自查'),
  d('assignment_overdue', '交办问题或信访舆情件经核实仍未整改', -3, '条', 'computed', '交办整改'),
  d('petition_escalated', '信访人就同一事项再次越级上访', -2, '条', 'manual', '信访舆情'),
  d('negative_opinion', '处置不及时或不当引发重大负面舆情', -3, '条', 'manual', '信访舆情'),
  d('meeting_absent', '"5+2"例会缺席', -2, '次', 'computed', '日常工作'),
  d('meeting_improper', '"5+2"例会未按要求参会', -1, '次', 'computed', '日常工作'),
  d('submission_late', '资料报送不及时', -1, '次', 'computed', '日常工作'),
  d('submission_missing', '资料未报送', -2, '次', 'computed', '日常工作'),
  d('praise_national', '被国家级点名通报表扬', 5, '条', 'manual', '通报表扬'),
  d('praise_provincial', '被省级点名通报表扬', 3, '条', 'manual', '通报表扬'),
  d('praise_city', '被市级点名通报表扬', 2, '条', 'manual', '通报表扬'),
  d('praise_county', '被县级点名通报表扬', 1, '条', 'manual', '通报表扬'),
  d('speech_national', '在国家级重大会议上作典型发言', 5, '条', 'manual', '典型发言'),
  d('speech_provincial', '在省级重大会议上作典型发言', 3, '条', 'manual', '典型发言'),
  d('speech_city', '在市级重大会议上作典型发言', 2, '条', 'manual', '典型发言'),
  d('speech_county_meeting', '在县级重大推进会上作典型发言', 1, '条', 'manual', '典型发言'),
  d('warning_verified', '共享预警信息经核查属实（早发现早干预早帮扶）', 2, '条', 'computed', '预警信息'),
  d('publicity_national', '工作经验被国家级主流媒体宣传推介', 3, '条', 'manual', '正面宣传'),
  d('publicity_provincial', '工作经验被省级主流媒体宣传推介', 2, '条', 'manual', '正面宣传'),
  d('publicity_city', '工作经验被市级主流媒体宣传推介', 1, '条', 'manual', '正面宣传'),
  d('publicity_county', '工作经验被县级主流媒体宣传推介', 0.5, '条', 'manual', '正面宣传'),
];

export const BASE_SCORE = 100;

export class ScoringError extends Error {
  constructor(readonly kind: 'unknown_item' | 'not_manual' | 'bad_count', readonly itemCode: string) {
    super(kind === 'unknown_item' ? `未知的评分项目代码: ${itemCode}` : kind === 'not_manual' ? `评分项目 ${itemCode} 由系统计算，不能手工录入` : `评分项目 ${itemCode} 的数量无效`);
    this.name = 'ScoringError';
  }
}

export function scoreItem(code: string): ScoreItemDef {
  const def = SCORE_ITEMS.find((i) => i.code === code);
  if (!def) throw new ScoringError('unknown_item', code);
  return def;
}

export const manualItemCodes = () => SCORE_ITEMS.filter((i) => i.source === 'manual').map((i) => i.code);

// ── facts ────────────────────────────────────────────────────────────────

/** A reference to the record that caused an item, so every score explains itself; `parent` is the record it lives in. */
export interface FactRef { type: string; id: string | number; label?: string; parent?: { type: string; id: string | number } }

export interface SelfCheckFact {
  month: Month;
  ref: FactRef;
  /** 'draft' reports do not count as submitted. */
  status: 'draft' | 'submitted';
  submittedOn: string | null; // YYYY-MM-DD
  dueDate: string; // YYYY-MM-DD
  problemCount: number;
  /** Set by a verification finding: the self-check was found not actually carried out. */
  foundNotDone?: boolean;
}

export interface TownshipRankingFact { month: Month; ref: FactRef }

export interface RectificationFact {
  ref: FactRef;
  deadline: string; // YYYY-MM-DD
  /** The department's reported status; a verification finding may override it via `verifiedStatus`. */
  status: 'in_progress' | 'done' | 'long_term';
  doneOn: string | null;
  verifiedStatus?: 'in_progress' | 'done';
}

export interface AssignmentFact { ref: FactRef; deadline: string; closedOn: string | null }
export interface AttendanceFact { ref: FactRef; date: string; status: 'present' | 'absent' | 'improper' | 'excused' }
export interface SubmissionFact { ref: FactRef; dueDate: string; submittedOn: string | null }
export interface WarningCreditFact { ref: FactRef; date: string }
export interface ManualItemFact { ref: FactRef; code: string; count: number; date: string }

export interface DepartmentQuarterFacts {
  departmentClass: DepartmentClass;
  selfChecks: SelfCheckFact[];
  townshipRankings: TownshipRankingFact[];
  rectifications: RectificationFact[];
  assignments: AssignmentFact[];
  attendance: AttendanceFact[];
  /** Requested submissions other than the monthly self-check (资料报送). */
  submissions: SubmissionFact[];
  warningCredits: WarningCreditFact[];
  manualItems: ManualItemFact[];
}

export interface ScoreLine {
  code: string;
  label: string;
  points: number; // signed total for this line
  count: number;
  unit: ScoreItemDef['unit'];
  month?: Month;
  refs: FactRef[];
}

export interface QuarterScore {
  base: number;
  total: number;
  deductions: number;
  additions: number;
  lines: ScoreLine[];
}

export interface ScoreOptions {
  /** Day of the next month a self-check is due (linkage setting, default 5). */
  selfCheckDueDay?: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The quarter's score from facts. `asOf` (YYYY-MM-DD, injected) limits what is counted: months whose self-check
 * is not yet due, and deadlines not yet passed, cost nothing. Normally `asOf` = quarter end or later.
 * A deadline has passed when it lies before `asOf` (the due day itself is still in time) and within the quarter;
 * the item then counts when it was still open at the cutoff (the quarter end, or `asOf` if earlier).
 * `opts.selfCheckDueDay` (default 5) dates the self-check of a month that has no self-check record at all.
 */
export function computeQuarterScore(quarter: Quarter, f: DepartmentQuarterFacts, asOf: string, opts: ScoreOptions = {}): QuarterScore {
  const lines: ScoreLine[] = [];
  const add = (code: string, count: number, refs: FactRef[], month?: Month) => {
    if (count <= 0) return;
    const def = scoreItem(code);
    lines.push({ code, label: def.label, points: round2(def.points * count), count, unit: def.unit, ...(month ? { month } : {}), refs });
  };
  const end = quarterEnd(quarter);
  const cutoff = asOf < end ? asOf : end;
  const passed = (deadline: string) => deadline < asOf && deadline <= end;
  const defaultDue = (month: Month) => selfCheckDueDate(month, opts.selfCheckDueDay ?? 5);

  for (const month of monthsOfQuarter(quarter)) {
    const sc = f.selfChecks.find((s) => s.month === month && s.status === 'submitted' && !s.foundNotDone);
    const anyForMonth = f.selfChecks.find((s) => s.month === month);
    const due = anyForMonth?.dueDate ?? null;
    if (!sc) {
      // Only once the due date has passed (as of the evaluation date) is a missing self-check a fact.
      const dueDate = due ?? defaultDue(month);
      if (asOf > dueDate) add('no_self_check', 1, anyForMonth ? [anyForMonth.ref] : [], month);
    } else {
      if (sc.submittedOn && sc.submittedOn > sc.dueDate) add('submission_late', 1, [sc.ref], month);
      if (sc.problemCount === 0) add('self_check_no_problem', 1, [sc.ref], month);
    }
    if (f.departmentClass === 'close' && asOf > (due ?? defaultDue(month)) && !f.townshipRankings.some((r) => r.month === month)) {
      add('no_township_ranking', 1, [], month);
    }
  }

  const overdue = f.rectifications.filter((r) => {
    if (r.status === 'long_term') return false;
    const status = r.verifiedStatus ?? r.status;
    if (!passed(r.deadline)) return false;
    if (status === 'done' && (r.verifiedStatus === 'done' || (r.doneOn !== null && r.doneOn <= cutoff))) return false;
    return true;
  });
  add('rectification_overdue', overdue.length, overdue.map((r) => r.ref));

  const openAssignments = f.assignments.filter((a) => passed(a.deadline) && (a.closedOn === null || a.closedOn > cutoff));
  add('assignment_overdue', openAssignments.length, openAssignments.map((a) => a.ref));

  const absent = f.attendance.filter((a) => a.status === 'absent');
  const improper = f.attendance.filter((a) => a.status === 'improper');
  add('meeting_absent', absent.length, absent.map((a) => a.ref));
  add('meeting_improper', improper.length, improper.map((a) => a.ref));

  const dueSubs = f.submissions.filter((s) => passed(s.dueDate) || s.submittedOn !== null);
  const late = dueSubs.filter((s) => s.submittedOn !== null && s.submittedOn > s.dueDate);
  const missing = dueSubs.filter((s) => s.submittedOn === null);
  add('submission_late', late.length, late.map((s) => s.ref));
  add('submission_missing', missing.length, missing.map((s) => s.ref));

  add('warning_verified', f.warningCredits.length, f.warningCredits.map((w) => w.ref));

  for (const m of f.manualItems) {
    const def = scoreItem(m.code);
    if (def.source !== 'manual') throw new ScoringError('not_manual', m.code);
    if (!Number.isInteger(m.count) || m.count < 1) throw new ScoringError('bad_count', m.code);
    add(m.code, m.count, [m.ref]);
  }

  const deductions = round2(lines.filter((l) => l.points < 0).reduce((s, l) => s + l.points, 0));
  const additions = round2(lines.filter((l) => l.points > 0).reduce((s, l) => s + l.points, 0));
  return { base: BASE_SCORE, total: round2(BASE_SCORE + deductions + additions), deductions, additions, lines };
}
