import { describe, expect, it } from 'vitest';
import { monitoringLineFor, netIncome, perCapitaNetIncome } from './income.rules.js';

const f = (w: number, b: number, p: number, t: number, e: number) => ({ wageIncome: w, businessIncome: b, propertyIncome: p, transferIncome: t, businessExpense: e });

describe('人均纯收入 = (四项收入 − 生产经营性支出) ÷ 家庭人口', () => {
  it.each([
    { fig: f(20000, 3000, 0, 1000, 2000), members: 2, expected: 11000 },
    { fig: f(20000, 3000, 0, 1000, 2000), members: 3, expected: 7333.33 },
    { fig: f(0, 0, 0, 0, 0), members: 1, expected: 0 },
    { fig: f(1000, 0, 0, 0, 5000), members: 2, expected: -2000 },
    { fig: f(8300.5, 0, 0, 0, 0), members: 1, expected: 8300.5 },
    { fig: f(100, 0, 0, 0, 0), members: 0, expected: null },
    { fig: f(100, 0, 0, 0, 0), members: 1.5, expected: null },
  ])('$fig with $members members → $expected', ({ fig, members, expected }) => {
    expect(perCapitaNetIncome(fig, members)).toBe(expected);
  });
  it('net income', () => expect(netIncome(f(1, 2, 3, 4, 5))).toBe(5));
});

describe('monitoring line by year', () => {
  it.each([[2020, null], [2021, 6000], [2022, 6900], [2023, 7500], [2024, 8300], [2026, 8300]])('%i → %s', (y, line) => {
    expect(monitoringLineFor(y)).toBe(line);
  });
  it('reads an edited table', () => expect(monitoringLineFor(2025, { 2024: 8300, 2025: 8800 })).toBe(8800));
});
