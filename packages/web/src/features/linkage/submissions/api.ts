import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Submission, SubmissionRequest, SubmissionRequestBody } from './types';

const requestsKey = ['linkage', 'submission-requests'] as const;

export function useSubmissionRequests(year?: number) {
  return useQuery({
    queryKey: [...requestsKey, year ?? null],
    queryFn: async ({ signal }) => (await api<{ items: SubmissionRequest[] }>('/submission-requests', { query: { year }, signal })).items,
    placeholderData: keepPreviousData,
  });
}

/** Late and missing submissions cost points, so the scores are refreshed too. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: requestsKey }), qc.invalidateQueries({ queryKey: ['linkage', 'scores'] })]);
}

export function useCreateSubmissionRequest() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: SubmissionRequestBody) => api<{ id: number }>('/submission-requests', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useSubmit() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, note }: { id: number; note: string | null }) =>
      api<{ submission: Submission }>(`/submission-requests/${id}/submit`, { method: 'POST', body: { note } }),
    onSuccess: invalidate,
  });
}
