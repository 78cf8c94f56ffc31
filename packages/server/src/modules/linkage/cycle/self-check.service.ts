/**
 * 每月一次自查: a department files a monthly report (draft → submitted, due on the due day of the next month) whose
 * problem list is its 整改台账. Rectification goes on after submission; the office may return (退回) a report.
 * Every change runs in one transaction with its audit row.
 */
import {
  DEPARTMENT_CLASS_LABELS, RECTIFICATION_STATUS_LABELS, SELF_CHECK_OVERVIEW_LABELS, SELF_CHECK_STATUS_LABELS,
  checkFilingDepartment, checkFilingMonth, checkRectification, checkRectificationChange, checkReopenable, checkReportEditable,
  checkSubmittable, isLateSubmission, selfCheckDueDate, selfCheckOverviewStatus,
  type DepartmentClass, type RectificationStatus, type SelfCheckStatus,
} from '@shouwang/domain';
import type { Db, Queryable, Row } from '../../../db/db.js';
import type { Clock } from '../../../clock.js';
import { todayOf } from '../../../clock.js';
import type { AuthedContext } from '../../../http/context.js';
import { conflict, notFound } from '../../../http/errors.js';
import { writeAudit } from '../../audit/audit.writer.js';
import { confinedDepartment } from './cycle.scope.js';
import { enforce } from './cycle.refusal.js';
import { isoOrNull as iso } from './cycle.present.js';
import * as repo from './self-check.repository.js';
import { readSelfCheckDueDay } from '../scoring/settings.repository.js';
import type { CreateSelfCheckInput, ListSelfChecksQuery, ProblemInput, RectificationPatch } from './self-check.schemas.js';


export function presentSelfCheck(r: Row) {
  const status = r.status as SelfCheckStatus;
  return {
    id: Number(r.id),
    departmentCode: r.department_code as string,
    departmentName: r.department_name as string,
    departmentClass: r.department_class as DepartmentClass,
    month: r.month as string,
    status,
    statusLabel: SELF_CHECK_STATUS_LABELS[status],
    summary: r.summary as string,
    dueDate: r.due_date as string,
    submittedAt: iso(r.submitted_at),
    lastSubmittedAt: iso(r.last_submitted_at),
    submittedLate: Boolean(r.submitted_late),
    reopenedCount: Number(r.reopened_count),
    lastReopenReason: (r.last_reopen_reason as string | null) ?? null,
    version: Number(r.version),
    problemCount: Number(r.problem_count),
    openRectifications: Number(r.open_count),
    longTermRectifications: Number(r.long_term_count),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function presentRectification(r: Row, today: string) {
  const status = r.status as RectificationStatus;
  return {
    id: Number(r.id),
    selfCheckId: r.self_check_id == null ? null : Number(r.self_check_id),
    departmentCode: r.department_code as string,
    problem: r.problem as string,
    measure: r.measure as string,
    owner: r.owner as string,
    deadline: r.deadline as string,
    status,
    statusLabel: RECTIFICATION_STATUS_LABELS[status],
    doneOn: (r.done_on as string | null) ?? null,
    evidence: r.evidence as { name: string; note: string | null }[],
    /** 整改中 past its deadline. */
    overdue: status === 'in_progress' && (r.deadline as string) < today,
  };
}

const rectificationValues = (r: Row): repo.RectificationValues => ({
  problem: r.problem, measure: r.measure, owner: r.owner, deadline: r.deadline, status: r.status, doneOn: r.done_on ?? null, evidence: r.evidence,
});

export class SelfCheckService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  /** A month's self-check is due on this day of the next month (linkage setting; seed 004: the 5th). */
  private dueDay(): Promise<number> {
    return readSelfCheckDueDay(this.db);
  }

  private today() {
    return todayOf(this.clock);
  }

  async list(ctx: AuthedContext, f: ListSelfChecksQuery) {
    const rows = await repo.listSelfChecks(this.db, f, confinedDepartment(ctx.user));
    return { items: rows.map(presentSelfCheck) };
  }

  async get(ctx: AuthedContext, id: number) {
    return this.detail(this.db, ctx, id);
  }

  /** A department opens its report for a month as a draft. */
  async create(ctx: AuthedContext, input: CreateSelfCheckInput) {
    const departmentCode = input.departmentCode ?? ctx.user.departmentCode ?? '';
    enforce(checkFilingDepartment(ctx.user.departmentCode, departmentCode));
    enforce(checkFilingMonth(input.month, this.today()));
    const dueDate = selfCheckDueDate(input.month, await this.dueDay());
    return this.db.tx(async (q) => {
      const id = await repo.insertSelfCheck(q, { departmentCode, month: input.month, summary: input.summary, dueDate, createdBy: ctx.user.id });
      if (id === null) throw conflict(`本部门${input.month}月份的自查报告已存在，不能重复创建`, 'duplicate_month');
      await writeAudit(q, ctx, { action: 'self_check.create', entityType: 'self_check', entityId: id, after: { departmentCode, month: input.month, summary: input.summary, dueDate } });
      return this.detail(q, ctx, id);
    });
  }

  async update(ctx: AuthedContext, id: number, summary: string, version: number) {
    return this.db.tx(async (q) => {
      const before = await this.editableReport(q, ctx, id, version);
      await repo.updateSummary(q, id, summary);
      await writeAudit(q, ctx, { action: 'self_check.update', entityType: 'self_check', entityId: id, before: { summary: before.summary }, after: { summary } });
      return this.detail(q, ctx, id);
    });
  }

  async addProblem(ctx: AuthedContext, id: number, input: ProblemInput) {
    return this.db.tx(async (q) => {
      const report = await this.editableReport(q, ctx, id);
      enforce(checkRectification(input, this.today()));
      const row = await repo.insertRectification(q, id, report.departmentCode, input);
      const after = presentRectification(row, this.today());
      await writeAudit(q, ctx, { action: 'rectification.create', entityType: 'rectification', entityId: after.id, after });
      return { rectification: after };
    });
  }

  /** Rectification continues after submission: the department keeps its 整改台账 current. */
  async updateRectification(ctx: AuthedContext, id: number, patch: RectificationPatch) {
    const today = this.today();
    return this.db.tx(async (q) => {
      const row = await repo.findRectification(q, id, confinedDepartment(ctx.user));
      if (!row) throw notFound();
      const before = rectificationValues(row);
      const status = patch.status ?? before.status;
      // Leaving 已整改 clears its date; otherwise a date not given is kept.
      const doneOn = patch.doneOn !== undefined ? patch.doneOn : status === 'done' ? before.doneOn : null;
      const after: repo.RectificationValues = { ...before, ...stripUndefined(patch), status, doneOn };
      const locked = row.report_status !== 'draft';
      enforce(checkRectificationChange(
        { ...before, status: before.status as RectificationStatus },
        { ...after, status: after.status as RectificationStatus },
        locked, today,
      ));
      const updated = await repo.updateRectification(q, id, after);
      await writeAudit(q, ctx, { action: 'rectification.update', entityType: 'rectification', entityId: id, before, after: rectificationValues(updated) });
      return { rectification: presentRectification(updated, today) };
    });
  }

  /** A problem entered by mistake leaves the list while the report is a draft. */
  async removeRectification(ctx: AuthedContext, id: number) {
    await this.db.tx(async (q) => {
      const row = await repo.findRectification(q, id, confinedDepartment(ctx.user));
      if (!row) throw notFound();
      enforce(checkReportEditable(row.report_status === 'draft' ? 'draft' : 'submitted'));
      await repo.deleteRectification(q, id);
      await writeAudit(q, ctx, { action: 'rectification.delete', entityType: 'rectification', entityId: id, before: rectificationValues(row) });
    });
  }

  /** Submit to the 县联动办公室; after the due date it is recorded as late (a returned report keeps its first lateness). */
  async submit(ctx: AuthedContext, id: number, version?: number) {
    const now = this.clock();
    const today = todayOf(this.clock);
    return this.db.tx(async (q) => {
      const r = await this.scopedReport(q, ctx, id, true);
      enforce(checkSubmittable({ status: r.status, summary: r.summary }));
      if (version !== undefined) this.checkVersion(r, version);
      const late = r.submittedAt ? r.submittedLate : isLateSubmission(today, r.dueDate);
      await repo.markSubmitted(q, id, now.toISOString(), late, ctx.user.id);
      await writeAudit(q, ctx, { action: 'self_check.submit', entityType: 'self_check', entityId: id, before: { status: r.status }, after: { status: 'submitted', submittedLate: late, dueDate: r.dueDate } });
      return this.detail(q, ctx, id);
    });
  }

  /** The office returns a submitted report to its department for correction (退回), with the reason. */
  async reopen(ctx: AuthedContext, id: number, reason: string) {
    return this.db.tx(async (q) => {
      const r = await this.scopedReport(q, ctx, id, true);
      enforce(checkReopenable(r.status));
      await repo.markReopened(q, id, reason);
      await writeAudit(q, ctx, { action: 'self_check.reopen', entityType: 'self_check', entityId: id, before: { status: r.status }, after: { status: 'draft', reason } });
      return this.detail(q, ctx, id);
    });
  }

  /** The month at a glance for the office: every department's filing status and its open rectifications. */
  async overview(ctx: AuthedContext, month: string) {
    const today = this.today();
    const defaultDue = selfCheckDueDate(month, await this.dueDay());
    const rows = await repo.overviewRows(this.db, month, confinedDepartment(ctx.user));
    const items = rows.map((r) => {
      const dueDate = (r.due_date as string | null) ?? defaultDue;
      const status = selfCheckOverviewStatus(r.id == null ? null : { status: r.status, submittedLate: Boolean(r.submitted_late) }, dueDate, today);
      const cls = r.department_class as DepartmentClass;
      return {
        departmentCode: r.department_code as string,
        departmentName: r.department_name as string,
        departmentClass: cls,
        classLabel: DEPARTMENT_CLASS_LABELS[cls],
        selfCheckId: r.id == null ? null : Number(r.id),
        status,
        statusLabel: SELF_CHECK_OVERVIEW_LABELS[status],
        dueDate,
        submittedAt: iso(r.submitted_at),
        problemCount: Number(r.problem_count),
        openRectifications: Number(r.open_count),
        longTermRectifications: Number(r.long_term_count),
        /** 紧密型 only: whether the month's 乡镇评分排名 was filed. */
        townshipRanked: cls === 'close' ? Boolean(r.township_ranked) : null,
      };
    });
    const count = (s: string) => items.filter((i) => i.status === s).length;
    return {
      month,
      dueDate: defaultDue,
      totals: { onTime: count('on_time'), late: count('late'), draft: count('draft'), missing: count('missing'), notDue: count('not_due') },
      items,
    };
  }

  // ── helpers ──────────────────────────────────────────────────────────────

  private async detail(q: Queryable, ctx: AuthedContext, id: number) {
    const r = await repo.findSelfCheck(q, id, confinedDepartment(ctx.user));
    if (!r) throw notFound();
    const today = this.today();
    return { selfCheck: presentSelfCheck(r), problems: (await repo.rectificationsOf(q, id)).map((x) => presentRectification(x, today)) };
  }

  private async scopedReport(q: Queryable, ctx: AuthedContext, id: number, forUpdate: boolean) {
    const r = await repo.findSelfCheck(q, id, confinedDepartment(ctx.user), forUpdate);
    if (!r) throw notFound();
    return presentSelfCheck(r);
  }

  private checkVersion(r: { version: number }, version: number) {
    if (r.version !== version) throw conflict('该自查报告已被他人修改，请刷新后再编辑', 'stale_version');
  }

  /** The caller's report, locked, still a draft, and (when a version is given) not changed since it was read. */
  private async editableReport(q: Queryable, ctx: AuthedContext, id: number, version?: number) {
    const r = await this.scopedReport(q, ctx, id, true);
    enforce(checkReportEditable(r.status));
    if (version !== undefined) this.checkVersion(r, version);
    return r;
  }
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
