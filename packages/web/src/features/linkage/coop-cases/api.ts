import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Paged } from '../../../api/types';
import type { CaseFieldsBody, CoopCaseDetail, CoopCaseListItem, CoopCaseListQuery, CoopTask, CreateCaseBody, OverdueTask, TaskInput, TaskUpdateBody } from './types';

const casesKey = ['linkage', 'coop-cases'] as const;
const detailKey = (id: number) => [...casesKey, 'detail', id] as const;

export function useCoopCases(q: CoopCaseListQuery) {
  return useQuery({
    queryKey: [...casesKey, 'list', q],
    queryFn: ({ signal }) => api<Paged<CoopCaseListItem>>('/coop-cases', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCoopCase(id: number) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: ({ signal }) => api<CoopCaseDetail>(`/coop-cases/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Open tasks past their deadline (a department user: the own department's). */
export function useOverdueTasks(departmentCode?: string) {
  return useQuery({
    queryKey: [...casesKey, 'overdue', departmentCode ?? null],
    queryFn: ({ signal }) => api<{ asOf: string; items: OverdueTask[] }>('/coop-tasks/overdue', { query: { departmentCode }, signal }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: casesKey });
}

/** A mutation answering the whole case: the answer replaces the cached detail, lists refetch. */
function useCaseMutation<V>(fn: (v: V) => Promise<CoopCaseDetail>) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      qc.setQueryData(detailKey(d.case.id), d);
      return invalidate();
    },
  });
}

export const useCreateCase = () => useCaseMutation((body: CreateCaseBody) => api<CoopCaseDetail>('/coop-cases', { method: 'POST', body }));

export const useUpdateCase = (id: number) =>
  useCaseMutation((body: CaseFieldsBody & { householdId: number | null; version: number }) => api<CoopCaseDetail>(`/coop-cases/${id}`, { method: 'PUT', body }));

export const useCloseCase = (id: number) =>
  useCaseMutation((closeNote: string) => api<CoopCaseDetail>(`/coop-cases/${id}/close`, { method: 'POST', body: { closeNote } }));

export function useAddTask(caseId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: TaskInput) => api<{ task: CoopTask }>(`/coop-cases/${caseId}/tasks`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateTask() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: TaskUpdateBody & { id: number }) => api<{ task: CoopTask }>(`/coop-tasks/${id}`, { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}
