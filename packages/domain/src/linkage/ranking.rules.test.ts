import { describe, expect, it } from 'vitest';
import { finalScore, laggingDepartments, rankByScore } from './ranking.rules.js';

describe('rankByScore', () => {
  it('equal scores share a rank: 1, 2, 2, 4', () => {
    const r = rankByScore([
      { departmentCode: 'a', officeScore: 92 },
      { departmentCode: 'b', officeScore: 95 },
      { departmentCode: 'c', officeScore: 92 },
      { departmentCode: 'd', officeScore: 80.5 },
    ]);
    expect(r.map((x) => [x.departmentCode, x.rank])).toEqual([['b', 1], ['a', 2], ['c', 2], ['d', 4]]);
  });

  it('combines the office score with the extension evaluation by weight, only where entered', () => {
    const r = rankByScore([
      { departmentCode: 'edu', officeScore: 90, extensionScore: 100 },
      { departmentCode: 'health', officeScore: 96 },
    ], 0.3);
    expect(r.map((x) => [x.departmentCode, x.finalScore, x.basis, x.rank])).toEqual([['health', 96, 'office', 1], ['edu', 93, 'combined', 2]]);
  });

  it('uses the office score alone while the weight is 0', () => {
    expect(finalScore({ departmentCode: 'x', officeScore: 88, extensionScore: 100 }, 0)).toEqual({ score: 88, basis: 'office' });
  });

  it('lets an external evaluation replace the office score', () => {
    expect(finalScore({ departmentCode: 'finance', officeScore: 70, externalScore: 91.5 }, 0.5)).toEqual({ score: 91.5, basis: 'external' });
  });

  it('refuses a weight outside 0..1', () => expect(() => rankByScore([], 1.5)).toThrow(RangeError));
});

describe('laggingDepartments', () => {
  const q = (...scores: [string, number][]) => rankByScore(scores.map(([departmentCode, officeScore]) => ({ departmentCode, officeScore })));
  const q1 = q(['a', 99], ['b', 98], ['c', 97], ['d', 96], ['e', 95]);
  const q2 = q(['a', 90], ['b', 99], ['c', 98], ['d', 80], ['e', 85]);
  it('flags departments in the bottom N for M consecutive quarters', () => {
    expect(laggingDepartments([q1, q2], 3, 2)).toEqual(['d', 'e']);
    expect(laggingDepartments([q1, q2], 2, 2)).toEqual(['d', 'e']);
    expect(laggingDepartments([q1, q2], 1, 2)).toEqual([]);
  });
  it('needs M quarters of history', () => expect(laggingDepartments([q2], 3, 2)).toEqual([]));
  it('flags only the lower half of a small class', () => {
    const two = (a: number, b: number) => q(['police', a], ['emergency', b]);
    expect(laggingDepartments([two(100, 98), two(101, 99)], 3, 2)).toEqual(['emergency']);
    expect(laggingDepartments([two(100, 98), two(99, 101)], 3, 2)).toEqual([]);
  });
});
