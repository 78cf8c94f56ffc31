/** The month a monthly page shows, kept in the URL (?month=YYYY-MM); last month by default. */
import { useMemo } from 'react';
import { useUrlQuery } from '../../../lib/useUrlQuery';
import { isMonthString, lastMonth } from './months';

const KEYS = ['month'] as const;

export function useMonthParam(): [string, (month: string | undefined) => void] {
  const { filters, update } = useUrlQuery(KEYS);
  const fallback = useMemo(lastMonth, []);
  const month = isMonthString(filters.month) ? filters.month : fallback;
  return [month, (m) => update({ month: m })];
}
