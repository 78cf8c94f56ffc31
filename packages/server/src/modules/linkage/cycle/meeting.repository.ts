/** Meetings, attendance and follow-up tasks. SQL only. */
import type { Queryable, Row } from '../../../db/db.js';
import { SqlParams } from '../../../db/sql-params.js';
import type { AttendanceItem, MeetingTaskInput } from './meeting.schemas.js';

/** Meetings of a year (or all), newest first, with attendance and task counts; `department` adds its own attendance. */
export async function listMeetings(q: Queryable, year: number | undefined, department: string | null): Promise<Row[]> {
  const p = new SqlParams();
  const where = year === undefined ? 'true' : `m.held_on >= ${p.add(`${year}-01-01`)} AND m.held_on < ${p.add(`${year + 1}-01-01`)}`;
  const mine = department === null ? 'NULL' : `(SELECT status FROM meeting_attendance WHERE meeting_id = m.id AND department_code = ${p.add(department)})`;
  return q.query(
    `SELECT m.id, m.kind, m.held_on, m.title, m.version, ${mine} AS my_attendance,
            coalesce(a.absent, 0) AS absent_count, coalesce(a.improper, 0) AS improper_count, coalesce(a.excused, 0) AS excused_count,
            coalesce(t.total, 0) AS task_count, coalesce(t.open, 0) AS open_task_count
       FROM meeting m
       LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE status = 'absent') AS absent, count(*) FILTER (WHERE status = 'improper') AS improper,
                                 count(*) FILTER (WHERE status = 'excused') AS excused
                            FROM meeting_attendance WHERE meeting_id = m.id) a ON true
       LEFT JOIN LATERAL (SELECT count(*) AS total, count(*) FILTER (WHERE status = 'open') AS open FROM meeting_task WHERE meeting_id = m.id) t ON true
      WHERE ${where}
      ORDER BY m.held_on DESC, m.id DESC LIMIT 500`,
    p.values,
  );
}

export async function findMeeting(q: Queryable, id: number, forUpdate = false): Promise<Row | null> {
  return (await q.query(`SELECT * FROM meeting WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]))[0] ?? null;
}

export async function insertMeeting(q: Queryable, m: { kind: string; heldOn: string; title: string; agenda: string; minutes: string; createdBy: number }): Promise<number> {
  const rows = await q.query<{ id: number }>(
    'INSERT INTO meeting (kind, held_on, title, agenda, minutes, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [m.kind, m.heldOn, m.title, m.agenda, m.minutes, m.createdBy],
  );
  return Number(rows[0]!.id);
}

export const updateMeeting = (q: Queryable, id: number, m: { kind: string; heldOn: string; title: string; agenda: string; minutes: string }) =>
  q.query('UPDATE meeting SET kind = $2, held_on = $3, title = $4, agenda = $5, minutes = $6, version = version + 1, updated_at = now() WHERE id = $1',
    [id, m.kind, m.heldOn, m.title, m.agenda, m.minutes]);

/** Attendance rows (with department names) in department order; `department` limits to one. */
export async function attendanceOf(q: Queryable, meetingId: number, department: string | null = null): Promise<Row[]> {
  const p = new SqlParams();
  const where = [`a.meeting_id = ${p.add(meetingId)}`];
  if (department !== null) where.push(`a.department_code = ${p.add(department)}`);
  return q.query(
    `SELECT a.department_code, d.name AS department_name, a.status, a.remark
       FROM meeting_attendance a JOIN department d ON d.code = a.department_code
      WHERE ${where.join(' AND ')} ORDER BY d.sort_order, d.code`,
    p.values,
  );
}

/** Insert or replace attendance rows. */
export async function upsertAttendance(q: Queryable, meetingId: number, items: readonly AttendanceItem[]): Promise<void> {
  if (!items.length) return;
  const p = new SqlParams();
  const id = p.add(meetingId);
  const values = items.map((i) => `(${id}, ${p.add(i.departmentCode)}, ${p.add(i.status)}, ${p.add(i.remark)})`);
  await q.query(
    `INSERT INTO meeting_attendance (meeting_id, department_code, status, remark) VALUES ${values.join(', ')}
     ON CONFLICT (meeting_id, department_code) DO UPDATE SET status = EXCLUDED.status, remark = EXCLUDED.remark`,
    p.values,
  );
}

/** Tasks of a meeting; `department` limits to its own tasks and the unassigned ones. */
export async function tasksOf(q: Queryable, meetingId: number, department: string | null = null): Promise<Row[]> {
  const p = new SqlParams();
  const where = [`t.meeting_id = ${p.add(meetingId)}`];
  if (department !== null) where.push(`(t.department_code IS NULL OR t.department_code = ${p.add(department)})`);
  return q.query(
    `SELECT t.*, d.name AS department_name FROM meeting_task t LEFT JOIN department d ON d.code = t.department_code
      WHERE ${where.join(' AND ')} ORDER BY t.id`,
    p.values,
  );
}

export async function findTask(q: Queryable, id: number): Promise<Row | null> {
  return (await q.query(
    'SELECT t.*, d.name AS department_name FROM meeting_task t LEFT JOIN department d ON d.code = t.department_code WHERE t.id = $1 FOR UPDATE OF t',
    [id],
  ))[0] ?? null;
}

export async function insertTask(q: Queryable, meetingId: number, t: MeetingTaskInput): Promise<number> {
  const rows = await q.query<{ id: number }>('INSERT INTO meeting_task (meeting_id, department_code, title, deadline) VALUES ($1, $2, $3, $4) RETURNING id',
    [meetingId, t.departmentCode, t.title, t.deadline]);
  return Number(rows[0]!.id);
}

export const updateTask = (q: Queryable, id: number, t: { title: string; departmentCode: string | null; deadline: string; status: string; doneOn: string | null }) =>
  q.query('UPDATE meeting_task SET title = $2, department_code = $3, deadline = $4, status = $5, done_on = $6, updated_at = now() WHERE id = $1',
    [id, t.title, t.departmentCode, t.deadline, t.status, t.doneOn]);
