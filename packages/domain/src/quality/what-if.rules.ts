/**
 * 监测线模拟 (what-if): if the monitoring line of a year were `newLine` instead of the line in force, which
 * households would enter or leave the monitoring range? A sandbox: nothing is changed.
 *
 * Definitions (per household, on its 收支 row of the simulated year; households without a row are not counted):
 * - "Within the range" of a line: 人均纯收入 ≤ line (a household exactly at the line is within, as in the elimination
 *   criteria).
 * - enter: a household that is not under monitoring now (no 监测对象类别, or its risk eliminated) — 一般农户 or
 *   脱贫户 — whose income is above the current line but within the new one. (Households already within the
 *   current line but not monitored are counted separately as `alreadyWithin`: the line change is not what
 *   brings them in.)
 * - leave: a household under monitoring (监测户 not eliminated) whose income is within the current line but above
 *   the new one. (A 突发严重困难户 above the current line is monitored for another reason and does not "leave".)
 * - Persons: the household's 家庭人口 of that 收支 row.
 */
export type WhatIfMove = 'enter' | 'leave' | 'already_within' | null;

export interface WhatIfHousehold {
  monitorCategory: string | null;
  riskEliminated: boolean;
  perCapitaNetIncome: number | null;
}

export const isUnderMonitoring = (h: Pick<WhatIfHousehold, 'monitorCategory' | 'riskEliminated'>) => h.monitorCategory != null && !h.riskEliminated;

export function whatIfMove(h: WhatIfHousehold, currentLine: number, newLine: number): WhatIfMove {
  if (h.perCapitaNetIncome == null) return null;
  const income = h.perCapitaNetIncome;
  if (isUnderMonitoring(h)) return income <= currentLine && income > newLine ? 'leave' : null;
  if (income <= currentLine) return 'already_within';
  return income <= newLine ? 'enter' : null;
}

/** The check of a simulated line, with the message the form shows (null when valid). */
export function checkSimulatedLine(line: number): string | null {
  if (!Number.isFinite(line) || line <= 0) return '模拟监测线应为大于0的金额（元/年）';
  if (line > 100_000) return '模拟监测线不应超过100000元/年';
  return null;
}

/** A share as a percentage with one decimal; null when the denominator is 0. */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

/**
 * 监测统计 figures (domain.md §10), as ratios:
 * - 风险消除率 = households marked eliminated ÷ households ever identified (with a 监测对象类别);
 * - 帮扶措施落实率 = measures 已落实 ÷ measures not cancelled;
 * - 户均享受政策数 = measures not cancelled of monitored households ÷ monitored households (2 decimals).
 */
export function monitoringRates(x: { identified: number; eliminated: number; measures: number; implementedMeasures: number; monitoredHouseholds: number; monitoredMeasures: number }) {
  return {
    eliminationRate: percent(x.eliminated, x.identified),
    implementationRate: percent(x.implementedMeasures, x.measures),
    policiesPerHousehold: x.monitoredHouseholds > 0 ? Math.round((x.monitoredMeasures / x.monitoredHouseholds) * 100) / 100 : null,
  };
}
