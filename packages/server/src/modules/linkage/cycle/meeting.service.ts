/**
 * 每月一次小结: the office holds a monthly meeting (交流会/推进会/观摩会), records who attended (absences and
 * improper attendance cost points in the quarterly score) and the follow-up tasks. Department users read meetings
 * with their own attendance row and the tasks given to them (or to everyone).
 */
import type { Db, Queryable, Row } from '../../../db/db.js';
import type { Clock } from '../../../clock.js';
import { todayOf } from '../../../clock.js';
import type { AuthedContext } from '../../../http/context.js';
import { badRequest, conflict, notFound } from '../../../http/errors.js';
import { writeAudit } from '../../audit/audit.writer.js';
import { confinedDepartment } from './cycle.scope.js';
import { isoOrNull } from './cycle.present.js';
import { listDepartmentRows } from './department.repository.js';
import * as repo from './meeting.repository.js';
import {
  ATTENDANCE_LABELS, MEETING_KIND_LABELS, MEETING_TASK_STATUS_LABELS,
  type AttendanceItem, type AttendanceStatus, type CreateMeetingInput, type MeetingKind, type MeetingTaskInput, type MeetingTaskPatch,
  type MeetingTaskStatus, type UpdateMeetingInput,
} from './meeting.schemas.js';

const MEETING_NOT_FOUND = '会议不存在';
const TASK_NOT_FOUND = '会议任务不存在';

const presentMeeting = (m: Row) => ({
  id: Number(m.id),
  kind: m.kind as MeetingKind,
  kindLabel: MEETING_KIND_LABELS[m.kind as MeetingKind],
  heldOn: m.held_on as string,
  title: m.title as string,
  agenda: m.agenda as string,
  minutes: m.minutes as string,
  version: Number(m.version),
  createdAt: isoOrNull(m.created_at),
  updatedAt: isoOrNull(m.updated_at),
});

const presentAttendance = (a: Row) => ({
  departmentCode: a.department_code as string,
  departmentName: a.department_name as string,
  status: a.status as AttendanceStatus,
  statusLabel: ATTENDANCE_LABELS[a.status as AttendanceStatus],
  remark: (a.remark as string | null) ?? null,
});

const presentTask = (t: Row, today: string) => ({
  id: Number(t.id),
  meetingId: Number(t.meeting_id),
  departmentCode: (t.department_code as string | null) ?? null,
  departmentName: (t.department_name as string | null) ?? null,
  title: t.title as string,
  deadline: t.deadline as string,
  status: t.status as MeetingTaskStatus,
  statusLabel: MEETING_TASK_STATUS_LABELS[t.status as MeetingTaskStatus],
  doneOn: (t.done_on as string | null) ?? null,
  overdue: t.status === 'open' && (t.deadline as string) < today,
});

const meetingFields = (m: { kind: string; heldOn: string; title: string; agenda: string; minutes: string }) =>
  ({ kind: m.kind, heldOn: m.heldOn, title: m.title, agenda: m.agenda, minutes: m.minutes });

export class MeetingService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  async list(ctx: AuthedContext, year?: number) {
    const mine = confinedDepartment(ctx.user);
    const rows = await repo.listMeetings(this.db, year, mine);
    return {
      items: rows.map((m) => ({
        id: Number(m.id),
        kind: m.kind as MeetingKind,
        kindLabel: MEETING_KIND_LABELS[m.kind as MeetingKind],
        heldOn: m.held_on as string,
        title: m.title as string,
        version: Number(m.version),
        absentCount: Number(m.absent_count),
        improperCount: Number(m.improper_count),
        excusedCount: Number(m.excused_count),
        taskCount: Number(m.task_count),
        openTaskCount: Number(m.open_task_count),
        /** The caller's department's attendance (department users only). */
        myAttendance: m.my_attendance == null ? null : { status: m.my_attendance as AttendanceStatus, statusLabel: ATTENDANCE_LABELS[m.my_attendance as AttendanceStatus] },
      })),
    };
  }

  async get(ctx: AuthedContext, id: number) {
    return this.detail(this.db, ctx, id);
  }

  /** A new meeting; every department starts as 出席 unless the attendance given says otherwise. */
  async create(ctx: AuthedContext, input: CreateMeetingInput) {
    const given = await this.checkAttendance(this.db, input.attendance ?? [], 'attendance');
    return this.db.tx(async (q) => {
      const id = await repo.insertMeeting(q, { ...meetingFields(input), createdBy: ctx.user.id });
      const departments = await listDepartmentRows(q);
      const byCode = new Map(given.map((i) => [i.departmentCode, i]));
      await repo.upsertAttendance(q, id, departments.map((d) => byCode.get(d.code) ?? { departmentCode: d.code, status: 'present', remark: null }));
      await writeAudit(q, ctx, { action: 'meeting.create', entityType: 'meeting', entityId: id, after: { ...meetingFields(input), attendance: given } });
      return this.detail(q, ctx, id);
    });
  }

  async update(ctx: AuthedContext, id: number, input: UpdateMeetingInput) {
    return this.db.tx(async (q) => {
      const before = await repo.findMeeting(q, id, true);
      if (!before) throw notFound(MEETING_NOT_FOUND);
      if (Number(before.version) !== input.version) throw conflict('该会议已被他人修改，请刷新后再编辑', 'stale_version');
      await repo.updateMeeting(q, id, input);
      const b = presentMeeting(before);
      await writeAudit(q, ctx, { action: 'meeting.update', entityType: 'meeting', entityId: id, before: meetingFields(b), after: meetingFields(input) });
      return this.detail(q, ctx, id);
    });
  }

  /** Record attendance for the departments listed (others keep theirs). */
  async setAttendance(ctx: AuthedContext, id: number, items: readonly AttendanceItem[]) {
    const checked = await this.checkAttendance(this.db, items, 'items');
    return this.db.tx(async (q) => {
      if (!(await repo.findMeeting(q, id, true))) throw notFound(MEETING_NOT_FOUND);
      const before = new Map((await repo.attendanceOf(q, id)).map((a) => [a.department_code as string, a]));
      const changed = checked.filter((i) => before.get(i.departmentCode)?.status !== i.status || (before.get(i.departmentCode)?.remark ?? null) !== i.remark);
      await repo.upsertAttendance(q, id, changed);
      if (changed.length) {
        await writeAudit(q, ctx, {
          action: 'meeting.attendance.update', entityType: 'meeting', entityId: id,
          before: changed.map((i) => ({ departmentCode: i.departmentCode, status: before.get(i.departmentCode)?.status ?? null, remark: before.get(i.departmentCode)?.remark ?? null })),
          after: changed,
        });
      }
      return { attendance: (await repo.attendanceOf(q, id)).map(presentAttendance) };
    });
  }

  async addTask(ctx: AuthedContext, meetingId: number, input: MeetingTaskInput) {
    const today = todayOf(this.clock);
    return this.db.tx(async (q) => {
      const meeting = await repo.findMeeting(q, meetingId, true);
      if (!meeting) throw notFound(MEETING_NOT_FOUND);
      await this.checkTask(q, meeting, input);
      const id = await repo.insertTask(q, meetingId, input);
      const task = presentTask((await repo.findTask(q, id))!, today);
      await writeAudit(q, ctx, { action: 'meeting_task.create', entityType: 'meeting_task', entityId: id, after: task });
      return { task };
    });
  }

  /** Change a task; 已完成 records the day it was done (today unless given, never in the future). */
  async updateTask(ctx: AuthedContext, id: number, patch: MeetingTaskPatch) {
    const today = todayOf(this.clock);
    return this.db.tx(async (q) => {
      const before = await repo.findTask(q, id);
      if (!before) throw notFound(TASK_NOT_FOUND);
      const meeting = (await repo.findMeeting(q, Number(before.meeting_id)))!;
      const status = patch.status ?? (before.status as MeetingTaskStatus);
      if (status === 'open' && patch.doneOn) throw badRequest('任务未完成时不应填写完成日期', [{ field: 'doneOn', message: '任务未完成时不应填写完成日期' }]);
      const doneOn = status === 'open' ? null : patch.doneOn ?? (before.done_on as string | null) ?? today;
      if (doneOn && doneOn > today) throw badRequest('完成日期不能晚于今天', [{ field: 'doneOn', message: '完成日期不能晚于今天' }]);
      const after = {
        title: patch.title ?? (before.title as string),
        departmentCode: patch.departmentCode !== undefined ? patch.departmentCode : ((before.department_code as string | null) ?? null),
        deadline: patch.deadline ?? (before.deadline as string),
        status,
        doneOn,
      };
      await this.checkTask(q, meeting, after);
      await repo.updateTask(q, id, after);
      const task = presentTask((await repo.findTask(q, id))!, today);
      const b = presentTask(before, today);
      await writeAudit(q, ctx, { action: 'meeting_task.update', entityType: 'meeting_task', entityId: id,
        before: { title: b.title, departmentCode: b.departmentCode, deadline: b.deadline, status: b.status, doneOn: b.doneOn }, after });
      return { task };
    });
  }

  // ── helpers ──────────────────────────────────────────────────────────────

  private async detail(q: Queryable, ctx: AuthedContext, id: number) {
    const m = await repo.findMeeting(q, id);
    if (!m) throw notFound(MEETING_NOT_FOUND);
    const mine = confinedDepartment(ctx.user);
    const today = todayOf(this.clock);
    const [attendance, tasks] = await Promise.all([repo.attendanceOf(q, id, mine), repo.tasksOf(q, id, mine)]);
    return { meeting: presentMeeting(m), attendance: attendance.map(presentAttendance), tasks: tasks.map((t) => presentTask(t, today)) };
  }

  /** Every department named exists and appears once; the refusal names the item. */
  private async checkAttendance(q: Queryable, items: readonly AttendanceItem[], path: string): Promise<AttendanceItem[]> {
    if (!items.length) return [];
    const names = new Map((await listDepartmentRows(q)).map((d) => [d.code, d.name]));
    const seen = new Set<string>();
    for (const [i, item] of items.entries()) {
      const field = `${path}.${i}.departmentCode`;
      const name = names.get(item.departmentCode);
      if (!name) throw badRequest(`部门代码 ${item.departmentCode} 不存在`, [{ field, message: '部门不存在' }]);
      if (seen.has(item.departmentCode)) throw badRequest(`部门“${name}”的参会情况重复登记`, [{ field, message: '同一部门只能登记一次' }]);
      seen.add(item.departmentCode);
    }
    return [...items];
  }

  private async checkTask(q: Queryable, meeting: Row, t: { departmentCode: string | null; deadline: string }) {
    if (t.departmentCode !== null && !(await listDepartmentRows(q)).some((d) => d.code === t.departmentCode)) {
      throw badRequest(`部门代码 ${t.departmentCode} 不存在`, [{ field: 'departmentCode', message: '部门不存在' }]);
    }
    if (t.deadline < (meeting.held_on as string)) throw badRequest('完成时限不能早于会议日期', [{ field: 'deadline', message: '完成时限不能早于会议日期' }]);
  }
}
