/**
 * Months and quarters of the "5+2" cycle, as strings: a month is 'YYYY-MM', a quarter { year, quarter: 1-4 }.
 * Due dates: a month's self-check is due on the `dueDay`-th of the next month (default 5, seed 004).
 */
export type Month = string; // 'YYYY-MM'
export interface Quarter { year: number; quarter: 1 | 2 | 3 | 4 }

const pad = (n: number) => String(n).padStart(2, '0');

export function isMonth(s: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
}

export function monthOf(date: string): Month {
  return date.slice(0, 7);
}

export function nextMonth(m: Month): Month {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01` : `${y}-${pad(mo + 1)}`;
}

export function quarterOfMonth(m: Month): Quarter {
  return { year: Number(m.slice(0, 4)), quarter: (Math.floor((Number(m.slice(5, 7)) - 1) / 3) + 1) as Quarter['quarter'] };
}

export function monthsOfQuarter(q: Quarter): [Month, Month, Month] {
  const first = (q.quarter - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${q.year}-${pad(first + i)}`) as [Month, Month, Month];
}

/** Last calendar day of the quarter, 'YYYY-MM-DD'. */
export function quarterEnd(q: Quarter): string {
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  return `${q.year}-${ends[q.quarter - 1]}`;
}

export function quarterLabel(q: Quarter): string {
  return `${q.year}年第${'一二三四'[q.quarter - 1]}季度`;
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: (q.quarter - 1) as Quarter['quarter'] };
}

/** The self-check for `month` is due on this date (inclusive). */
export function selfCheckDueDate(month: Month, dueDay = 5): string {
  return `${nextMonth(month)}-${pad(dueDay)}`;
}

/** A self-check may be filed for a month that has started (not for a future month). */
export function isFutureMonth(month: Month, today: string): boolean {
  return month > monthOf(today);
}
