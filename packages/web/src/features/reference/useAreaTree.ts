import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AreaNode } from '../../api/types';

/** The user's own area and everything below it, down to villages. */
export function useAreaTree() {
  return useQuery({
    queryKey: ['areas', 'tree'],
    queryFn: async () => (await api<{ tree: AreaNode[] }>('/areas/tree')).tree,
    staleTime: 10 * 60_000,
  });
}
