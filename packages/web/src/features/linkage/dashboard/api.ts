import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { CalendarResponse } from './calendarTypes';

/** What falls due in a month (self-check due dates, meetings, submissions, tasks…), GET /api/linkage/calendar. */
export function useLinkageCalendar(month: string) {
  return useQuery({
    queryKey: ['linkage', 'calendar', month],
    queryFn: ({ signal }) => api<CalendarResponse>('/linkage/calendar', { query: { month }, signal }),
    placeholderData: keepPreviousData,
  });
}
