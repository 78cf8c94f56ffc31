import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Paged } from '../../api/types';
import type { CaseDetail, CaseItem, CaseKind, CaseListQuery, CaseSettings, EliminationCheck, HouseholdCases, NoticeBrief, NoticeDetail, NoticeKind, OverdueSummary } from './types';

const root = ['cases'] as const;
const detailKey = (id: number) => [...root, 'detail', id] as const;

export function useCases(q: CaseListQuery) {
  return useQuery({
    queryKey: [...root, 'list', q],
    queryFn: ({ signal }) => api<Paged<CaseItem>>('/cases', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: number) {
  return useQuery({ queryKey: detailKey(id), queryFn: ({ signal }) => api<CaseDetail>(`/cases/${id}`, { signal }), enabled: Number.isInteger(id) && id > 0 });
}

export function useHouseholdCases(householdId: number) {
  return useQuery({ queryKey: [...root, 'household', householdId], queryFn: ({ signal }) => api<HouseholdCases>(`/households/${householdId}/cases`, { signal }) });
}

export function useEliminationCheck(householdId: number, enabled = true) {
  return useQuery({ queryKey: [...root, 'check', householdId], queryFn: ({ signal }) => api<EliminationCheck>(`/households/${householdId}/elimination-check`, { signal }), enabled });
}

export function useOverdueSummary(kind?: CaseKind) {
  return useQuery({ queryKey: [...root, 'overdue-summary', kind ?? null], queryFn: ({ signal }) => api<OverdueSummary>('/cases/overdue-summary', { query: { kind }, signal }) });
}

export function useCaseSettings() {
  return useQuery({ queryKey: [...root, 'settings'], queryFn: ({ signal }) => api<CaseSettings>('/case-settings', { signal }) });
}

export function useNotices(q: { area?: string; kind?: NoticeKind; status?: string }) {
  return useQuery({ queryKey: [...root, 'notices', q], queryFn: ({ signal }) => api<{ items: NoticeBrief[] }>('/case-notices', { query: q, signal }), placeholderData: keepPreviousData });
}

export function useNotice(id: number | null) {
  return useQuery({ queryKey: [...root, 'notice', id], queryFn: ({ signal }) => api<NoticeDetail>(`/case-notices/${id}`, { signal }), enabled: !!id });
}

export function useNoticeCandidates(kind: NoticeKind, villageCode: string | undefined) {
  return useQuery({
    queryKey: [...root, 'candidates', kind, villageCode],
    queryFn: ({ signal }) => api<{ items: { id: number; householdId: number; headName: string | null; memberCount: number; state: string; stateEnteredOn: string; openObjections: number }[] }>('/case-notices/candidates', { query: { kind, villageCode }, signal }),
    enabled: !!villageCode && villageCode.length === 12,
  });
}

/** Every cases mutation refreshes every cases query (lists, details, household cards, notices). */
function useCasesMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: root }) });
}

export const useOpenIdentification = () =>
  useCasesMutation((body: { householdId: number; riskTypes: string[]; clueOn?: string | null; remarks?: string | null }) => api<CaseDetail>('/cases/identification', { method: 'POST', body }));
export const useOpenElimination = () => useCasesMutation((body: { householdId: number; remarks?: string | null }) => api<CaseDetail>('/cases/elimination', { method: 'POST', body }));
export const useStep = (id: number) =>
  useCasesMutation((body: { event: string; remarks?: string | null; attachments?: number[]; expectedVersion: number; payload?: { method?: string } | null }) => api<CaseDetail>(`/cases/${id}/steps`, { method: 'POST', body }));
export const useSetFacts = (id: number) =>
  useCasesMutation((body: { authorizationSigned?: boolean; authorizationAttachmentId?: number | null; monitorCategory?: string | null; riskTypes?: string[]; expectedVersion: number }) => api<CaseDetail>(`/cases/${id}/facts`, { method: 'PUT', body }));
export const useRollback = (householdId: number) => useCasesMutation((reason: string) => api<{ id: number }>(`/households/${householdId}/elimination-rollback`, { method: 'POST', body: { reason } }));
export const useGenerateNotice = () =>
  useCasesMutation((body: { kind: NoticeKind; villageCode: string; caseIds?: number[]; contactPhone?: string | null }) => api<NoticeDetail>('/case-notices', { method: 'POST', body }));
export const usePostNotice = () => useCasesMutation((id: number) => api<NoticeDetail>(`/case-notices/${id}/post`, { method: 'POST' }));
export const useCancelNotice = () => useCasesMutation((id: number) => api<{ ok: boolean }>(`/case-notices/${id}/cancel`, { method: 'POST' }));
export const useSaveDeadlines = () => useCasesMutation((body: unknown) => api<CaseSettings>('/case-settings/deadlines', { method: 'PUT', body }));
export const useSaveElimination = () => useCasesMutation((body: { stabilityMonths: number; eliminateNoLabourHouseholds: boolean; version: number }) => api<CaseSettings>('/case-settings/elimination', { method: 'PUT', body }));

