import { useUrlQuery } from '../../../lib/useUrlQuery';
import type { HouseholdListQuery } from '../types';

export const HOUSEHOLD_FILTER_KEYS = ['area', 'householdType', 'monitorCategory', 'riskType', 'eliminated', 'q'] as const;
export type HouseholdFilterKey = (typeof HOUSEHOLD_FILTER_KEYS)[number];

/** The 台账 list's filters and page, read from and written to the URL query string. */
export function useHouseholdListState() {
  const state = useUrlQuery(HOUSEHOLD_FILTER_KEYS);
  const query: HouseholdListQuery = { ...state.filters, page: state.page, pageSize: state.pageSize };
  return { ...state, query };
}
