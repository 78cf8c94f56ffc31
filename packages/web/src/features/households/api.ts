/** Registry calls as TanStack Query hooks. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Paged } from '../../api/types';
import type {
  HistoryItem,
  Household,
  HouseholdDetail,
  HouseholdInput,
  HouseholdListQuery,
  HouseholdRow,
  Income,
  IncomeInput,
  PersonInput,
} from './types';

export const householdKeys = {
  all: ['households'] as const,
  list: (q: HouseholdListQuery) => ['households', 'list', q] as const,
  detail: (id: number) => ['households', 'detail', id] as const,
  history: (id: number) => ['households', 'history', id] as const,
};

export function useHouseholdList(q: HouseholdListQuery) {
  return useQuery({
    queryKey: householdKeys.list(q),
    queryFn: ({ signal }) => api<Paged<HouseholdRow>>('/households', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useHousehold(id: number) {
  return useQuery({
    queryKey: householdKeys.detail(id),
    // every fetch is an audited full-record view on the server, so the default staleTime keeps re-mounts from refetching
    queryFn: () => api<HouseholdDetail>(`/households/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useHouseholdHistory(id: number) {
  return useQuery({
    queryKey: householdKeys.history(id),
    queryFn: async () => (await api<{ items: HistoryItem[] }>(`/households/${id}/history`)).items,
    enabled: Number.isInteger(id) && id > 0,
    staleTime: 0,
  });
}

export interface CreateHouseholdBody {
  household: HouseholdInput;
  members: PersonInput[];
  income?: IncomeInput & { year: number };
}

/** Any registry write makes every list, detail and history stale. */
function useInvalidateHouseholds() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: householdKeys.all });
}

export function useCreateHousehold() {
  const invalidate = useInvalidateHouseholds();
  return useMutation({
    mutationFn: (body: CreateHouseholdBody) => api<{ id: number; householdNo?: string }>('/households', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateHousehold(id: number) {
  const invalidate = useInvalidateHouseholds();
  return useMutation({
    // registry.schemas.ts updateHouseholdBody: {household, version}
    mutationFn: (body: { household: HouseholdInput; version: number }) =>
      api<{ household: Household }>(`/households/${id}`, { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}

export function useAddMember(householdId: number) {
  const invalidate = useInvalidateHouseholds();
  return useMutation({
    mutationFn: (person: PersonInput) => api<{ id: number }>(`/households/${householdId}/members`, { method: 'POST', body: person }),
    onSuccess: invalidate,
  });
}

export function useSaveIncome(householdId: number) {
  const invalidate = useInvalidateHouseholds();
  return useMutation({
    mutationFn: ({ year, ...income }: IncomeInput & { year: number }) =>
      api<{ income: Income }>(`/households/${householdId}/incomes/${year}`, { method: 'PUT', body: income }),
    onSuccess: invalidate,
  });
}
