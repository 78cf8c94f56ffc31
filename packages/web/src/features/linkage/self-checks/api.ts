import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Overview, Rectification, RectificationBody, SelfCheck, SelfCheckDetail } from './types';

const selfChecksKey = ['linkage', 'self-checks'] as const;
const detailKey = (id: number) => [...selfChecksKey, 'detail', id] as const;

/** Reports of the caller's scope (a department user: the own department only), newest month first. */
export function useSelfChecks(q: { month?: string }) {
  return useQuery({
    queryKey: [...selfChecksKey, 'list', q],
    queryFn: async ({ signal }) => (await api<{ items: SelfCheck[] }>('/self-checks', { query: q, signal })).items,
    placeholderData: keepPreviousData,
  });
}

export function useSelfCheckOverview(month: string) {
  return useQuery({
    queryKey: [...selfChecksKey, 'overview', month],
    queryFn: ({ signal }) => api<Overview>('/self-checks/overview', { query: { month }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSelfCheck(id: number) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: ({ signal }) => api<SelfCheckDetail>(`/self-checks/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** After a change: the detail answer replaces the cached one; lists and overviews refetch. */
function useRefresh() {
  const qc = useQueryClient();
  return (id: number, detail?: SelfCheckDetail) => {
    if (detail) qc.setQueryData(detailKey(id), detail);
    return qc.invalidateQueries({ queryKey: selfChecksKey });
  };
}

export function useCreateSelfCheck() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { month: string; summary?: string }) => api<SelfCheckDetail>('/self-checks', { method: 'POST', body }),
    onSuccess: (d) => refresh(d.selfCheck.id, d),
  });
}

export function useUpdateSummary() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; summary: string; version: number }) =>
      api<SelfCheckDetail>(`/self-checks/${id}`, { method: 'PUT', body }),
    onSuccess: (d) => refresh(d.selfCheck.id, d),
  });
}

export function useSubmitSelfCheck() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api<SelfCheckDetail>(`/self-checks/${id}/submit`, { method: 'POST', body: { version } }),
    onSuccess: (d) => refresh(d.selfCheck.id, d),
  });
}

export function useReopenSelfCheck() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      api<SelfCheckDetail>(`/self-checks/${id}/reopen`, { method: 'POST', body: { reason } }),
    onSuccess: (d) => refresh(d.selfCheck.id, d),
  });
}

export function useAddProblem(selfCheckId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: RectificationBody) =>
      api<{ rectification: Rectification }>(`/self-checks/${selfCheckId}/problems`, { method: 'POST', body }),
    onSuccess: () => refresh(selfCheckId),
  });
}

export function useUpdateRectification(selfCheckId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<RectificationBody> & { id: number }) =>
      api<{ rectification: Rectification }>(`/rectifications/${id}`, { method: 'PUT', body }),
    onSuccess: () => refresh(selfCheckId),
  });
}

export function useDeleteRectification(selfCheckId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/rectifications/${id}`, { method: 'DELETE' }),
    onSuccess: () => refresh(selfCheckId),
  });
}
