/** Month strings ('YYYY-MM') of the monthly cycle. */
import { serverNow } from '../../../lib/today';

export const MONTH_FORMAT = 'YYYY-MM';

/** The month whose self-check is being filed now (the default of the monthly pages). */
export function lastMonth(): string {
  return serverNow().subtract(1, 'month').format(MONTH_FORMAT);
}

export function isMonthString(v: string | undefined): v is string {
  return !!v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
}

/** '2025-03' → '2025年3月'. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}
