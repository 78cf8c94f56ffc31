import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Paged } from '../../api/types';
import type { UserCreateBody, UserListQuery, UserRow, UserUpdateBody } from './types';

const usersKey = ['users'] as const;

export function useUsers(q: UserListQuery) {
  return useQuery({
    queryKey: [...usersKey, q],
    queryFn: ({ signal }) => api<Paged<UserRow>>('/users', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: usersKey });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: UserCreateBody) => api<{ id: number }>('/users', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, ...body }: UserUpdateBody & { id: number }) => api<unknown>(`/users/${id}`, { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) =>
      api<void>(`/users/${id}/reset-password`, { method: 'POST', body: { password } }),
    onSuccess: invalidate, // a reset also unlocks
  });
}
