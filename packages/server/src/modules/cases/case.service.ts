/**
 * 识别纳入 and 风险消除 cases: open, list (with overdue / due-soon), detail (the actions offered are exactly the
 * domain's `allowedEvents`), steps, facts, the elimination check, 风险消除回退, the overdue summary per level, and the
 * county's deadline / criteria settings. Every change runs in one transaction with its audit row.
 */
import {
  ELIMINATION_STATE_LABELS, IDENTIFICATION_MAX_RISK_TYPES, IDENTIFICATION_STATE_LABELS, caseDeadlines, codesOf, deadlineConfig, evaluateElimination,
  isIsoDate, labelOf, openCase, summariseOverdue, worstDeadlineStatus,
  type DeadlineConfig, type DeadlineConfigInput, type EliminationFacts, type IdentificationFacts, type WorkflowMachine,
} from '@shouwang/domain';
import type { Db } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import { todayOf } from '../../clock.js';
import type { AuthedContext } from '../../http/context.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import { areaInScope } from '../../http/scope.js';
import { writeAudit } from '../audit/audit.writer.js';
import { listAttachments } from '../attachments/attachment.repository.js';
import { presentAttachment } from '../attachments/attachment.service.js';
import { actionsFor, actorOf, insertStep, lifecycleValues, listSteps, lockCase, nowOf, toWorkflowCase, LIFECYCLE_INSERT_COLUMNS } from '../workflow/workflow.store.js';
import { openIdentificationCase } from './case.opener.js';
import * as repo from './case.repository.js';
import {
  checkDeadlineConfig, checkEliminationConfig, eliminationConfigOf, eliminationInput, evaluateHousehold, loadDeadlineInput, loadEliminationSettings, machinesOf,
  type EliminationSettings,
} from './case.facts.js';
import { runStep, type StepInput } from './case.steps.js';

export const KIND_LABELS = { identification: '识别纳入', elimination: '风险消除' } as const;
const STATE_LABELS: Record<repo.CaseKind, Record<string, string>> = { identification: IDENTIFICATION_STATE_LABELS, elimination: ELIMINATION_STATE_LABELS };

export type Urgency = 'overdue' | 'due_soon';

export interface ListQuery {
  kind?: repo.CaseKind;
  state?: string;
  area?: string;
  q?: string;
  open?: boolean;
  urgency?: Urgency;
  page: number;
  pageSize: number;
}

type Machines = Awaited<ReturnType<typeof machinesOf>>;

export class CaseService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  private today() {
    return todayOf(this.clock);
  }

  private machineOf(m: Machines, kind: repo.CaseKind): WorkflowMachine<string, string, unknown, unknown> {
    return (kind === 'identification' ? m.identification : m.elimination) as unknown as WorkflowMachine<string, string, unknown, unknown>;
  }

  private present(c: repo.CaseRow, m: Machines) {
    const deadlines = c.terminal ? [] : caseDeadlines(this.machineOf(m, c.kind), toWorkflowCase(c), this.today());
    return {
      id: c.id,
      kind: c.kind,
      kindLabel: KIND_LABELS[c.kind],
      state: c.state,
      stateLabel: STATE_LABELS[c.kind][c.state] ?? c.state,
      terminal: c.terminal,
      version: Number(c.version),
      openedOn: c.opened_on,
      stateEnteredOn: c.state_entered_on,
      closedOn: c.closed_on,
      openObjections: Number(c.open_objections),
      paused: Number(c.open_objections) > 0,
      householdId: c.household_id,
      householdNo: c.household_no,
      headName: c.head_name,
      memberCount: c.member_count,
      villageCode: c.village_code,
      villageName: c.village_name,
      townshipName: c.township_name,
      urgency: worstDeadlineStatus(deadlines),
      deadlines,
    };
  }

  // ── open ───────────────────────────────────────────────────────────

  async openIdentification(ctx: AuthedContext, b: { householdId: number; riskTypes: string[]; clueOn?: string | null; remarks?: string | null }) {
    const today = this.today();
    const riskCodes = codesOf('riskType');
    const bad = b.riskTypes.filter((r) => !riskCodes.includes(r));
    if (bad.length) throw badRequest(`风险类型无效：${bad.join('、')}`, [{ field: 'riskTypes', message: '风险类型无效' }]);
    if (new Set(b.riskTypes).size > IDENTIFICATION_MAX_RISK_TYPES) throw badRequest(`风险类型最多选择${IDENTIFICATION_MAX_RISK_TYPES}项`, [{ field: 'riskTypes', message: `最多选择${IDENTIFICATION_MAX_RISK_TYPES}项` }]);
    if (b.clueOn && (!isIsoDate(b.clueOn) || b.clueOn > today)) throw badRequest('线索发现日期无效或晚于今天', [{ field: 'clueOn', message: '日期无效或晚于今天' }]);
    return this.db.tx(async (q) => {
      const h = await repo.findHousehold(q, ctx.user, b.householdId, true);
      if (!h) throw notFound('农户不存在或不在您的管辖范围内');
      if (h.monitor_category && !h.risk_eliminated) throw conflict(`该户已是监测对象（${labelOf('monitorCategory', h.monitor_category)}），无需重复识别纳入`, 'already_monitored');
      const id = await openIdentificationCase(q, { householdId: h.id, villageCode: h.village_code, riskTypes: [...new Set(b.riskTypes)], clueOn: b.clueOn ?? today, remarks: b.remarks ?? null, openedBy: ctx.user.id }, actorOf(ctx.user), nowOf(this.clock));
      await writeAudit(q, ctx, { action: 'identification_case.open', entityType: 'monitoring_case', entityId: id, after: { householdId: h.id, riskTypes: b.riskTypes, clueOn: b.clueOn ?? today, reidentification: h.risk_eliminated } });
      return { id };
    });
  }

  async openElimination(ctx: AuthedContext, b: { householdId: number; remarks?: string | null }) {
    return this.db.tx(async (q) => {
      const h = await repo.findHousehold(q, ctx.user, b.householdId, true);
      if (!h) throw notFound('农户不存在或不在您的管辖范围内');
      if (!h.monitor_category) throw conflict('该户不是监测对象，不能申请风险消除', 'not_monitored');
      if (h.risk_eliminated) throw conflict(`该户已于 ${h.eliminated_on ?? ''} 标注风险消除`, 'already_eliminated');
      const open = await repo.openCaseOf(q, h.id, 'elimination');
      if (open) throw conflict(`该户已有进行中的风险消除事项（编号 ${open}），不能重复发起`, 'case_open');
      const ident = await repo.openCaseOf(q, h.id, 'identification');
      if (ident) throw conflict(`该户的识别纳入事项（编号 ${ident}）尚未办结，不能申请风险消除`, 'case_open');
      const now = nowOf(this.clock);
      const { evaluation } = await evaluateHousehold(q, h, now.today);
      const m = await machinesOf(q);
      const facts: EliminationFacts = { evaluation: { eligible: evaluation.eligible, failing: evaluation.failing, methodHint: evaluation.methodHint } };
      const opened = openCase(m.elimination, facts, actorOf(ctx.user), now, { remarks: b.remarks ?? null });
      if (!opened.ok) throw new AppError(opened.refusal.status, opened.refusal.code, opened.refusal.message);
      const [row] = await q.query<{ id: number }>(
        `INSERT INTO monitoring_case (kind, household_id, village_code, opened_by, ${LIFECYCLE_INSERT_COLUMNS})
         VALUES ('elimination', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [h.id, h.village_code, ctx.user.id, ...lifecycleValues(opened.case)],
      );
      const id = Number(row!.id);
      await insertStep(q, 'elimination', id, 1, opened.step as Parameters<typeof insertStep>[4]);
      await writeAudit(q, ctx, { action: 'elimination_case.open', entityType: 'monitoring_case', entityId: id, after: { householdId: h.id, eligible: evaluation.eligible, failing: evaluation.failing.map((f) => f.id) } });
      return { id };
    });
  }

  // ── read ───────────────────────────────────────────────────────────

  async list(ctx: AuthedContext, f: ListQuery) {
    if (f.area && !areaInScope(ctx.user, f.area) && !ctx.user.areaCode.startsWith(f.area)) throw notFound('区域不在您的管辖范围内');
    const m = await machinesOf(this.db);
    const filter: repo.CaseFilter = { kind: f.kind, state: f.state, area: f.area, q: f.q, open: f.urgency ? true : f.open };
    if (f.urgency) {
      // Urgency depends on the configured deadlines and today: evaluated here over the open cases in scope.
      const all = (await repo.listCases(this.db, ctx.user, filter)).map((c) => this.present(c, m));
      const wanted = all.filter((c) => c.urgency === f.urgency);
      wanted.sort((a, b) => (a.deadlines[0]?.date ?? '').localeCompare(b.deadlines[0]?.date ?? '') || a.id - b.id);
      const start = (f.page - 1) * f.pageSize;
      return { total: wanted.length, page: f.page, pageSize: f.pageSize, items: wanted.slice(start, start + f.pageSize) };
    }
    const total = await repo.countCases(this.db, ctx.user, filter);
    const rows = await repo.listCases(this.db, ctx.user, filter, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
    return { total, page: f.page, pageSize: f.pageSize, items: rows.map((c) => this.present(c, m)) };
  }

  /** The whole case (audited as a full-record view). */
  async detail(ctx: AuthedContext, id: number) {
    return this.db.tx(async (q) => {
      const c = await repo.findCase(q, ctx.user, id);
      if (!c) throw notFound();
      const m = await machinesOf(q);
      const machine = this.machineOf(m, c.kind);
      const h = (await repo.findHousehold(q, ctx.user, c.household_id))!;
      let facts: Record<string, unknown>;
      let wf = toWorkflowCase<string, unknown>(c);
      let evaluation = null;
      if (c.kind === 'identification') {
        const f = { ...(c.facts as IdentificationFacts), helperAssigned: await repo.helperAssigned(q, c.household_id) };
        wf = { ...wf, facts: f };
        facts = { ...f, monitorCategoryLabel: labelOf('monitorCategory', f.monitorCategory), riskTypeLabels: f.riskTypes.map((r) => labelOf('riskType', r)) };
      } else {
        if (!c.terminal) {
          const ev = await evaluateHousehold(q, h, this.today());
          evaluation = ev.evaluation;
          wf = { ...wf, facts: { evaluation: { eligible: evaluation.eligible, failing: evaluation.failing, methodHint: evaluation.methodHint } } };
        }
        const stored = (wf.facts as EliminationFacts).evaluation;
        facts = { eligible: stored.eligible, methodHint: stored.methodHint, methodHintLabel: labelOf('eliminationMethod', stored.methodHint), failing: stored.failing, overrides: c.overrides };
      }
      const subSteps = (machine.states[c.state]?.subSteps ?? []).map((s) => ({ id: s.id, label: s.label, done: c.done_sub_steps.includes(s.id) }));
      const [steps, attachments, notices] = await Promise.all([listSteps(q, c.kind, c.id), listAttachments(q, 'monitoring_case', c.id), repo.noticesOfCase(q, c.id)]);
      await writeAudit(q, ctx, { action: 'monitoring_case.view', entityType: 'monitoring_case', entityId: c.id });
      return {
        case: { ...this.present(c, m), sourceWarningId: c.source_warning_id, overrides: c.overrides, subSteps },
        household: presentHouseholdSummary(h),
        facts,
        evaluation,
        steps,
        actions: c.terminal ? [] : actionsFor(machine, wf, ctx.user, this.clock),
        deadlines: c.terminal ? [] : caseDeadlines(machine, wf, this.today()),
        attachments: attachments.map(presentAttachment),
        notices: notices.map((n) => ({ id: Number(n.id), kind: n.kind, status: n.status, title: n.title, postedOn: n.posted_on, periodTo: n.period_to })),
      };
    });
  }

  // ── change ─────────────────────────────────────────────────────────

  async step(ctx: AuthedContext, id: number, input: StepInput) {
    await this.db.tx((q) => runStep(q, ctx, this.clock, id, input));
    return this.detail(ctx, id);
  }

  /**
   * The village records the signed 承诺授权书 (with the uploaded scan) and, before 录入建档, the category and risk
   * types. Facts do not move the case; they are checked against the version the user saw and audited.
   */
  async setFacts(ctx: AuthedContext, id: number, b: { authorizationSigned?: boolean; authorizationAttachmentId?: number | null; monitorCategory?: string | null; riskTypes?: string[]; expectedVersion: number }) {
    await this.db.tx(async (q) => {
      const c = await repo.findCase(q, ctx.user, id);
      if (!c) throw notFound();
      const row = (await lockCase(q, 'monitoring_case', id))!;
      if (c.kind !== 'identification') throw badRequest('只有识别纳入事项需要登记这些信息');
      if (c.terminal) throw conflict(`该事项${STATE_LABELS[c.kind][c.state]}，不能再修改`, 'not_allowed_from_state');
      if (Number(row.version) !== b.expectedVersion) throw conflict('该事项已被他人办理，请刷新后重试', 'version_conflict');
      const before = row.facts as IdentificationFacts;
      const next: IdentificationFacts = { ...before };
      if (b.authorizationSigned !== undefined) {
        if (ctx.user.role !== 'village_cadre') throw forbidden('承诺授权书只能由村干部/网格员/驻村第一书记登记');
        if (b.authorizationSigned) {
          if (!b.authorizationAttachmentId) throw badRequest('请先上传农户签署的承诺授权书扫描件或照片', [{ field: 'authorizationAttachmentId', message: '请上传承诺授权书' }]);
          const mine = await repo.caseAttachmentIds(q, id, [b.authorizationAttachmentId]);
          if (!mine.size) throw badRequest('承诺授权书附件不属于该事项', [{ field: 'authorizationAttachmentId', message: '附件不属于该事项' }]);
        }
        next.authorizationSigned = b.authorizationSigned;
        (next as IdentificationFacts & { authorizationAttachmentId?: number | null }).authorizationAttachmentId = b.authorizationSigned ? b.authorizationAttachmentId ?? null : null;
      }
      if (b.monitorCategory !== undefined) {
        if (b.monitorCategory !== null && !codesOf('monitorCategory').includes(b.monitorCategory)) throw badRequest('监测对象类别无效', [{ field: 'monitorCategory', message: '监测对象类别无效' }]);
        next.monitorCategory = b.monitorCategory as IdentificationFacts['monitorCategory'];
      }
      if (b.riskTypes !== undefined) {
        const riskCodes = codesOf('riskType');
        const bad = b.riskTypes.filter((r) => !riskCodes.includes(r));
        if (bad.length) throw badRequest(`风险类型无效：${bad.join('、')}`, [{ field: 'riskTypes', message: '风险类型无效' }]);
        const n = new Set(b.riskTypes).size;
        if (n === 0 || n > IDENTIFICATION_MAX_RISK_TYPES) throw badRequest(`风险类型应选择1-${IDENTIFICATION_MAX_RISK_TYPES}项`, [{ field: 'riskTypes', message: `应选择1-${IDENTIFICATION_MAX_RISK_TYPES}项` }]);
        next.riskTypes = [...new Set(b.riskTypes)];
      }
      await q.query('UPDATE monitoring_case SET facts = $1, updated_at = now() WHERE id = $2', [JSON.stringify(next), id]);
      await writeAudit(q, ctx, { action: 'identification_case.facts', entityType: 'monitoring_case', entityId: id, before, after: next });
    });
    return this.detail(ctx, id);
  }

  // ── households ─────────────────────────────────────────────────────

  async householdCases(ctx: AuthedContext, householdId: number) {
    const h = await repo.findHousehold(this.db, ctx.user, householdId);
    if (!h) throw notFound();
    const m = await machinesOf(this.db);
    const cases = (await repo.listCases(this.db, ctx.user, { householdId })).map((c) => this.present(c, m));
    const rollbacks = (await repo.rollbacksOf(this.db, householdId)).map((r) => ({ id: Number(r.id), eliminationCaseId: r.elimination_case_id == null ? null : Number(r.elimination_case_id), on: r.rolled_back_on, reason: r.reason, previous: r.previous, byName: r.by_name }));
    const openKinds = new Set(cases.filter((c) => !c.terminal).map((c) => c.kind));
    return {
      household: presentHouseholdSummary(h),
      cases,
      rollbacks,
      canOpenIdentification: (!h.monitor_category || h.risk_eliminated) && !openKinds.has('identification'),
      canOpenElimination: !!h.monitor_category && !h.risk_eliminated && !openKinds.has('elimination') && !openKinds.has('identification'),
      canRollback: h.risk_eliminated,
    };
  }

  async eliminationCheck(ctx: AuthedContext, householdId: number) {
    const h = await repo.findHousehold(this.db, ctx.user, householdId);
    if (!h) throw notFound();
    const today = this.today();
    const settings = await loadEliminationSettings(this.db);
    const config = eliminationConfigOf(settings.value);
    const evaluation = evaluateElimination(await eliminationInput(this.db, h, today), config);
    return { householdId, assessedOn: today, monitored: !!h.monitor_category, eliminated: h.risk_eliminated, stabilityMonths: config.stabilityMonths, evaluation };
  }

  /** 风险消除回退: the household is back to not eliminated; recorded, in its history and audited. */
  async rollback(ctx: AuthedContext, householdId: number, reason: string) {
    return this.db.tx(async (q) => {
      const h = await repo.findHousehold(q, ctx.user, householdId, true);
      if (!h) throw notFound();
      if (!h.risk_eliminated) throw conflict('该户未标注风险消除，无需回退', 'not_eliminated');
      const open = await repo.openCaseOf(q, h.id, 'identification');
      if (open) throw conflict(`该户已有进行中的识别纳入事项（编号 ${open}），不能同时回退`, 'case_open');
      const today = this.today();
      const previous = { eliminationMethod: h.elimination_method, eliminatedOn: h.eliminated_on };
      const caseId = await repo.lastEliminationCase(q, h.id);
      const id = await repo.insertRollback(q, { householdId: h.id, caseId, on: today, reason: reason.trim(), previous, by: ctx.user.id });
      await repo.updateHouseholdMonitoring(q, h.id, { risk_eliminated: false, elimination_method: null, eliminated_on: null });
      await repo.insertHistory(q, {
        householdId: h.id,
        user: ctx.user,
        changes: {
          riskEliminated: { from: true, to: false },
          eliminationMethod: { from: h.elimination_method, to: null },
          eliminatedOn: { from: h.eliminated_on, to: null },
          source: { from: null, to: `风险消除回退：${reason.trim()}` },
        },
      });
      await writeAudit(q, ctx, { action: 'household.elimination_rollback', entityType: 'household', entityId: h.id, before: previous, after: { rollbackId: id, reason: reason.trim(), on: today } });
      return { id };
    });
  }

  // ── deadlines ──────────────────────────────────────────────────────

  /** Overdue / due-soon counts one level below the user's area (county → townships, township → villages). */
  async overdueSummary(ctx: AuthedContext, kind?: repo.CaseKind) {
    const m = await machinesOf(this.db);
    const open = (await repo.listCases(this.db, ctx.user, { open: true, kind })).map((c) => this.present(c, m));
    const rows = summariseOverdue(open.map((c) => ({ villageCode: c.villageCode, kind: c.kind, status: c.urgency })), ctx.user.areaCode);
    const names = await repo.areaNames(this.db, [...rows.map((r) => r.areaCode), ctx.user.areaCode]);
    return {
      asOf: this.today(),
      scope: { code: ctx.user.areaCode, name: names.get(ctx.user.areaCode) ?? ctx.user.areaCode },
      totals: { open: open.length, overdue: open.filter((c) => c.urgency === 'overdue').length, dueSoon: open.filter((c) => c.urgency === 'due_soon').length },
      items: rows.map((r) => ({ ...r, areaName: names.get(r.areaCode) ?? r.areaCode })),
    };
  }

  // ── settings ───────────────────────────────────────────────────────

  async settings() {
    const d = await loadDeadlineInput(this.db);
    const e = await loadEliminationSettings(this.db);
    return {
      deadlines: { config: deadlineConfig(d.input), version: d.version, updatedAt: d.updatedAt },
      elimination: { ...e.value, version: e.version, updatedAt: e.updatedAt },
    };
  }

  async setDeadlines(ctx: AuthedContext, b: DeadlineConfigInput & { version: number }) {
    const { version, ...input } = b;
    const cfg: DeadlineConfig = deadlineConfig(input);
    const problems = checkDeadlineConfig(cfg);
    if (problems.length) throw badRequest(problems.join('；'), problems.map((message) => ({ field: 'deadlines', message })));
    await this.db.tx(async (q) => {
      const before = await loadDeadlineInput(q);
      const stored: DeadlineConfigInput = {
        rules: Object.fromEntries(Object.entries(cfg.rules).map(([k, r]) => [k, { days: r.days, counting: r.counting }])),
        dueSoonDays: cfg.dueSoonDays,
        calendar: { holidays: [...new Set(cfg.calendar.holidays)].sort(), extraWorkingDays: [...new Set(cfg.calendar.extraWorkingDays)].sort() },
      };
      if (!(await repo.writeSetting(q, 'deadlines', stored, version, ctx.user.id))) throw conflict('时限设置已被他人修改，请刷新后再保存', 'stale_version');
      await writeAudit(q, ctx, { action: 'case_setting.deadlines', entityType: 'case_setting', entityId: 'deadlines', before: before.input, after: stored });
    });
    return this.settings();
  }

  async setElimination(ctx: AuthedContext, b: EliminationSettings & { version: number }) {
    const { version, ...value } = b;
    const problems = checkEliminationConfig(eliminationConfigOf(value));
    if (problems.length) throw badRequest(problems.join('；'), problems.map((message) => ({ field: 'stabilityMonths', message })));
    await this.db.tx(async (q) => {
      const before = await loadEliminationSettings(q);
      if (!(await repo.writeSetting(q, 'elimination', value, version, ctx.user.id))) throw conflict('风险消除标准设置已被他人修改，请刷新后再保存', 'stale_version');
      await writeAudit(q, ctx, { action: 'case_setting.elimination', entityType: 'case_setting', entityId: 'elimination', before: before.value, after: value });
    });
    return this.settings();
  }
}

/** What case pages show of the household: no ID number, no phone. */
export function presentHouseholdSummary(h: repo.HouseholdRow) {
  return {
    id: h.id,
    householdNo: h.household_no,
    headName: h.head_name,
    memberCount: h.member_count,
    villageCode: h.village_code,
    villageName: h.village_name,
    townshipName: h.township_name,
    householdType: h.household_type,
    householdTypeLabel: labelOf('householdType', h.household_type),
    monitorCategory: h.monitor_category,
    monitorCategoryLabel: labelOf('monitorCategory', h.monitor_category),
    monitorIdentifiedOn: h.monitor_identified_on,
    riskTypes: h.risk_types,
    riskTypeLabels: h.risk_types.map((r) => labelOf('riskType', r)),
    riskEliminated: h.risk_eliminated,
    eliminationMethod: h.elimination_method,
    eliminatedOn: h.eliminated_on,
  };
}

