import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';
import type { CodeEntry, CodeListName, Codes } from '../../api/types';

const EMPTY: CodeEntry[] = [];

/** Code lists, roles and departments; reference data, fetched once per session. */
export function useCodes() {
  return useQuery({
    queryKey: ['codes'],
    queryFn: () => api<Codes>('/codes'),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export function useCodeList(name: CodeListName): CodeEntry[] {
  return useCodes().data?.lists[name] ?? EMPTY;
}

/** code → 中文 label, falling back to the code itself while the lists load or for unknown codes. */
export function useCodeLabel(): (name: CodeListName, code: string | number | null | undefined) => string {
  const lists = useCodes().data?.lists;
  return useCallback(
    (name, code) => {
      if (code === null || code === undefined || code === '') return '';
      const key = String(code);
      return lists?.[name]?.find((e) => e.code === key)?.label ?? key;
    },
    [lists],
  );
}

export function useRoleLabel(): (role: string) => string {
  const roles = useCodes().data?.roles;
  return useCallback((role) => roles?.find((r) => r.code === role)?.label ?? role, [roles]);
}
