import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Quarter } from '../shared/scoringDomain';
import type {
  Evaluation, EvaluationBody, ManualItem, ManualItemBody, ManualItemStatus, MonthlyRankingResponse, ScoreDetailResponse,
  ScoreItemDef, ScoresResponse,
} from './types';

export const scoresKey = ['linkage', 'scores'] as const;
const manualKey = ['linkage', 'manual-items'] as const;
const evaluationsKey = ['linkage', 'evaluations'] as const;

export function useScores(q: Quarter) {
  return useQuery({
    queryKey: [...scoresKey, q.year, q.quarter],
    queryFn: ({ signal }) => api<ScoresResponse>('/linkage/scores', { query: { year: q.year, quarter: q.quarter }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useScoreDetail(departmentCode: string, q: Quarter) {
  return useQuery({
    queryKey: [...scoresKey, 'detail', departmentCode, q.year, q.quarter],
    queryFn: ({ signal }) =>
      api<ScoreDetailResponse>(`/linkage/scores/${encodeURIComponent(departmentCode)}`, { query: { year: q.year, quarter: q.quarter }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** 附件4 catalogue; reference data. */
export function useScoreItems() {
  return useQuery({
    queryKey: ['linkage', 'score-items'],
    queryFn: async ({ signal }) => (await api<{ items: ScoreItemDef[] }>('/linkage/score-items', { signal })).items,
    staleTime: Infinity,
  });
}

export function useManualItems(q: Quarter, status?: ManualItemStatus) {
  return useQuery({
    queryKey: [...manualKey, q.year, q.quarter, status ?? null],
    queryFn: async ({ signal }) =>
      (await api<{ items: ManualItem[] }>('/linkage/manual-items', { query: { year: q.year, quarter: q.quarter, status }, signal })).items,
    placeholderData: keepPreviousData,
  });
}

/** A manual item counts once approved, so every decision changes the scores too. */
function useInvalidateScoring() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: manualKey }),
      qc.invalidateQueries({ queryKey: evaluationsKey }),
      qc.invalidateQueries({ queryKey: scoresKey }),
    ]);
}

export function useCreateManualItem() {
  const invalidate = useInvalidateScoring();
  return useMutation({
    mutationFn: (body: ManualItemBody) => api<{ item: ManualItem }>('/linkage/manual-items', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useDecideManualItem() {
  const invalidate = useInvalidateScoring();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: number | string; decision: 'approve' | 'reject'; note: string | null }) =>
      api<{ item: ManualItem }>(`/linkage/manual-items/${id}/${decision}`, { method: 'POST', body: { note } }),
    onSuccess: invalidate,
  });
}

export function useEvaluations(q: Quarter) {
  return useQuery({
    queryKey: [...evaluationsKey, q.year, q.quarter],
    queryFn: async ({ signal }) => (await api<{ items: Evaluation[] }>('/linkage/evaluations', { query: { year: q.year, quarter: q.quarter }, signal })).items,
    placeholderData: keepPreviousData,
  });
}

export function usePutEvaluation() {
  const invalidate = useInvalidateScoring();
  return useMutation({
    mutationFn: (body: EvaluationBody) => api<{ evaluation: Evaluation | null }>('/linkage/evaluations', { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}

export function useMonthlyRanking(month: string) {
  return useQuery({
    queryKey: ['linkage', 'monthly-ranking', month],
    queryFn: ({ signal }) => api<MonthlyRankingResponse>('/linkage/monthly-ranking', { query: { month }, signal }),
    placeholderData: keepPreviousData,
  });
}
