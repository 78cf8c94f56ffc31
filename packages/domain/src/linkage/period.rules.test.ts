import { describe, expect, it } from 'vitest';
import { isFutureMonth, isMonth, monthsOfQuarter, nextMonth, previousQuarter, quarterEnd, quarterLabel, quarterOfMonth, selfCheckDueDate } from './period.rules.js';

describe('periods', () => {
  it.each([['2026-01', true], ['2026-12', true], ['2026-13', false], ['2026-1', false], ['26-01', false]])('isMonth(%s) = %s', (m, ok) => expect(isMonth(m)).toBe(ok));
  it.each([['2026-01', '2026-02'], ['2026-12', '2027-01']])('next of %s is %s', (m, n) => expect(nextMonth(m)).toBe(n));
  it.each([
    ['2026-01', 1], ['2026-03', 1], ['2026-04', 2], ['2026-09', 3], ['2026-10', 4], ['2026-12', 4],
  ] as const)('%s is in quarter %i', (m, q) => expect(quarterOfMonth(m)).toEqual({ year: 2026, quarter: q }));
  it('months and end of a quarter', () => {
    expect(monthsOfQuarter({ year: 2026, quarter: 4 })).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(quarterEnd({ year: 2026, quarter: 2 })).toBe('2026-06-30');
    expect(quarterLabel({ year: 2026, quarter: 3 })).toBe('2026年第三季度');
    expect(previousQuarter({ year: 2026, quarter: 1 })).toEqual({ year: 2025, quarter: 4 });
  });
  it.each([['2026-03', 5, '2026-04-05'], ['2026-12', 5, '2027-01-05'], ['2026-06', 10, '2026-07-10']] as const)(
    'self-check for %s with due day %i is due %s', (m, d, due) => expect(selfCheckDueDate(m, d)).toBe(due));
  it.each([['2026-11', '2026-11-22', false], ['2026-12', '2026-11-22', true], ['2026-10', '2026-11-22', false]] as const)(
    '%s future on %s: %s', (m, today, f) => expect(isFutureMonth(m, today)).toBe(f));
});
