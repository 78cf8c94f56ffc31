import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Finding, FindingBody, RoundBody, RoundDetail, RoundRow, SampleItem } from './types';

const roundsKey = ['linkage', 'verification-rounds'] as const;

export function useRounds() {
  return useQuery({
    queryKey: [...roundsKey, 'list'],
    queryFn: async ({ signal }) => (await api<{ items: RoundRow[] }>('/verification-rounds', { signal })).items,
  });
}

export function useRound(id: number | undefined) {
  return useQuery({
    queryKey: [...roundsKey, 'detail', id],
    queryFn: ({ signal }) => api<RoundDetail>(`/verification-rounds/${id}`, { signal }),
    enabled: id !== undefined,
  });
}

export function useCreateRound() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RoundBody) => api<{ id: number; seed: string; sample: SampleItem[] }>('/verification-rounds', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: roundsKey }),
  });
}

/** A finding changes the scoring facts, so the scores are refreshed too. */
export function useAddFinding(roundId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FindingBody) => api<{ finding: Finding }>(`/verification-rounds/${roundId}/findings`, { method: 'POST', body }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: roundsKey }), qc.invalidateQueries({ queryKey: ['linkage', 'scores'] })]),
  });
}
