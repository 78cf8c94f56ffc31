import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { TownshipRanking, TownshipRankingBody } from './types';

const key = ['linkage', 'township-rankings'] as const;

/** Rankings of a month (a department user: the own department only). */
export function useTownshipRankings(month: string) {
  return useQuery({
    queryKey: [...key, month],
    queryFn: async ({ signal }) => (await api<{ items: TownshipRanking[] }>('/township-rankings', { query: { month }, signal })).items,
    placeholderData: keepPreviousData,
  });
}

export function useSubmitTownshipRanking() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TownshipRankingBody) => api<{ ranking: TownshipRanking }>('/township-rankings', { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key });
      // the self-check overview shows whether the month's ranking was filed
      void qc.invalidateQueries({ queryKey: ['linkage', 'self-checks'] });
    },
  });
}
