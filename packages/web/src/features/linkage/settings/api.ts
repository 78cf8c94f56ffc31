import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';

export interface LinkageSettings {
  selfCheckDueDay: number;
  extensionWeight: number;
  noticeBottomN: number;
  noticeConsecutiveQuarters: number;
}

export const settingsKey = ['linkage', 'settings'] as const;

export function useLinkageSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: ({ signal }) => api<LinkageSettings>('/linkage/settings', { signal }) });
}

/** Settings change due dates, weights and thresholds: everything computed from them is refreshed. */
export function useUpdateLinkageSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<LinkageSettings>) => api<LinkageSettings>('/linkage/settings', { method: 'PUT', body }),
    onSuccess: (data) => {
      qc.setQueryData(settingsKey, data);
      return qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'linkage' && q.queryKey[1] !== 'settings' });
    },
  });
}
