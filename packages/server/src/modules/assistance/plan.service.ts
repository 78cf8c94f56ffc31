/**
 * 帮扶计划 and their measures. One active plan per monitored household; due 10 days (configurable, the cases
 * feature's deadline settings) after the county approval of its identification case. Measures come from the
 * catalogue, each with its responsible department; 已落实 needs a date and evidence; department users see and mark
 * only their own department's measures, helpers only their own households'. Measure changes use optimistic locking.
 */
import {
  MEASURE_CATALOGUE, assistanceFigures, can, checkDevelopmentalMeasure, checkMeasureDone, countLabourCapable, deadlineConfig, evaluateDeadline,
  helpPlanDueOn, isDevelopmentalMeasure, measureLabel, type DeadlineConfig, type DeadlineConfigInput, type DevelopmentalFinding, type MeasureStatus,
} from '@shouwang/domain';
import type { Db, Queryable, Row } from '../../db/db.js';
import { todayOf, type Clock } from '../../clock.js';
import { isUniqueViolation } from '../../db/db-error.js';
import type { AuthedContext, AuthUser } from '../../http/context.js';
import { areaInScope } from '../../http/scope.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { writeAudit } from '../audit/audit.writer.js';
import { findArea } from '../areas/area.repository.js';
import { findHousehold } from '../registry/registry.repository.js';
import { recordAssistanceAdded } from '../warnings/warning.credit.js';
import * as repo from './assistance.repository.js';
import type { MeasureInput, MeasureUpdate, PendingQuery, PlanCreate, PlanListQuery } from './assistance.schemas.js';

const num = (v: unknown) => (v == null ? null : Number(v));

export class PlanService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  private async deadlines(q: Queryable): Promise<DeadlineConfig> {
    return deadlineConfig(((await repo.deadlineSettings(q)) ?? {}) as DeadlineConfigInput);
  }

  /** The labour rule for plans: members' labour capacity and all measures (every department) of each plan. */
  private async findings(q: Queryable, plans: Row[]): Promise<Map<number, { finding: DevelopmentalFinding; labourCapable: number }>> {
    const today = todayOf(this.clock);
    const members = await repo.membersForLabour(q, plans.map((p) => Number(p.household_id)));
    const measures = await repo.measuresOfHouseholds(q, plans.map((p) => Number(p.id)));
    const out = new Map<number, { finding: DevelopmentalFinding; labourCapable: number }>();
    for (const p of plans) {
      const hid = Number(p.household_id);
      const labour = countLabourCapable(
        members.filter((m) => Number(m.household_id) === hid).map((m) => ({ labourSkill: m.labour_skill, birthDate: m.birth_date, inSchool: !!m.school_status && m.school_status !== 'none' })),
        today,
      );
      const ms = measures.filter((m) => Number(m.plan_id) === Number(p.id)).map((m) => ({ code: m.measure_code, status: m.status as MeasureStatus }));
      out.set(Number(p.id), { finding: checkDevelopmentalMeasure(labour, ms), labourCapable: labour });
    }
    return out;
  }

  private summary(p: Row, finding: DevelopmentalFinding) {
    return {
      id: Number(p.id),
      householdId: Number(p.household_id),
      householdNo: p.household_no as string,
      headName: (p.head_name as string | null) ?? null,
      villageName: p.village_name as string,
      townshipName: p.township_name as string,
      helperName: (p.helper_name as string | null) ?? null,
      madeOn: p.made_on as string,
      dueOn: (p.due_on as string | null) ?? null,
      status: p.status as string,
      planned: Number(p.planned),
      implemented: Number(p.implemented),
      cancelled: Number(p.cancelled),
      finding,
    };
  }

  private presentMeasure(m: Row, user: AuthUser, planActive: boolean) {
    const planned = m.status === 'planned' && planActive;
    const ownDept = user.role !== 'department_user' || m.department_code === user.departmentCode;
    return {
      id: Number(m.id),
      planId: Number(m.plan_id),
      measureCode: m.measure_code as string,
      measureLabel: measureLabel(m.measure_code),
      developmental: isDevelopmentalMeasure(m.measure_code),
      content: (m.content as string | null) ?? null,
      departmentCode: (m.department_code as string | null) ?? null,
      departmentName: (m.department_name as string | null) ?? null,
      amount: num(m.amount),
      plannedOn: m.planned_on as string,
      status: m.status as string,
      implementedOn: (m.implemented_on as string | null) ?? null,
      evidenceNote: (m.evidence_note as string | null) ?? null,
      cancelReason: (m.cancel_reason as string | null) ?? null,
      warningId: num(m.warning_id),
      version: Number(m.version),
      canImplement: planned && ownDept && can(user.role, 'update', 'help_plan'),
      canEdit: planned && can(user.role, 'manage', 'help_plan'),
    };
  }

  async list(ctx: AuthedContext, f: PlanListQuery) {
    await this.checkAreaFilter(ctx, f.area);
    if (f.finding === 'labour_problem') {
      const { rows } = await repo.listPlans(this.db, ctx.user, f);
      const active = rows.filter((r) => r.status === 'active');
      const fs = await this.findings(this.db, active);
      const flagged = active.filter((r) => !fs.get(Number(r.id))!.finding.ok);
      const page = flagged.slice((f.page - 1) * f.pageSize, f.page * f.pageSize);
      return { total: flagged.length, page: f.page, pageSize: f.pageSize, items: page.map((r) => this.summary(r, fs.get(Number(r.id))!.finding)) };
    }
    const { total, rows } = await repo.listPlans(this.db, ctx.user, f);
    const fs = await this.findings(this.db, rows);
    return { total, page: f.page, pageSize: f.pageSize, items: rows.map((r) => this.summary(r, fs.get(Number(r.id))!.finding)) };
  }

  /** The whole plan with its measures (a department user: its own measures only); the view is audited. */
  async get(ctx: AuthedContext, id: number) {
    return this.db.tx(async (q) => {
      const p = await repo.findPlan(q, ctx.user, id);
      if (!p) throw notFound();
      await writeAudit(q, ctx, { action: 'help_plan.view', entityType: 'help_plan', entityId: id });
      return this.detail(q, ctx.user, p);
    });
  }

  private async detail(q: Queryable, user: AuthUser, p: Row) {
    const fs = (await this.findings(q, [p])).get(Number(p.id))!;
    const measures = await repo.measuresOfPlans(q, [Number(p.id)], user.role === 'department_user' ? user.departmentCode : null);
    const today = todayOf(this.clock);
    const approval = await repo.countyApprovalOf(q, Number(p.household_id));
    const deadline = approval ? evaluateDeadline('help_plan', approval.on_date, today, await this.deadlines(q), p.made_on) : null;
    return {
      ...this.summary(p, fs.finding),
      caseId: num(p.case_id),
      notes: (p.notes as string | null) ?? null,
      version: Number(p.version),
      monitorCategory: (p.monitor_category as string | null) ?? null,
      labourCapable: fs.labourCapable,
      deadline: deadline ? { date: deadline.date, status: deadline.status, text: deadline.text } : null,
      measures: measures.map((m) => this.presentMeasure(m, user, p.status === 'active')),
      canManage: can(user.role, 'manage', 'help_plan') && p.status === 'active',
    };
  }

  async create(ctx: AuthedContext, body: PlanCreate) {
    const today = todayOf(this.clock);
    return this.db.tx(async (q) => {
      const h = await findHousehold(q, ctx.user, body.householdId, true);
      if (!h) throw notFound('农户不存在或不在您的管辖范围内');
      if (!h.monitor_category) throw badRequest('该户不是监测对象，不能制定帮扶计划', [{ field: 'householdId', message: '仅监测对象可制定帮扶计划' }]);
      if (h.risk_eliminated) throw badRequest('该户风险已消除，不能新建帮扶计划', [{ field: 'householdId', message: '该户风险已消除' }]);
      const existing = await repo.activePlanIdOf(q, body.householdId);
      if (existing) throw conflict(`该户已有执行中的帮扶计划（编号 ${existing}），请在原计划中增加措施`, 'plan_exists');
      for (const [i, m] of body.measures.entries()) await this.checkMeasure(q, m, body.householdId, `measures.${i}`);
      const approval = await repo.countyApprovalOf(q, body.householdId);
      const dueOn = approval ? helpPlanDueOn(approval.on_date, await this.deadlines(q)) : null;
      let planId: number;
      try {
        planId = await repo.insertPlan(q, { householdId: body.householdId, caseId: approval ? Number(approval.case_id) : null, madeOn: today, dueOn, notes: body.notes ?? null, by: ctx.user.id });
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict('该户已有执行中的帮扶计划，请在原计划中增加措施', 'plan_exists');
        throw e;
      }
      const measureIds: number[] = [];
      for (const m of body.measures) measureIds.push(await this.insertMeasure(q, ctx, planId, body.householdId, m));
      await writeAudit(q, ctx, { action: 'help_plan.create', entityType: 'help_plan', entityId: planId, after: { householdId: body.householdId, dueOn, notes: body.notes ?? null, measures: body.measures } });
      return this.detail(q, ctx.user, (await repo.findPlan(q, ctx.user, planId))!);
    });
  }

  async addMeasure(ctx: AuthedContext, planId: number, m: MeasureInput) {
    return this.db.tx(async (q) => {
      const p = await repo.findPlan(q, ctx.user, planId, true);
      if (!p) throw notFound();
      if (p.status !== 'active') throw conflict('该帮扶计划已结束，不能再增加措施', 'plan_closed');
      await this.checkMeasure(q, m, Number(p.household_id), '');
      const id = await this.insertMeasure(q, ctx, planId, Number(p.household_id), m);
      await repo.touchPlan(q, planId);
      await writeAudit(q, ctx, { action: 'help_measure.create', entityType: 'help_measure', entityId: id, after: { planId, ...m } });
      return { measure: this.presentMeasure(await repo.measureView(q, id), ctx.user, true) };
    });
  }

  async updateMeasure(ctx: AuthedContext, id: number, body: MeasureUpdate) {
    return this.db.tx(async (q) => {
      const m = await this.lockedMeasure(q, ctx, id, body.version);
      if (m.status !== 'planned') throw conflict(`该措施${m.status === 'implemented' ? '已落实' : '已取消'}，不能修改`, 'measure_closed');
      const departmentCode = body.departmentCode ?? null;
      if (departmentCode && !(await repo.departmentExists(q, departmentCode))) throw badRequest(`责任部门 ${departmentCode} 不存在`, [{ field: 'departmentCode', message: '责任部门不存在' }]);
      const set = { department_code: departmentCode, amount: body.amount ?? null, planned_on: body.plannedOn, content: body.content ?? null };
      await repo.updateMeasure(q, id, set);
      await writeAudit(q, ctx, { action: 'help_measure.update', entityType: 'help_measure', entityId: id,
        before: { departmentCode: m.department_code, amount: num(m.amount), plannedOn: m.planned_on, content: m.content }, after: { departmentCode, amount: body.amount ?? null, plannedOn: body.plannedOn, content: body.content ?? null } });
      return { measure: this.presentMeasure(await repo.measureView(q, id), ctx.user, true) };
    });
  }

  /** 已落实: date and evidence; a department user only its own department's measures (others are not found). */
  async implement(ctx: AuthedContext, id: number, body: { implementedOn: string; evidenceNote: string; version: number }) {
    const today = todayOf(this.clock);
    return this.db.tx(async (q) => {
      const m = await this.lockedMeasure(q, ctx, id, body.version);
      if (m.status !== 'planned') throw conflict(`该措施${m.status === 'implemented' ? '已落实' : '已取消'}，不能重复操作`, 'measure_closed');
      const problems = checkMeasureDone(body, m.plan_made_on, today);
      if (problems.length) throw badRequest(problems.map((x) => x.message).join('；'), problems);
      await repo.updateMeasure(q, id, { status: 'implemented', implemented_on: body.implementedOn, evidence_note: body.evidenceNote.trim(), implemented_by: ctx.user.id });
      await repo.touchPlan(q, Number(m.plan_id));
      await writeAudit(q, ctx, { action: 'help_measure.implement', entityType: 'help_measure', entityId: id, before: { status: 'planned' }, after: { status: 'implemented', implementedOn: body.implementedOn, evidenceNote: body.evidenceNote.trim() } });
      return { measure: this.presentMeasure(await repo.measureView(q, id), ctx.user, true) };
    });
  }

  async cancel(ctx: AuthedContext, id: number, body: { reason: string; version: number }) {
    return this.db.tx(async (q) => {
      const m = await this.lockedMeasure(q, ctx, id, body.version);
      if (m.status !== 'planned') throw conflict(`该措施${m.status === 'implemented' ? '已落实' : '已取消'}，不能取消`, 'measure_closed');
      await repo.updateMeasure(q, id, { status: 'cancelled', cancel_reason: body.reason });
      await repo.touchPlan(q, Number(m.plan_id));
      await writeAudit(q, ctx, { action: 'help_measure.cancel', entityType: 'help_measure', entityId: id, before: { status: 'planned' }, after: { status: 'cancelled', reason: body.reason } });
      return { measure: this.presentMeasure(await repo.measureView(q, id), ctx.user, true) };
    });
  }

  /** Households approved at county level without a plan yet, with the deadline's state (overdue first). */
  async pending(ctx: AuthedContext, f: PendingQuery) {
    await this.checkAreaFilter(ctx, f.area);
    const rows = await this.pendingRows(this.db, ctx.user, { area: f.area });
    const filtered = f.status === 'all' ? rows : rows.filter((r) => r.status === f.status);
    const overdue = rows.filter((r) => r.status === 'overdue').length;
    return { total: filtered.length, overdue, page: f.page, pageSize: f.pageSize, items: filtered.slice((f.page - 1) * f.pageSize, f.page * f.pageSize) };
  }

  async pendingRows(q: Queryable, user: AuthUser, f: { area?: string; householdId?: number }) {
    const today = todayOf(this.clock);
    const cfg = await this.deadlines(q);
    const rows = await repo.pendingPlans(q, user, f);
    return rows.map((r) => {
      const d = evaluateDeadline('help_plan', r.approved_on, today, cfg);
      return {
        householdId: Number(r.household_id), householdNo: r.household_no as string, headName: (r.head_name as string | null) ?? null,
        villageName: r.village_name as string, townshipName: r.township_name as string, helperName: (r.helper_name as string | null) ?? null,
        caseId: Number(r.case_id), approvedOn: r.approved_on as string, dueOn: d.date, status: d.status ?? 'on_time', text: d.text,
      };
    }).sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.householdId - b.householdId));
  }

  /** The active plan of a household for its card (null when none or not visible to the caller). */
  async activePlanOf(q: Queryable, user: AuthUser, householdId: number) {
    const id = await repo.activePlanIdOf(q, householdId);
    if (!id) return null;
    const p = await repo.findPlan(q, user, id);
    if (!p) return null;
    const fs = (await this.findings(q, [p])).get(id)!;
    const approval = await repo.countyApprovalOf(q, householdId);
    const d = approval ? evaluateDeadline('help_plan', approval.on_date, todayOf(this.clock), await this.deadlines(q), p.made_on) : null;
    return { ...this.summary(p, fs.finding), deadline: d ? { date: d.date, status: d.status, text: d.text } : null };
  }

  /** 户均享受政策数 and 帮扶措施落实率 of an area, by its townships (county), villages (township) or households (village). */
  async figures(ctx: AuthedContext, areaCode?: string) {
    const code = areaCode ?? ctx.user.areaCode;
    await this.checkAreaFilter(ctx, code);
    const area = await findArea(this.db, code);
    if (!area) throw badRequest(`区域 ${code} 不存在`, [{ field: 'area', message: '区域不存在' }]);
    const groupLen = code.length === 6 ? 9 : code.length === 9 ? 12 : null;
    const rows = await repo.figuresByArea(this.db, ctx.user, code, groupLen);
    const names = new Map<string, string>();
    if (groupLen) for (const a of await repo.areaNames(this.db, rows.map((r) => r.code))) names.set(a.code, a.name);
    else for (const h of await repo.householdLabels(this.db, rows.map((r) => Number(r.code)))) names.set(String(h.id), `${h.household_no}${h.head_name ? ` ${h.head_name}` : ''}`);
    const counts = (r: { planned: unknown; implemented: unknown; cancelled: unknown }) => ({ planned: Number(r.planned ?? 0), implemented: Number(r.implemented ?? 0), cancelled: Number(r.cancelled ?? 0) });
    const total = rows.reduce((acc, r) => {
      const c = counts(r);
      return { households: acc.households + Number(r.households), planned: acc.planned + c.planned, implemented: acc.implemented + c.implemented, cancelled: acc.cancelled + c.cancelled };
    }, { households: 0, planned: 0, implemented: 0, cancelled: 0 });
    return {
      area: { code, name: area.name },
      total: assistanceFigures(total.households, total),
      rows: rows.map((r) => ({ code: r.code, name: names.get(r.code) ?? r.code, ...assistanceFigures(Number(r.households), counts(r)) })),
    };
  }

  // ── helpers ──────────────────────────────────────────────────────────────

  private async checkAreaFilter(ctx: AuthedContext, area?: string) {
    if (area && !areaInScope(ctx.user, area)) {
      throw badRequest('所选区域不在您的管辖范围内', [{ field: 'area', message: '区域不在您的管辖范围内' }]);
    }
  }

  private async lockedMeasure(q: Queryable, ctx: AuthedContext, id: number, version: number): Promise<Row> {
    const m = await repo.findMeasure(q, ctx.user, id, true);
    if (!m) throw notFound();
    if (m.plan_status !== 'active') throw conflict('该帮扶计划已结束，措施不能再修改', 'plan_closed');
    if (Number(m.version) !== version) throw conflict('该措施已被他人修改，请刷新后再操作', 'stale_version');
    return m;
  }

  private async checkMeasure(q: Queryable, m: MeasureInput, householdId: number, path: string) {
    const at = (f: string) => (path ? `${path}.${f}` : f);
    const row = path ? `第${Number(path.split('.')[1]) + 1}项措施：` : '';
    const dept = m.departmentCode ?? MEASURE_CATALOGUE.find((c) => c.code === m.measureCode)?.defaultDepartment ?? null;
    if (dept && !(await repo.departmentExists(q, dept))) throw badRequest(`${row}责任部门 ${dept} 不存在`, [{ field: at('departmentCode'), message: '责任部门不存在' }]);
    if (m.warningId) {
      const w = await repo.warningOf(q, m.warningId);
      if (!w || Number(w.household_id) !== householdId) throw badRequest(`${row}预警 ${m.warningId} 不存在或不属于该户`, [{ field: at('warningId'), message: '预警不存在或不属于该户' }]);
    }
  }

  private async insertMeasure(q: Queryable, ctx: AuthedContext, planId: number, householdId: number, m: MeasureInput): Promise<number> {
    const dept = m.departmentCode ?? MEASURE_CATALOGUE.find((c) => c.code === m.measureCode)?.defaultDepartment ?? null;
    const id = await repo.insertMeasure(q, { planId, householdId, code: m.measureCode, departmentCode: dept, amount: m.amount ?? null, plannedOn: m.plannedOn, content: m.content ?? null, warningId: m.warningId ?? null, by: ctx.user.id });
    // Assistance added because of a warning: the warnings feature marks it and credits the pushing department.
    if (m.warningId) await recordAssistanceAdded(q, m.warningId, ctx, todayOf(this.clock));
    return id;
  }
}

