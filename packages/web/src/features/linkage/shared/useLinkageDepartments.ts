/** The 26 member departments of the "5+2" mechanism with their duty lists (/api/departments). */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { DepartmentClass } from './linkageDomain';

export interface LinkageDepartment {
  code: string;
  name: string;
  class: DepartmentClass;
  classLabel: string;
  sortOrder: number;
  duties: string[];
}

export const LINKAGE_DEPARTMENTS_KEY = ['linkage', 'departments'] as const;

export function useLinkageDepartments() {
  return useQuery({
    queryKey: LINKAGE_DEPARTMENTS_KEY,
    queryFn: async ({ signal }) => (await api<{ items: LinkageDepartment[] }>('/departments', { signal })).items,
    staleTime: 5 * 60_000,
  });
}
