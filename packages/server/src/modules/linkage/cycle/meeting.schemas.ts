/** 每月一次小结: the office's monthly meetings (交流会/推进会/观摩会), attendance per department, follow-up tasks. */
import { z } from 'zod';
import { body, dateField, departmentCodeField, optionalText, requiredText, text, versionField } from '../linkage.fields.js';

export type MeetingKind = 'exchange' | 'progress' | 'observation';
export type AttendanceStatus = 'present' | 'absent' | 'improper' | 'excused';
export type MeetingTaskStatus = 'open' | 'done';

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = { exchange: '交流会', progress: '推进会', observation: '观摩会' };
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = { present: '出席', absent: '缺席', improper: '未按要求参会', excused: '请假' };
export const MEETING_TASK_STATUS_LABELS: Record<MeetingTaskStatus, string> = { open: '未完成', done: '已完成' };

const kindField = z.enum(['exchange', 'progress', 'observation'], { error: '会议形式取值无效（exchange 交流会 / progress 推进会 / observation 观摩会）' });
const attendanceStatusField = z.enum(['present', 'absent', 'improper', 'excused'], {
  error: '参会情况取值无效（present 出席 / absent 缺席 / improper 未按要求参会 / excused 请假）',
});

export const attendanceItems = z
  .array(z.object({ departmentCode: departmentCodeField, status: attendanceStatusField, remark: optionalText('参会备注', 200) }), { error: '参会情况应为列表' })
  .max(100, '参会情况条目过多');
export type AttendanceItem = z.infer<typeof attendanceItems>[number];

const meetingFields = {
  kind: kindField,
  heldOn: dateField('会议日期'),
  title: requiredText('会议名称', 200),
  agenda: text('会议议程', 5000).default(''),
  minutes: text('会议纪要', 20000).default(''),
};

export const createMeetingBody = body({ ...meetingFields, attendance: attendanceItems.optional() });
export type CreateMeetingInput = z.infer<typeof createMeetingBody>;

export const updateMeetingBody = body({ ...meetingFields, version: versionField });
export type UpdateMeetingInput = z.infer<typeof updateMeetingBody>;

export const attendanceBody = body({ items: attendanceItems.min(1, '请至少登记一个部门的参会情况') });

export const listMeetingsQuery = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int('年度无效').min(2000, '年度无效').max(2100, '年度无效').optional(),
});

export const meetingTaskBody = body({
  title: requiredText('任务内容', 500),
  departmentCode: departmentCodeField.nullable().optional().transform((v) => v ?? null),
  deadline: dateField('完成时限'),
});
export type MeetingTaskInput = z.infer<typeof meetingTaskBody>;

export const meetingTaskPatchBody = body({
  title: requiredText('任务内容', 500).optional(),
  departmentCode: departmentCodeField.nullable().optional(),
  deadline: dateField('完成时限').optional(),
  status: z.enum(['open', 'done'], { error: '任务状态取值无效（open 未完成 / done 已完成）' }).optional(),
  doneOn: dateField('完成日期').nullable().optional(),
});
export type MeetingTaskPatch = z.infer<typeof meetingTaskPatchBody>;
