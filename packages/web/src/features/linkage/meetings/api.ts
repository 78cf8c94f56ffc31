import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Attendance, AttendanceStatus, MeetingDetail, MeetingFieldsBody, MeetingListItem, MeetingTask } from './types';

const meetingsKey = ['linkage', 'meetings'] as const;
const detailKey = (id: number) => [...meetingsKey, 'detail', id] as const;

export function useMeetings(year: number) {
  return useQuery({
    queryKey: [...meetingsKey, 'list', year],
    queryFn: async ({ signal }) => (await api<{ items: MeetingListItem[] }>('/meetings', { query: { year }, signal })).items,
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: number) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: ({ signal }) => api<MeetingDetail>(`/meetings/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: meetingsKey });
}

export function useCreateMeeting() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: MeetingFieldsBody) => api<MeetingDetail>('/meetings', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateMeeting(id: number) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: MeetingFieldsBody & { minutes: string; version: number }) => api<MeetingDetail>(`/meetings/${id}`, { method: 'PUT', body }),
    onSuccess: (d) => {
      qc.setQueryData(detailKey(id), d);
      return invalidate();
    },
  });
}

export interface AttendanceInput {
  departmentCode: string;
  status: AttendanceStatus;
  remark: string | null;
}

export function useSaveAttendance(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (items: AttendanceInput[]) => api<{ attendance: Attendance[] }>(`/meetings/${id}/attendance`, { method: 'PUT', body: { items } }),
    onSuccess: invalidate,
  });
}

export function useAddMeetingTask(meetingId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { title: string; departmentCode: string | null; deadline: string }) =>
      api<{ task: MeetingTask }>(`/meetings/${meetingId}/tasks`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateMeetingTask() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; status: 'open' | 'done' }) => api<{ task: MeetingTask }>(`/meeting-tasks/${id}`, { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}
