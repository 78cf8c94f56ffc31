/** Option lists of the meeting forms (the API sends the labels of saved records itself). */
import type { AttendanceStatus, MeetingKind } from './types';

export const MEETING_KIND_OPTIONS: { value: MeetingKind; label: string }[] = [
  { value: 'exchange', label: '交流会' },
  { value: 'progress', label: '推进会' },
  { value: 'observation', label: '观摩会' },
];

export const MEETING_KIND_COLORS: Record<MeetingKind, string> = { exchange: 'blue', progress: 'green', observation: 'purple' };

export const ATTENDANCE_OPTIONS: { value: AttendanceStatus; label: string }[] = [
  { value: 'present', label: '出席' },
  { value: 'absent', label: '缺席' },
  { value: 'improper', label: '未按要求参会' },
  { value: 'excused', label: '请假' },
];

export const ATTENDANCE_COLORS: Record<AttendanceStatus, string> = { present: 'green', absent: 'red', improper: 'orange', excused: 'default' };
