/** TanStack Query hooks of 早帮扶; every mutation refreshes every assistance query (lists, plans, household cards). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../api/client';
import type { Paged } from '../../api/types';
import { uploadAttachment as uploadTo } from '../../components/AttachmentList';
import type {
  Assignment, AttachmentMeta, Catalogue, FiguresResponse, Helper, HelperDetail, HelpDayCalendar, HouseholdAssistance, Measure, MeasureInput, PendingPlan,
  PlanDetail, PlanSummary, Unvisited, Visit,
} from './types';

export const ROOT = ['assistance'] as const;
type Q = Record<string, QueryValue>;

const list = <T,>(key: string, path: string, q: Q, enabled = true) =>
  ({ queryKey: [...ROOT, key, q], queryFn: ({ signal }: { signal: AbortSignal }) => api<T>(path, { query: q, signal }), placeholderData: keepPreviousData, enabled });

export const useHelpers = (q: Q, enabled = true) => useQuery(list<Paged<Helper>>('helpers', '/helpers', q, enabled));
export const useHelper = (id: number | null) =>
  useQuery({ queryKey: [...ROOT, 'helper', id], queryFn: ({ signal }) => api<HelperDetail>(`/helpers/${id}`, { signal }), enabled: !!id });
export const useHelperUserOptions = (enabled: boolean) =>
  useQuery({ queryKey: [...ROOT, 'helper-users'], queryFn: ({ signal }) => api<{ items: { id: number; username: string; displayName: string; helperId: number | null }[] }>('/helpers/user-options', { signal }), enabled });
export const useAssignments = (householdId: number, enabled = true) =>
  useQuery({ queryKey: [...ROOT, 'assignments', householdId], queryFn: ({ signal }) => api<{ items: Assignment[] }>(`/households/${householdId}/helper-assignments`, { signal }), enabled });
export const useHouseholdAssistance = (householdId: number, enabled = true) =>
  useQuery({ queryKey: [...ROOT, 'household', householdId], queryFn: ({ signal }) => api<HouseholdAssistance>(`/households/${householdId}/assistance`, { signal }), enabled });

export const usePlans = (q: Q) => useQuery(list<Paged<PlanSummary>>('plans', '/help-plans', q));
export const usePendingPlans = (q: Q, enabled = true) => useQuery(list<Paged<PendingPlan> & { overdue: number }>('pending', '/help-plans/pending', q, enabled));
export const usePlan = (id: number) =>
  useQuery({ queryKey: [...ROOT, 'plan', id], queryFn: ({ signal }) => api<PlanDetail>(`/help-plans/${id}`, { signal }), enabled: Number.isInteger(id) && id > 0 });
export const useCatalogue = () =>
  useQuery({ queryKey: [...ROOT, 'catalogue'], queryFn: ({ signal }) => api<Catalogue>('/assistance/catalogue', { signal }), staleTime: 30 * 60_000 });
export const useFigures = (area: string | undefined, enabled = true) => useQuery(list<FiguresResponse>('figures', '/assistance/figures', { area }, enabled));

export const useVisits = (q: Q) => useQuery(list<Paged<Visit>>('visits', '/visits', q));
export const useHelpDays = (month: string, area?: string) => useQuery(list<HelpDayCalendar>('help-days', '/assistance/help-days', { month, area }));
export const useUnvisited = (q: Q) => useQuery(list<Unvisited>('unvisited', '/assistance/unvisited', q));
export const useAssistanceSettings = () =>
  useQuery({ queryKey: [...ROOT, 'settings'], queryFn: ({ signal }) => api<{ noVisitDays: number }>('/assistance/settings', { signal }) });
export const useMeasureAttachments = (id: number | null) =>
  useQuery({ queryKey: [...ROOT, 'measure-attachments', id], queryFn: ({ signal }) => api<{ items: AttachmentMeta[] }>(`/help-measures/${id}/attachments`, { signal }), enabled: !!id });
export const useVisitAttachments = (id: number | null) =>
  useQuery({ queryKey: [...ROOT, 'visit-attachments', id], queryFn: ({ signal }) => api<{ items: AttachmentMeta[] }>(`/visits/${id}/attachments`, { signal }), enabled: !!id });

function useAssistanceMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ROOT }) });
}

export interface HelperBody { name: string; unit: string; position?: string | null; phone?: string | null; areaCode: string; userId?: number | null }
export const useCreateHelper = () => useAssistanceMutation((body: HelperBody) => api<{ helper: Helper }>('/helpers', { method: 'POST', body }));
export const useUpdateHelper = () =>
  useAssistanceMutation(({ id, ...body }: HelperBody & { id: number; active: boolean; version: number }) => api<{ helper: Helper }>(`/helpers/${id}`, { method: 'PUT', body }));
export const useAssignHelper = (householdId: number) =>
  useAssistanceMutation((body: { helperId: number; reason?: string | null }) => api<{ helperName: string }>(`/households/${householdId}/helper-assignment`, { method: 'POST', body }));
export const useCreatePlan = () =>
  useAssistanceMutation((body: { householdId: number; notes?: string | null; measures: MeasureInput[] }) => api<PlanDetail>('/help-plans', { method: 'POST', body }));
export const useAddMeasure = (planId: number) => useAssistanceMutation((body: MeasureInput) => api<{ measure: Measure }>(`/help-plans/${planId}/measures`, { method: 'POST', body }));
export const useUpdateMeasure = () =>
  useAssistanceMutation(({ id, ...body }: { id: number; departmentCode?: string | null; amount?: number | null; plannedOn: string; content?: string | null; version: number }) =>
    api<{ measure: Measure }>(`/help-measures/${id}`, { method: 'PUT', body }));
export const useImplementMeasure = () =>
  useAssistanceMutation(({ id, ...body }: { id: number; implementedOn: string; evidenceNote: string; version: number }) => api<{ measure: Measure }>(`/help-measures/${id}/implement`, { method: 'POST', body }));
export const useCancelMeasure = () =>
  useAssistanceMutation(({ id, ...body }: { id: number; reason: string; version: number }) => api<{ measure: Measure }>(`/help-measures/${id}/cancel`, { method: 'POST', body }));
export const useCreateVisit = () =>
  useAssistanceMutation((body: { householdId: number; visitedOn: string; kind: string; fourOnes: string[]; notes?: string | null; helperId?: number | null }) => api<{ visit: Visit }>('/visits', { method: 'POST', body }));
export const useSaveSettings = () => useAssistanceMutation((body: { noVisitDays: number }) => api<{ noVisitDays: number }>('/assistance/settings', { method: 'PUT', body }));

/** Upload one file (photo or evidence) to a visit or a measure; the server answers 413 (too big) / 415 (wrong type) in Chinese. */
export function uploadAttachment(owner: 'visits' | 'help-measures', id: number, file: File): Promise<AttachmentMeta> {
  return uploadTo(`/${owner}/${id}/attachments`, file);
}
