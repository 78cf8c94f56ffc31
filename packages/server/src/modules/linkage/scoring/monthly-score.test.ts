import { describe, expect, it } from 'vitest';
import type { DepartmentQuarterFacts } from '@shouwang/domain';
import { computeMonthScore, factsOfMonth, monthBounds } from './monthly-score.js';

const empty = (extra: Partial<DepartmentQuarterFacts> = {}): DepartmentQuarterFacts => ({
  departmentClass: 'close', selfChecks: [], townshipRankings: [], rectifications: [], assignments: [], attendance: [],
  submissions: [], warningCredits: [], manualItems: [], ...extra,
});
const ref = (id: number) => ({ type: 'x', id });

describe('monthBounds', () => {
  it.each([
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['2024-04', '2024-04-01', '2024-04-30'],
    ['2024-12', '2024-12-01', '2024-12-31'],
  ])('%s runs from %s to %s', (month, start, end) => {
    expect(monthBounds(month)).toEqual({ start, end });
  });
});

describe('computeMonthScore', () => {
  const quarterFacts = empty({
    selfChecks: [
      { month: '2024-01', ref: ref(1), status: 'submitted', submittedOn: '2024-02-07', dueDate: '2024-02-05', problemCount: 1 },
      { month: '2024-02', ref: ref(2), status: 'submitted', submittedOn: '2024-03-01', dueDate: '2024-03-05', problemCount: 0 },
    ],
    townshipRankings: [{ month: '2024-01', ref: ref(3) }],
    rectifications: [
      { ref: ref(4), deadline: '2024-01-20', status: 'done', doneOn: '2024-02-10' }, // done after January's end
      { ref: ref(5), deadline: '2024-02-20', status: 'in_progress', doneOn: null },
    ],
    assignments: [
      { ref: ref(6), deadline: '2024-01-15', closedOn: '2024-01-10' },
      { ref: ref(7), deadline: '2024-02-15', closedOn: '2024-03-01' }, // closed after February's end
    ],
    attendance: [{ ref: ref(8), date: '2024-01-25', status: 'absent' }, { ref: ref(9), date: '2024-02-25', status: 'improper' }],
    submissions: [{ ref: ref(10), dueDate: '2024-03-10', submittedOn: null }],
    warningCredits: [{ ref: ref(11), date: '2024-02-02' }],
    manualItems: [{ ref: ref(12), code: 'praise_county', count: 1, date: '2024-01-09' }],
  });

  it.each([
    // January: late self-check −1, rectification done only in February −2, absence −2, praise +1.
    { month: '2024-01', asOf: '2024-04-10', total: 96, codes: ['submission_late', 'rectification_overdue', 'meeting_absent', 'praise_county'] },
    // February: no problem −3, no township ranking −5, open rectification −2, assignment closed in March −3, improper −1, warning +2.
    { month: '2024-02', asOf: '2024-04-10', total: 88, codes: ['self_check_no_problem', 'no_township_ranking', 'rectification_overdue', 'assignment_overdue', 'meeting_improper', 'warning_verified'] },
    // March: no self-check −8, no township ranking −5, the submission due 03-10 never made −2.
    { month: '2024-03', asOf: '2024-04-10', total: 85, codes: ['no_self_check', 'no_township_ranking', 'submission_missing'] },
    // March seen on April 5: its self-check is still in time.
    { month: '2024-03', asOf: '2024-04-05', total: 98, codes: ['submission_missing'] },
  ])('$month as of $asOf scores $total from that month\'s facts only', ({ month, asOf, total, codes }) => {
    const s = computeMonthScore(month, quarterFacts, asOf);
    expect(s.lines.map((l) => l.code).sort()).toEqual([...codes].sort());
    expect(s.lines.every((l) => l.month === undefined || l.month === month)).toBe(true);
    expect(s.total).toBe(total);
    expect(s.deductions + s.additions).toBe(total - 100);
  });

  it('takes the due day setting for a month without a self-check', () => {
    expect(computeMonthScore('2024-03', empty({ departmentClass: 'related' }), '2024-04-08', { selfCheckDueDay: 10 }).total).toBe(100);
    expect(computeMonthScore('2024-03', empty({ departmentClass: 'related' }), '2024-04-11', { selfCheckDueDay: 10 }).total).toBe(92);
  });
});

describe('factsOfMonth', () => {
  it('treats what was done after the month as still open at its end', () => {
    const f = factsOfMonth('2024-01', empty({
      rectifications: [{ ref: ref(1), deadline: '2024-01-20', status: 'done', doneOn: '2024-02-10' }, { ref: ref(2), deadline: '2024-01-21', status: 'done', doneOn: '2024-01-30' }],
      assignments: [{ ref: ref(3), deadline: '2024-01-15', closedOn: '2024-02-01' }],
    }));
    expect(f.rectifications.map((r) => [r.status, r.doneOn])).toEqual([['in_progress', null], ['done', '2024-01-30']]);
    expect(f.assignments[0]!.closedOn).toBeNull();
  });
});
