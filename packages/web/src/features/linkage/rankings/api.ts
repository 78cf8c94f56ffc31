import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Quarter } from '../shared/scoringDomain';
import type { AnnualResponse, Ranking, RankedEntry, RankingDetail } from './types';

export const rankingsKey = ['linkage', 'rankings'] as const;
const annualKey = ['linkage', 'annual'] as const;

export function useRankings(year?: number) {
  return useQuery({
    queryKey: [...rankingsKey, 'list', year ?? null],
    queryFn: async ({ signal }) => (await api<{ items: Ranking[] }>('/linkage/rankings', { query: { year }, signal })).items,
    placeholderData: keepPreviousData,
  });
}

export function useRanking(id: number) {
  return useQuery({
    queryKey: [...rankingsKey, 'detail', id],
    queryFn: ({ signal }) => api<RankingDetail>(`/linkage/rankings/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useAnnual(year: number) {
  return useQuery({
    queryKey: [...annualKey, year],
    queryFn: ({ signal }) => api<AnnualResponse>('/linkage/annual', { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateRankings() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: rankingsKey }), qc.invalidateQueries({ queryKey: annualKey })]);
}

export function useComputeRanking() {
  const invalidate = useInvalidateRankings();
  return useMutation({
    mutationFn: (q: Quarter) => api<{ ranking: Ranking; entries: RankedEntry[] }>('/linkage/rankings', { method: 'POST', body: q }),
    onSuccess: invalidate,
  });
}

export function usePublishRanking() {
  const invalidate = useInvalidateRankings();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string | null }) =>
      api<{ ranking: Ranking }>(`/linkage/rankings/${id}/publish`, { method: 'POST', body: { reason } }),
    onSuccess: invalidate,
  });
}
