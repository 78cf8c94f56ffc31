import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { LINKAGE_DEPARTMENTS_KEY, type LinkageDepartment } from '../shared/useLinkageDepartments';

/** Replace a department's duty list as a whole (PUT /api/departments/:code/duties). */
export function useSetDuties() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, duties }: { code: string; duties: string[] }) =>
      api<{ department: LinkageDepartment }>(`/departments/${encodeURIComponent(code)}/duties`, { method: 'PUT', body: { duties } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: LINKAGE_DEPARTMENTS_KEY }),
  });
}
