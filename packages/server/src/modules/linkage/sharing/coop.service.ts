/** 协同处置: joint-handling cases routed to departments as tasks, closed only when every task is done or carried over. */
import {
  COOP_CASE_KIND_LABELS, COOP_TASK_STATUS_LABELS, decideCaseChange, decideCaseClose, decideOpenedOn, decideTaskDeadline,
  decideTaskUpdate, isTaskOverdue, type CoopCaseKind,
} from '@shouwang/domain';
import type { Db, Queryable } from '../../../db/db.js';
import type { Clock } from '../../../clock.js';
import { todayOf } from '../../../clock.js';
import { camelRow } from '../../../db/case.js';
import type { AuthedContext } from '../../../http/context.js';
import { badRequest, conflict, notFound, type FieldError } from '../../../http/errors.js';
import { writeAudit } from '../../audit/audit.writer.js';
import { findHousehold } from '../../registry/registry.repository.js';
import * as repo from './coop.repository.js';
import { parseDetails, type CaseListQuery, type CreateCaseBody, type TaskInput, type UpdateCaseBody, type UpdateTaskBody } from './coop.schemas.js';
import { decided } from './sharing.refusal.js';

const DAY_MS = 86_400_000;

/** The department a department user acts for; null for roles that see every case. */
const ownDepartment = (ctx: AuthedContext) => (ctx.user.role === 'department_user' ? ctx.user.departmentCode : null);

function presentTask(t: repo.TaskRow, today: string) {
  return {
    id: Number(t.id),
    caseId: Number(t.case_id),
    departmentCode: t.department_code,
    departmentName: t.department_name,
    title: t.title,
    deadline: t.deadline,
    status: t.status,
    statusLabel: COOP_TASK_STATUS_LABELS[t.status],
    progress: t.progress,
    resultNote: t.result_note,
    carryNote: t.carry_note,
    closedOn: t.closed_on,
    overdue: isTaskOverdue(t, today),
    version: t.version,
  };
}

const presentCase = (c: repo.CaseRow) => ({ ...camelRow(c), kindLabel: COOP_CASE_KIND_LABELS[c.kind as CoopCaseKind] });

function fail(fields: FieldError[]): never {
  throw badRequest(fields[0]!.message, fields);
}

export class CoopService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  private today() {
    return todayOf(this.clock);
  }

  async list(ctx: AuthedContext, f: CaseListQuery) {
    const { total, rows } = await repo.listCases(this.db, f, ownDepartment(ctx), this.today());
    return {
      total, page: f.page, pageSize: f.pageSize,
      items: rows.map((r) => ({
        id: Number(r.id), kind: r.kind, kindLabel: COOP_CASE_KIND_LABELS[r.kind as CoopCaseKind], title: r.title, openedOn: r.opened_on,
        status: r.status, closedOn: r.closed_on, taskCount: Number(r.task_count), openTaskCount: Number(r.open_task_count),
        overdueTaskCount: Number(r.overdue_task_count), departments: r.departments,
      })),
    };
  }

  async get(ctx: AuthedContext, id: number) {
    const own = ownDepartment(ctx);
    if (own && !(await repo.caseHasTaskOf(this.db, id, own))) throw notFound();
    return this.detail(this.db, id);
  }

  async create(ctx: AuthedContext, body: CreateCaseBody) {
    const today = this.today();
    const openedOn = decided(decideOpenedOn(body.openedOn ?? today, today));
    const details = this.checkCase(body.kind, body);
    const deadlineErrors = body.tasks.flatMap((t, i) => {
      const d = decideTaskDeadline(t.deadline, openedOn, `tasks.${i}.deadline`);
      return d.ok ? [] : [{ field: d.refusal.field!, message: d.refusal.message }];
    });
    if (deadlineErrors.length) fail(deadlineErrors);
    return this.db.tx(async (q) => {
      await this.checkHousehold(q, ctx, body.householdId);
      await this.checkDepartments(q, body.tasks, 'tasks');
      const id = await repo.insertCase(q, {
        kind: body.kind, title: body.title, description: body.description, openedOn, openedBy: ctx.user.id,
        householdId: body.householdId, subject: body.subject, details,
      });
      for (const t of body.tasks) await repo.insertTask(q, id, t);
      await writeAudit(q, ctx, { action: 'coop_case.create', entityType: 'coop_case', entityId: id, after: { ...body, openedOn, details } });
      return this.detail(q, id);
    });
  }

  async update(ctx: AuthedContext, id: number, body: UpdateCaseBody) {
    return this.db.tx(async (q) => {
      const before = await repo.findCase(q, id, true);
      if (!before) throw notFound();
      if (before.version !== body.version) throw conflict('该事项已被他人修改，请刷新后再编辑', 'stale_version');
      decided(decideCaseChange(before.status));
      const details = this.checkCase(before.kind as CoopCaseKind, body);
      await this.checkHousehold(q, ctx, body.householdId);
      const change = { title: body.title, description: body.description, householdId: body.householdId, subject: body.subject, details };
      await repo.updateCase(q, id, change);
      await writeAudit(q, ctx, { action: 'coop_case.update', entityType: 'coop_case', entityId: id, before: presentCase(before), after: change });
      return this.detail(q, id);
    });
  }

  async addTask(ctx: AuthedContext, caseId: number, input: TaskInput) {
    return this.db.tx(async (q) => {
      const c = await repo.findCase(q, caseId, true);
      if (!c) throw notFound();
      decided(decideCaseChange(c.status));
      decided(decideTaskDeadline(input.deadline, c.opened_on));
      await this.checkDepartments(q, [input], '');
      const taskId = await repo.insertTask(q, caseId, input);
      await writeAudit(q, ctx, { action: 'coop_task.create', entityType: 'coop_task', entityId: taskId, after: { caseId, ...input } });
      return { task: presentTask((await repo.findTask(q, taskId))!, this.today()) };
    });
  }

  /** Progress, done, carried over, or (office) reopen. Another department's task is not found. */
  async updateTask(ctx: AuthedContext, taskId: number, body: UpdateTaskBody) {
    const own = ownDepartment(ctx);
    const today = this.today();
    return this.db.tx(async (q) => {
      const peek = await repo.findTask(q, taskId);
      if (!peek || (own && peek.department_code !== own)) throw notFound();
      const c = (await repo.findCase(q, peek.case_id, true))!; // the case first: the same lock order as closing it
      const before = (await repo.findTask(q, taskId, true))!;
      if (before.version !== body.version) throw conflict('该任务已被他人修改，请刷新后再编辑', 'stale_version');
      const { closedOn } = decided(decideTaskUpdate({
        caseKind: c.kind as CoopCaseKind, caseStatus: c.status, current: { status: before.status, closedOn: before.closed_on },
        actor: ctx.user.role === 'county_office' ? 'office' : 'department',
        next: { status: body.status, resultNote: body.resultNote, carryNote: body.carryNote }, today,
      }));
      const change = { status: body.status, progress: body.progress, resultNote: body.resultNote, carryNote: body.carryNote, closedOn };
      await repo.updateTask(q, taskId, change);
      await writeAudit(q, ctx, { action: 'coop_task.update', entityType: 'coop_task', entityId: taskId, before: presentTask(before, today), after: change });
      return { task: presentTask((await repo.findTask(q, taskId))!, today) };
    });
  }

  async close(ctx: AuthedContext, id: number, closeNote: string) {
    const today = this.today();
    return this.db.tx(async (q) => {
      const c = await repo.findCase(q, id, true);
      if (!c) throw notFound();
      const tasks = await repo.tasksOf(q, id);
      decided(decideCaseClose(c.status, tasks.map((t) => ({ title: t.title, departmentName: t.department_name, status: t.status }))));
      await repo.closeCase(q, id, today, closeNote);
      await writeAudit(q, ctx, { action: 'coop_case.close', entityType: 'coop_case', entityId: id, before: { status: c.status }, after: { status: 'closed', closedOn: today, closeNote } });
      return this.detail(q, id);
    });
  }

  /** Open tasks past their deadline as of today: a department sees its own; the others every department's (or one). */
  async overdue(ctx: AuthedContext, departmentCode?: string) {
    const today = this.today();
    const own = ownDepartment(ctx);
    const items = own && departmentCode && departmentCode !== own ? [] : await repo.overdueTasks(this.db, today, own ?? departmentCode ?? null);
    return {
      asOf: today,
      items: items.map((t) => ({
        ...presentTask(t, today), caseKind: t.case_kind, caseTitle: t.case_title,
        daysOverdue: Math.round((Date.parse(today) - Date.parse(t.deadline)) / DAY_MS),
      })),
    };
  }

  private async detail(q: Queryable, id: number) {
    const c = await repo.findCase(q, id);
    if (!c) throw notFound();
    const [tasks, household] = await Promise.all([repo.tasksOf(q, id), c.household_id ? repo.householdSummary(q, c.household_id) : null]);
    const today = this.today();
    return { case: presentCase(c), household: household ? camelRow(household) : null, tasks: tasks.map((t) => presentTask(t, today)) };
  }

  /** The checks a case's own fields need whatever the operation: one subject at most, the kind's details. */
  private checkCase(kind: CoopCaseKind, body: { householdId: number | null; subject: string | null; details: unknown }): Record<string, unknown> {
    if (body.householdId && body.subject) fail([{ field: 'subject', message: '已关联农户时无需再填写处置对象' }]);
    const d = parseDetails(kind, body.details);
    if (!d.ok) fail(d.fields.map((f) => ({ ...f, message: `${COOP_CASE_KIND_LABELS[kind]}附加信息有误：${f.message}` })));
    return d.value;
  }

  private async checkHousehold(q: Queryable, ctx: AuthedContext, householdId: number | null) {
    if (householdId && !(await findHousehold(q, ctx.user, householdId))) fail([{ field: 'householdId', message: '关联农户不存在' }]);
  }

  private async checkDepartments(q: Queryable, tasks: readonly TaskInput[], prefix: string) {
    const known = await repo.existingDepartments(q, tasks.map((t) => t.departmentCode));
    const errors = tasks.flatMap((t, i) =>
      known.has(t.departmentCode) ? [] : [{ field: `${prefix ? `${prefix}.${i}.` : ''}departmentCode`, message: `责任部门不存在：${t.departmentCode}` }]);
    if (errors.length) fail(errors);
  }
}
