import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQueryString } from '../../api/client';
import type { FiguresQuery, OverdueSummary, PushBody, StepBody, WarningDetail, WarningFigures, WarningListItem, WarningListQuery, WarningSettings } from './types';
import type { Paged } from '../../api/types';

export const warningsKey = ['warnings'] as const;
const detailKey = (id: number) => [...warningsKey, 'detail', id] as const;

export function useWarnings(q: WarningListQuery, enabled = true) {
  return useQuery({
    queryKey: [...warningsKey, 'list', q],
    queryFn: ({ signal }) => api<Paged<WarningListItem>>('/warnings', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useWarning(id: number) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: ({ signal }) => api<WarningDetail>(`/warnings/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useOverdueSummary() {
  return useQuery({ queryKey: [...warningsKey, 'overdue-summary'], queryFn: ({ signal }) => api<OverdueSummary>('/warnings/overdue-summary', { signal }) });
}

export function useWarningFigures(q: FiguresQuery) {
  return useQuery({
    queryKey: [...warningsKey, 'figures', q],
    queryFn: ({ signal }) => api<WarningFigures>('/warnings/figures', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const figuresExportUrl = (q: FiguresQuery) => `/api/warnings/figures.xlsx${toQueryString({ ...q })}`;

export function useWarningSettings() {
  return useQuery({ queryKey: [...warningsKey, 'settings'], queryFn: ({ signal }) => api<WarningSettings>('/warnings/settings', { signal }) });
}

export function useUpdateWarningSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WarningSettings) => api<WarningSettings>('/warnings/settings', { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: warningsKey }),
  });
}

export function usePushWarning() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PushBody) => api<{ id: number }>('/warnings', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: warningsKey }),
  });
}

export function useWarningStep(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StepBody) => api<WarningDetail>(`/warnings/${id}/steps`, { method: 'POST', body }),
    onSuccess: (d) => {
      qc.setQueryData(detailKey(id), d);
      void qc.invalidateQueries({ queryKey: [...warningsKey, 'list'] });
      void qc.invalidateQueries({ queryKey: [...warningsKey, 'figures'] });
      void qc.invalidateQueries({ queryKey: [...warningsKey, 'overdue-summary'] });
    },
  });
}

export const refreshWarning = (qc: ReturnType<typeof useQueryClient>, id: number) => qc.invalidateQueries({ queryKey: detailKey(id) });
