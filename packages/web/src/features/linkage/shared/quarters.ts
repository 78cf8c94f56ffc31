/** Quarters of the scoring cycle ({ year, quarter }) as the pages pick and show them. */
import { previousQuarter, quarterOfMonth, type Quarter } from './scoringDomain';
import { serverNow } from '../../../lib/today';

export type QuarterNo = Quarter['quarter'];

export const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;

/** The quarter today falls in (its scores are provisional). */
export function currentQuarter(): Quarter {
  return quarterOfMonth(serverNow().format('YYYY-MM'));
}

/** The last quarter that has ended (the one a ranking is computed for). */
export function lastEndedQuarter(): Quarter {
  return previousQuarter(currentQuarter());
}

export function isQuarterNo(n: number): n is QuarterNo {
  return n === 1 || n === 2 || n === 3 || n === 4;
}

/** Parse URL values; anything invalid gives `fallback`. */
export function parseQuarter(year: string | undefined, quarter: string | undefined, fallback: Quarter): Quarter {
  const y = Number(year);
  const q = Number(quarter);
  if (!Number.isInteger(y) || y < 2000 || y > 2100 || !isQuarterNo(q)) return fallback;
  return { year: y, quarter: q };
}

export function sameQuarter(a: Quarter, b: Quarter): boolean {
  return a.year === b.year && a.quarter === b.quarter;
}

/** Years offered by pickers: from 2023 (the mechanism's start) to the current year. */
export function pickableYears(): number[] {
  const now = serverNow().year();
  const out: number[] = [];
  for (let y = now; y >= 2023; y--) out.push(y);
  return out;
}
