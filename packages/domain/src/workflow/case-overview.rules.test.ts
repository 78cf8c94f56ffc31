import { describe, expect, it } from 'vitest';
import { childAreaOf, summariseOverdue, worstDeadlineStatus } from './case-overview.rules.js';

describe('worstDeadlineStatus', () => {
  it.each([
    { name: 'none running', ds: [], out: null },
    { name: 'min deadlines only (no status)', ds: [{ status: null }], out: null },
    { name: 'on time', ds: [{ status: 'on_time' as const }], out: 'on_time' },
    { name: 'due soon beats on time', ds: [{ status: 'on_time' as const }, { status: 'due_soon' as const }], out: 'due_soon' },
    { name: 'overdue beats all', ds: [{ status: 'due_soon' as const }, { status: 'overdue' as const }, { status: 'on_time' as const }], out: 'overdue' },
  ])('$name', ({ ds, out }) => expect(worstDeadlineStatus(ds)).toBe(out));
});

describe('childAreaOf', () => {
  it.each([
    ['411321101200', '411321', '411321101'],
    ['411321101200', '411321101', '411321101200'],
    ['411321101200', '411321101200', '411321101200'],
    ['411321101200', '4113', '411321'],
    ['411321101200', '41', '4113'],
  ])('village %s seen from %s → %s', (v, scope, out) => expect(childAreaOf(v, scope)).toBe(out));
});

describe('summariseOverdue', () => {
  const cases = [
    { villageCode: '411321101200', kind: 'identification', status: 'overdue' as const },
    { villageCode: '411321101201', kind: 'elimination', status: 'overdue' as const },
    { villageCode: '411321101201', kind: 'identification', status: 'due_soon' as const },
    { villageCode: '411321105200', kind: 'identification', status: 'on_time' as const },
    { villageCode: '411321105200', kind: 'identification', status: null },
    { villageCode: '411321102200', kind: 'identification', status: 'due_soon' as const },
  ];

  it('county sees townships, most overdue first', () => {
    expect(summariseOverdue(cases, '411321')).toEqual([
      { areaCode: '411321101', open: 3, overdue: 2, dueSoon: 1, overdueByKind: { identification: 1, elimination: 1 } },
      { areaCode: '411321102', open: 1, overdue: 0, dueSoon: 1, overdueByKind: {} },
      { areaCode: '411321105', open: 2, overdue: 0, dueSoon: 0, overdueByKind: {} },
    ]);
  });

  it('township sees villages', () => {
    const mine = cases.filter((c) => c.villageCode.startsWith('411321101'));
    expect(summariseOverdue(mine, '411321101').map((r) => [r.areaCode, r.overdue, r.dueSoon])).toEqual([
      ['411321101201', 1, 1],
      ['411321101200', 1, 0],
    ]);
  });

  it('no cases → no rows', () => expect(summariseOverdue([], '411321')).toEqual([]));
});
