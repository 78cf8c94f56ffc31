/** The quarter a scoring page shows, kept in the URL (?year=&quarter=); the current quarter by default. */
import { useMemo } from 'react';
import { useUrlQuery } from '../../../lib/useUrlQuery';
import { currentQuarter, parseQuarter } from './quarters';
import type { Quarter } from './scoringDomain';

const KEYS = ['year', 'quarter'] as const;

export function useQuarterParam(fallback?: Quarter): [Quarter, (q: Quarter) => void] {
  const { filters, update } = useUrlQuery(KEYS);
  const def = useMemo(() => fallback ?? currentQuarter(), [fallback]);
  const value = parseQuarter(filters.year, filters.quarter, def);
  return [value, (q) => update({ year: q.year, quarter: q.quarter })];
}
