import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Paged } from '../../../api/types';
import type { Policy, PolicyDigest, PolicyInput, PolicyListQuery, PolicyReceipts } from './types';

const policiesKey = ['linkage', 'policies'] as const;

export function usePolicies(q: PolicyListQuery) {
  return useQuery({
    queryKey: [...policiesKey, 'list', q],
    queryFn: ({ signal }) => api<Paged<Policy>>('/policies', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePolicyDigest(month: string) {
  return useQuery({
    queryKey: [...policiesKey, 'digest', month],
    queryFn: ({ signal }) => api<PolicyDigest>('/policies/digest', { query: { month }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Which departments read a policy (office only); fetched when `id` is set. */
export function usePolicyReceipts(id: number | null) {
  return useQuery({
    queryKey: [...policiesKey, 'receipts', id],
    queryFn: ({ signal }) => api<PolicyReceipts>(`/policies/${id}/receipts`, { signal }),
    enabled: id !== null,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: policiesKey });
}

export function useCreatePolicy() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PolicyInput) => api<{ policy: Policy }>('/policies', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdatePolicy() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: PolicyInput & { id: number; version: number }) => api<{ policy: Policy }>(`/policies/${id}`, { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}

/** 标记已读 for the caller's department (department users only). */
export function useMarkPolicyRead() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: number) => api<{ policyId: number; readAt: string; alreadyRead: boolean }>(`/policies/${id}/read`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}
