export type MeetingKind = 'exchange' | 'progress' | 'observation';
export type AttendanceStatus = 'present' | 'absent' | 'improper' | 'excused';
export type MeetingTaskStatus = 'open' | 'done';

export interface MeetingListItem {
  id: number;
  kind: MeetingKind;
  kindLabel: string;
  heldOn: string;
  title: string;
  version: number;
  absentCount: number;
  improperCount: number;
  excusedCount: number;
  taskCount: number;
  openTaskCount: number;
  /** The caller's department's attendance (department users only). */
  myAttendance: { status: AttendanceStatus; statusLabel: string } | null;
}

export interface Meeting {
  id: number;
  kind: MeetingKind;
  kindLabel: string;
  heldOn: string;
  title: string;
  agenda: string;
  minutes: string;
  version: number;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface Attendance {
  departmentCode: string;
  departmentName: string;
  status: AttendanceStatus;
  statusLabel: string;
  remark: string | null;
}

export interface MeetingTask {
  id: number;
  meetingId: number;
  departmentCode: string | null;
  departmentName: string | null;
  title: string;
  deadline: string;
  status: MeetingTaskStatus;
  statusLabel: string;
  doneOn: string | null;
  overdue: boolean;
}

export interface MeetingDetail {
  meeting: Meeting;
  attendance: Attendance[];
  tasks: MeetingTask[];
}

export interface MeetingFieldsBody {
  kind: MeetingKind;
  heldOn: string;
  title: string;
  agenda: string;
}
