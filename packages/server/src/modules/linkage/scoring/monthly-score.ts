/**
 * The monthly score of a department (紧密型 monthly ranking), by reusing the quarterly engine on the month's facts:
 * facts are restricted to the month (self-check and township ranking of the month, deadlines and meetings and
 * dated items within it), anything closed after the month's end counts as still open at its end, and the
 * engine's lines for the quarter's other months (which have no facts left) are dropped. Pure.
 */
import {
  BASE_SCORE, computeQuarterScore, quarterOfMonth,
  type DepartmentQuarterFacts, type Month, type QuarterScore, type ScoreLine, type ScoreOptions,
} from '@shouwang/domain';

export function monthBounds(month: Month): { start: string; end: string } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${month}-01`, end: `${month}-${String(last).padStart(2, '0')}` };
}

/** The facts of one month, as they stood at the month's end. */
export function factsOfMonth(month: Month, f: DepartmentQuarterFacts): DepartmentQuarterFacts {
  const { start, end } = monthBounds(month);
  const inMonth = (d: string) => d >= start && d <= end;
  const doneBy = (d: string | null) => (d !== null && d <= end ? d : null);
  return {
    departmentClass: f.departmentClass,
    selfChecks: f.selfChecks.filter((s) => s.month === month),
    townshipRankings: f.townshipRankings.filter((r) => r.month === month),
    rectifications: f.rectifications.filter((r) => inMonth(r.deadline)).map((r) => {
      const doneOn = doneBy(r.doneOn);
      return { ...r, doneOn, status: r.status === 'done' && doneOn === null ? 'in_progress' : r.status };
    }),
    assignments: f.assignments.filter((a) => inMonth(a.deadline)).map((a) => ({ ...a, closedOn: doneBy(a.closedOn) })),
    attendance: f.attendance.filter((a) => inMonth(a.date)),
    submissions: f.submissions.filter((s) => inMonth(s.dueDate)),
    warningCredits: f.warningCredits.filter((w) => inMonth(w.date)),
    manualItems: f.manualItems.filter((m) => inMonth(m.date)),
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function computeMonthScore(month: Month, f: DepartmentQuarterFacts, asOf: string, opts: ScoreOptions = {}): QuarterScore {
  const q = computeQuarterScore(quarterOfMonth(month), factsOfMonth(month, f), asOf, opts);
  const lines: ScoreLine[] = q.lines.filter((l) => l.month === undefined || l.month === month);
  const deductions = round2(lines.filter((l) => l.points < 0).reduce((s, l) => s + l.points, 0));
  const additions = round2(lines.filter((l) => l.points > 0).reduce((s, l) => s + l.points, 0));
  return { base: BASE_SCORE, total: round2(BASE_SCORE + deductions + additions), deductions, additions, lines };
}
