import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Paged } from '../../api/types';
import type { AuditQuery, AuditRow } from './types';

export function useAuditLog(q: AuditQuery) {
  return useQuery({
    queryKey: ['audit', q],
    queryFn: ({ signal }) => api<Paged<AuditRow>>('/audit', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}
