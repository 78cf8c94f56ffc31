import { describe, expect, it } from 'vitest';
import { checkFollowupDueDay, followupDueOn, followupKindFor, monthEnd, revisitOutcome } from './followup.rules.js';

describe('which households get which monthly task', () => {
  it.each([
    { h: { monitorCategory: null, monitorIdentifiedOn: null, riskEliminated: false }, month: '2024-12', kind: null },
    { h: { monitorCategory: 'marginal', monitorIdentifiedOn: '2024-03-01', riskEliminated: false }, month: '2024-12', kind: 'assessment' },
    { h: { monitorCategory: 'sudden', monitorIdentifiedOn: '2023-03-01', riskEliminated: true }, month: '2024-12', kind: 'revisit' },
    { h: { monitorCategory: 'unstable', monitorIdentifiedOn: null, riskEliminated: false }, month: '2024-12', kind: 'assessment' },
    // identified on the month's last day → task; the day after → none
    { h: { monitorCategory: 'marginal', monitorIdentifiedOn: '2024-12-31', riskEliminated: false }, month: '2024-12', kind: 'assessment' },
    { h: { monitorCategory: 'marginal', monitorIdentifiedOn: '2025-01-01', riskEliminated: false }, month: '2024-12', kind: null },
  ] as const)('$h.monitorCategory eliminated=$h.riskEliminated in $month → $kind', ({ h, month, kind }) => {
    expect(followupKindFor(h, month)).toBe(kind);
  });
});

describe('due date', () => {
  it.each([
    ['2024-02', null, '2024-02-29'], ['2023-02', null, '2023-02-28'], ['2024-12', null, '2024-12-31'], ['2024-04', null, '2024-04-30'],
    ['2024-02', 25, '2024-02-25'], ['2024-12', 1, '2024-12-01'],
  ] as const)('%s day %s → %s', (m, d, due) => expect(followupDueOn(m, d)).toBe(due));
  it('month end', () => expect(monthEnd('2100-02')).toBe('2100-02-28'));
  it('rejects a day outside 1-28', () => {
    expect(() => followupDueOn('2024-02', 30)).toThrow();
    expect(checkFollowupDueDay(29)).toMatch('1-28');
    expect(checkFollowupDueDay(0)).toMatch('1-28');
    expect(checkFollowupDueDay(null)).toBeNull();
    expect(checkFollowupDueDay(15)).toBeNull();
  });
});

describe('revisit outcome', () => {
  it.each([
    [[], null, 'no_change'], [[], 'rollback', 'no_change'], [['illness'], null, 'new_risk'],
    [['illness'], 'rollback', 'rollback_suggested'], [['accident'], 'reidentification', 'reidentification_suggested'],
  ] as const)('%j %s → %s', (risks, s, o) => expect(revisitOutcome(risks, s)).toBe(o));
});
