/**
 * The engine's deadline rule as the facts gathering relies on it (regressions for the fixes made in
 * scoring.rules.ts): a deadline has passed when it lies before the evaluation date, the due day itself being still
 * in time, for rectifications, assignments and submissions alike; an item due on the quarter's last day counts in
 * that quarter once evaluated later; the self-check due day is a setting.
 */
import { describe, expect, it } from 'vitest';
import { computeQuarterScore, type DepartmentQuarterFacts } from '@shouwang/domain';

const Q1 = { year: 2024, quarter: 1 as const };
const facts = (extra: Partial<DepartmentQuarterFacts>): DepartmentQuarterFacts => ({
  departmentClass: 'related', selfChecks: [], townshipRankings: [], rectifications: [], assignments: [], attendance: [],
  submissions: [], warningCredits: [], manualItems: [], ...extra,
});
const ref = { type: 'x', id: 1 };
const codes = (f: DepartmentQuarterFacts, asOf: string) => computeQuarterScore(Q1, f, asOf).lines.map((l) => l.code).filter((c) => c !== 'no_self_check');

describe('deadlines in computeQuarterScore', () => {
  it.each([
    // [deadline, asOf, counted]
    ['2024-03-10', '2024-03-10', false], // due today: still in time
    ['2024-03-10', '2024-03-11', true],
    ['2024-03-31', '2024-03-31', false],
    ['2024-03-31', '2024-04-10', true], // due on the quarter's last day, evaluated after it
    ['2024-04-01', '2024-04-10', false], // the next quarter's
  ])('an open item due %s, evaluated %s, counts: %s', (deadline, asOf, counted) => {
    const f = facts({
      rectifications: [{ ref, deadline, status: 'in_progress', doneOn: null }],
      assignments: [{ ref, deadline, closedOn: null }],
      submissions: [{ ref, dueDate: deadline, submittedOn: null }],
    });
    expect(codes(f, asOf)).toEqual(counted ? ['rectification_overdue', 'assignment_overdue', 'submission_missing'] : []);
  });

  it('does not count an item closed by the quarter end', () => {
    const f = facts({
      rectifications: [{ ref, deadline: '2024-03-31', status: 'done', doneOn: '2024-03-31' }],
      assignments: [{ ref, deadline: '2024-03-31', closedOn: '2024-03-31' }],
      submissions: [{ ref, dueDate: '2024-03-31', submittedOn: '2024-03-31' }],
    });
    expect(codes(f, '2024-04-10')).toEqual([]);
  });

  it.each([
    [undefined, '2024-04-05', 2],
    [undefined, '2024-04-06', 3],
    [10, '2024-04-10', 2],
    [10, '2024-04-11', 3],
  ])('with due day %s, a quarter without self-checks as of %s misses %i', (dueDay, asOf, missed) => {
    const s = computeQuarterScore(Q1, facts({}), asOf, dueDay === undefined ? {} : { selfCheckDueDay: dueDay });
    expect(s.lines.filter((l) => l.code === 'no_self_check')).toHaveLength(missed);
  });
});
