/**
 * 收支 rules (domain.md §2): 人均纯收入 = (工资性 + 生产经营性 + 财产性 + 转移性 − 生产经营性支出) ÷ 家庭人口.
 * Amounts in 元; the result is rounded to 2 decimals. Never typed by a user.
 */
export interface IncomeFigures {
  wageIncome: number;
  businessIncome: number;
  propertyIncome: number;
  transferIncome: number;
  businessExpense: number;
}

export function netIncome(f: IncomeFigures): number {
  return round2(f.wageIncome + f.businessIncome + f.propertyIncome + f.transferIncome - f.businessExpense);
}

/** 人均纯收入; `members` must be ≥ 1 (a household with no members has no per-capita figure). */
export function perCapitaNetIncome(f: IncomeFigures, members: number): number | null {
  if (!Number.isInteger(members) || members < 1) return null;
  return round2(netIncome(f) / members);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** 防止返贫监测范围 by year (元/年); the office edits this table, rules read the line for the year. */
export const DEFAULT_MONITORING_LINES: Readonly<Record<number, number>> = {
  2021: 6000,
  2022: 6900,
  2023: 7500,
  2024: 8300,
};

/** The line in force for `year`: the latest configured year not after it. */
export function monitoringLineFor(year: number, lines: Readonly<Record<number, number>> = DEFAULT_MONITORING_LINES): number | null {
  const years = Object.keys(lines).map(Number).filter((y) => y <= year).sort((a, b) => b - a);
  return years.length ? lines[years[0]!]! : null;
}
