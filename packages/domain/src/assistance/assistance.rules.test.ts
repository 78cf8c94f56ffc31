import { describe, expect, it } from 'vitest';
import {
  assistanceFigures, checkMeasureDone, checkNoVisitDays, checkVisit, helpDaysOfMonth, helperWorkload, isHelpDay, nextHelpDay,
  noVisitCutoff, visitRecency,
} from './assistance.rules.js';

describe('帮扶日 calendar', () => {
  it.each([
    ['2025-02', ['2025-02-05', '2025-02-15', '2025-02-25']],
    ['2024-12', ['2024-12-05', '2024-12-15', '2024-12-25']],
  ])('%s has the days ending in 5', (month, days) => {
    expect(helpDaysOfMonth(month)).toEqual(days);
  });

  it('refuses a malformed month', () => {
    expect(() => helpDaysOfMonth('2025-13')).toThrow();
  });

  it.each([
    ['2025-03-05', true], ['2025-03-15', true], ['2025-03-25', true],
    ['2025-03-35', false], ['2025-03-06', false], ['2025-03-30', false], ['2025-02-30', false],
  ])('isHelpDay(%s) = %s', (d, expected) => {
    expect(isHelpDay(d)).toBe(expected);
  });

  it.each([
    ['2025-03-05', '2025-03-05'], ['2025-03-06', '2025-03-15'], ['2025-03-26', '2025-04-05'], ['2024-12-31', '2025-01-05'],
  ])('next 帮扶日 from %s is %s', (d, expected) => {
    expect(nextHelpDay(d)).toBe(expected);
  });
});

describe('visit input', () => {
  const today = '2025-03-20';
  const fields = (v: Parameters<typeof checkVisit>[0]) => checkVisit(v, today).map((p) => `${p.field}:${p.message}`);

  it.each([
    ['home visit, no 四个一', { visitedOn: '2025-03-18', kind: 'home', fourOnes: [] }, []],
    ['帮扶日 with two items', { visitedOn: '2025-03-15', kind: 'help_day', fourOnes: ['survey', 'yard_cleaning'] }, []],
    ['future date', { visitedOn: '2025-03-21', kind: 'phone', fourOnes: [] }, ['visitedOn:走访日期不能晚于今天']],
    ['more than a year ago', { visitedOn: '2024-03-19', kind: 'phone', fourOnes: [] }, ['visitedOn:走访日期不能早于一年前（2024-03-20）']],
    ['not a date', { visitedOn: '2025-02-30', kind: 'home', fourOnes: [] }, ['visitedOn:走访日期应为有效日期']],
    ['帮扶日 on a 16th', { visitedOn: '2025-03-16', kind: 'help_day', fourOnes: ['survey'] }, ['visitedOn:帮扶日走访的日期应为每月5日、15日或25日']],
    ['帮扶日 without items', { visitedOn: '2025-03-15', kind: 'help_day', fourOnes: [] }, ['fourOnes:帮扶日走访请至少勾选一项"四个一"事项']],
    ['四个一 on a home visit', { visitedOn: '2025-03-15', kind: 'home', fourOnes: ['survey'] }, ['fourOnes:只有帮扶日走访记录"四个一"事项']],
    ['unknown item', { visitedOn: '2025-03-15', kind: 'help_day', fourOnes: ['party'] }, ['fourOnes:"四个一"事项无效：party']],
    ['duplicate item', { visitedOn: '2025-03-15', kind: 'help_day', fourOnes: ['survey', 'survey'] }, ['fourOnes:"四个一"事项不能重复']],
    ['unknown kind', { visitedOn: '2025-03-15', kind: 'letter', fourOnes: [] }, ['kind:走访方式应为入户走访、电话走访或帮扶日走访']],
    ['notes too long', { visitedOn: '2025-03-15', kind: 'phone', fourOnes: [], notes: 'x'.repeat(2001) }, ['notes:走访情况不超过2000字']],
  ])('%s', (_name, v, expected) => {
    expect(fields(v)).toEqual(expected);
  });
});

describe('no visit in N days', () => {
  it.each([
    [null, '2025-03-20', 30, { daysSince: null, overdue: true }],
    ['2025-03-20', '2025-03-20', 30, { daysSince: 0, overdue: false }],
    ['2025-02-19', '2025-03-20', 30, { daysSince: 29, overdue: false }],
    ['2025-02-18', '2025-03-20', 30, { daysSince: 30, overdue: true }],
    ['2025-03-10', '2025-03-20', 7, { daysSince: 10, overdue: true }],
  ])('last visit %s, today %s, N=%i', (last, today, days, expected) => {
    expect(visitRecency(last, today, days)).toMatchObject(expected);
  });

  it('the cutoff agrees with the recency rule', () => {
    const cutoff = noVisitCutoff('2025-03-20', 30);
    expect(cutoff).toBe('2025-02-19');
    expect(visitRecency(cutoff, '2025-03-20', 30).overdue).toBe(false);
    expect(visitRecency('2025-02-18', '2025-03-20', 30).overdue).toBe(true);
  });

  it.each([[0, false], [1, true], [30, true], [365, true], [366, false], [2.5, false]])('N=%s valid: %s', (n, ok) => {
    expect(checkNoVisitDays(n) === null).toBe(ok);
  });
});

describe('workload and figures', () => {
  it.each([[0, false], [10, false], [11, true]])('%i households over the limit: %s', (n, over) => {
    expect(helperWorkload(n).overLimit).toBe(over);
  });

  it.each([
    ['none', 0, { planned: 0, implemented: 0, cancelled: 0 }, { policiesPerHousehold: null, implementationRate: null }],
    ['3 of 4 done over 2 households', 2, { planned: 1, implemented: 3, cancelled: 5 }, { policiesPerHousehold: 1.5, implementationRate: 0.75 }],
    ['thirds round to 2 decimals', 3, { planned: 2, implemented: 1, cancelled: 0 }, { policiesPerHousehold: 0.33, implementationRate: 0.33 }],
    ['households without measures', 4, { planned: 0, implemented: 0, cancelled: 1 }, { policiesPerHousehold: 0, implementationRate: null }],
  ])('%s', (_n, households, counts, expected) => {
    expect(assistanceFigures(households, counts)).toMatchObject({ households, ...counts, ...expected });
  });
});

describe('marking a measure 已落实', () => {
  it.each([
    ['fine', { implementedOn: '2025-03-10', evidenceNote: '已发放' }, []],
    ['future', { implementedOn: '2025-03-21', evidenceNote: '已发放' }, ['implementedOn']],
    ['before the plan', { implementedOn: '2025-02-28', evidenceNote: '已发放' }, ['implementedOn']],
    ['no evidence', { implementedOn: '2025-03-10', evidenceNote: '  ' }, ['evidenceNote']],
  ])('%s', (_n, d, expected) => {
    expect(checkMeasureDone(d, '2025-03-01', '2025-03-20').map((p) => p.field)).toEqual(expected);
  });
});
