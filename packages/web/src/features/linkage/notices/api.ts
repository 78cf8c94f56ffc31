import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Notice, NoticeReceipt, NoticeRow } from './types';

const noticesKey = ['linkage', 'notices'] as const;

export function useNotices(year?: number) {
  return useQuery({
    queryKey: [...noticesKey, 'list', year ?? null],
    queryFn: async ({ signal }) => (await api<{ items: NoticeRow[] }>('/linkage/notices', { query: { year }, signal })).items,
    placeholderData: keepPreviousData,
  });
}

export function useNotice(id: number) {
  return useQuery({
    queryKey: [...noticesKey, 'detail', id],
    queryFn: ({ signal }) => api<{ notice: Notice; receipts: NoticeReceipt[] }>(`/linkage/notices/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

function useInvalidateNotices() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: noticesKey });
}

export function useCreateNotice() {
  const invalidate = useInvalidateNotices();
  return useMutation({
    mutationFn: (rankingId: number) => api<{ notice: Notice }>('/linkage/notices', { method: 'POST', body: { rankingId } }),
    onSuccess: invalidate,
  });
}

export function useUpdateNotice() {
  const invalidate = useInvalidateNotices();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; title: string; body: string }) => api<{ notice: Notice }>(`/linkage/notices/${id}`, { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}

export function useApproveNotice() {
  const invalidate = useInvalidateNotices();
  return useMutation({
    mutationFn: (id: number) => api<{ notice: Notice; receipts: number }>(`/linkage/notices/${id}/approve`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export function useMarkNoticeRead() {
  const invalidate = useInvalidateNotices();
  return useMutation({
    mutationFn: (id: number) => api<{ receipt: NoticeReceipt }>(`/linkage/notices/${id}/read`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export const noticePrintUrl = (id: number) => `/api/linkage/notices/${id}/print`;
