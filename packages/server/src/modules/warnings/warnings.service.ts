/**
 * Warnings (预警): 信息预警 pushed by a department or an area cadre, the list and detail every reader sees within their
 * scope, the township's verification lifecycle (签收 → 纳入监测 / 已是监测对象 / 不纳入 / 重复) with its effects
 * (identification case opened, attached to a case, department credit), the verification deadline settings, overdue
 * summaries and the funnel figures. Each change runs in one transaction with its audit row.
 */
import {
  DEADLINE_STATUS_LABELS, POLICY, ROLE_LABELS, WARNING_SOURCE_LABELS, WARNING_STATE_LABELS, can, departmentCredit, labelOf, maskIdNumber, rowIdNumber, subjectGroup,
  verificationDeadline, warningDeadlineConfig, warningMachine, checkWarningDeadlineConfig,
  type WarningDeadlineConfig, type WarningFacts, type WarningPayload, type WarningSource, type WarningState, type WarningEvent,
} from '@shouwang/domain';
import type { Readable } from 'node:stream';
import type { Db, Queryable } from '../../db/db.js';
import { todayOf, type Clock } from '../../clock.js';
import type { AuthedContext, AuthUser } from '../../http/context.js';
import { areaInScope } from '../../http/scope.js';
import { badRequest, forbidden, notFound } from '../../http/errors.js';
import { writeAudit } from '../audit/audit.writer.js';
import { findArea } from '../areas/area.repository.js';
import { presentAttachment } from '../attachments/attachment.service.js';
import { listAttachments } from '../attachments/attachment.repository.js';
import { actionsFor, actorOf, applyEvent, listSteps, lockCase, nowOf, toWorkflowCase } from '../workflow/workflow.store.js';
import { openIdentificationCase } from '../cases/case.opener.js';
import { createWarning } from './warning.writer.js';
import { writeCreditIfDue } from './warning.credit.js';
import { deadlineCutoffs } from './warning.deadline.js';
import { aggregate, emptyFunnel, periodRange, screeningFigures } from './warning.figures.js';
import { figuresWorkbook } from './warning.export.js';
import * as repo from './warnings.repository.js';
import type { CreateWarningBody, FiguresQuery, ListQuery, StepBody, WarningSettings } from './warnings.schemas.js';

const machine = warningMachine();
const VERIFIER_ROLES_TEXT = (POLICY.warning.update ?? []).map((r) => ROLE_LABELS[r]).join('、');
const riskLabels = (codes: readonly string[]) => codes.map((c) => labelOf('riskType', c));

export class WarningService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  private today() {
    return todayOf(this.clock);
  }

  /** The configured verification deadline (default 5 calendar days). */
  async deadlineConfig(q: Queryable = this.db): Promise<WarningDeadlineConfig> {
    const s = await repo.readSettings(q);
    return warningDeadlineConfig({ days: s.verificationDays, counting: s.counting, dueSoonDays: s.dueSoonDays });
  }

  // ── 信息预警 ────────────────────────────────────────────────────────────────────────────────

  async create(ctx: AuthedContext, body: CreateWarningBody): Promise<{ id: number }> {
    const u = ctx.user;
    const today = this.today();
    return this.db.tx(async (q) => {
      let subject: repo.SubjectMatch | null = null;
      let identityKey: string | null = null;
      const rawId = body.idNumber?.trim();
      if (rawId) {
        const id = rowIdNumber(rawId, { today });
        if (!id.ok) throw badRequest(`证件号码有误：${id.message}`, [{ field: 'idNumber', message: id.message }]);
        identityKey = id.idNumber;
        subject = await repo.findSubject(q, identityKey);
        if (subject && !areaInScope(u, subject.villageCode)) {
          throw badRequest('该证件号码对应的人员不在您的管辖范围内', [{ field: 'idNumber', message: '该人员不在您的管辖范围内' }]);
        }
      }
      let villageCode: string;
      let name: string;
      if (subject) {
        villageCode = subject.villageCode;
        name = subject.name;
      } else {
        const missing: { field: string; message: string }[] = [];
        const hint = rawId ? '该证件号码未在户籍台账和人口底册中找到，' : '';
        if (!body.name?.trim()) missing.push({ field: 'name', message: `${hint}请填写姓名` });
        if (!body.villageCode) missing.push({ field: 'villageCode', message: `${hint}请选择所属村` });
        if (missing.length) throw badRequest(rawId ? `${hint}请填写姓名和所属村` : '请填写证件号码，或填写姓名并选择所属村', missing);
        const area = await findArea(q, body.villageCode!);
        if (!area || area.level !== 'village') throw badRequest(`所属村代码 ${body.villageCode} 不存在`, [{ field: 'villageCode', message: '所属村不存在' }]);
        if (!areaInScope(u, area.code)) throw badRequest(`所属村 ${area.name} 不在您的管辖范围内`, [{ field: 'villageCode', message: '所属村不在您的管辖范围内' }]);
        villageCode = area.code;
        name = body.name!.trim();
      }
      const department = u.role === 'department_user' ? u.departmentCode : null;
      const title = `${riskLabels(body.riskTypes).join('、')}风险：${name}`.slice(0, 200);
      const group = subject?.kind === 'registry' ? subjectGroup({ householdType: subject.householdType, monitored: subject.monitored }) : subject ? 'ordinary' : null;
      const id = await createWarning(q, {
        source: 'instant', pushingDepartmentCode: department, villageCode,
        householdId: subject?.householdId ?? null, personId: subject?.personId ?? null, rosterPersonId: subject?.rosterPersonId ?? null,
        subjectIdentityKey: identityKey, subjectName: name, subjectGroup: group, riskTypes: body.riskTypes, title, description: body.description, createdBy: u.id,
      }, {
        sourceType: 'instant', sourceRef: department,
        explanation: {
          kind: 'instant', summary: `${department ? '行业部门' : '基层'}即时推送：${riskLabels(body.riskTypes).join('、')}`,
          pushedBy: u.displayName, role: u.role, departmentCode: department, riskTypes: body.riskTypes, description: body.description,
          matchedBy: subject?.kind === 'registry' ? '证件号码匹配户籍台账' : subject?.kind === 'roster' ? '证件号码匹配农村人口底册' : rawId ? '证件号码未匹配，按姓名和所属村登记' : '按姓名和所属村登记',
        },
      }, actorOf(u), nowOf(this.clock));
      await writeAudit(q, ctx, { action: 'warning.create', entityType: 'warning', entityId: id,
        after: { source: 'instant', departmentCode: department, villageCode, subjectName: name, subjectIdNumber: maskIdNumber(identityKey), riskTypes: body.riskTypes } });
      return { id };
    });
  }

  // ── list and detail ─────────────────────────────────────────────────────────────────────────

  async list(ctx: AuthedContext, f: ListQuery) {
    const today = this.today();
    const config = await this.deadlineConfig();
    const { total, rows } = await repo.listWarnings(this.db, ctx.user, f, deadlineCutoffs(today, config));
    return { total, page: f.page, pageSize: f.pageSize, items: rows.map((r) => this.present(r, ctx.user, today, config, false)) };
  }

  private present(r: repo.WarningRow, user: AuthUser, today: string, config: WarningDeadlineConfig, reveal: boolean) {
    const d = verificationDeadline({ state: r.state as WarningState, openedOn: r.opened_on, stateEnteredOn: r.closed_on ?? r.state_entered_on }, today, config);
    return {
      id: Number(r.id),
      title: r.title,
      source: r.source,
      sourceLabel: WARNING_SOURCE_LABELS[r.source as WarningSource] ?? r.source,
      departmentCode: r.pushing_department_code,
      departmentName: r.department_name,
      villageCode: r.village_code,
      villageName: r.village_name,
      townshipName: r.township_name,
      householdId: r.household_id == null ? null : Number(r.household_id),
      subjectName: r.subject_name,
      subjectIdNumber: reveal && can(user.role, 'reveal', 'person_identity') ? r.subject_identity_key : maskIdNumber(r.subject_identity_key),
      riskTypes: r.risk_types ?? [],
      riskTypeLabels: riskLabels(r.risk_types ?? []),
      outputKind: r.output_kind,
      state: r.state,
      stateLabel: WARNING_STATE_LABELS[r.state as WarningState] ?? r.state,
      openedOn: r.opened_on,
      closedOn: r.closed_on,
      caseId: r.case_id == null ? null : Number(r.case_id),
      hitCount: Number(r.hit_count),
      deadline: { ...d, statusLabel: DEADLINE_STATUS_LABELS[d.status] },
    };
  }

  /** The whole record (the view is audited): subject, why-flagged hits, steps, actions, deadline, linked case. */
  async get(ctx: AuthedContext, id: number) {
    const today = this.today();
    return this.db.tx(async (q) => {
      const r = await repo.findWarning(q, ctx.user, id);
      if (!r) throw notFound();
      const config = await this.deadlineConfig(q);
      const [hits, steps, attachments, household, linkedCase, written] = await Promise.all([
        repo.hitsOf(q, id), listSteps(q, 'warning', id), listAttachments(q, 'warning', id),
        r.household_id == null ? null : repo.householdBrief(q, Number(r.household_id)),
        r.case_id == null ? null : repo.caseBrief(q, Number(r.case_id)),
        repo.creditWritten(q, id),
      ]);
      const facts = this.factsOf(r);
      const c = toWorkflowCase<WarningState, WarningFacts>(r as unknown as Parameters<typeof toWorkflowCase>[0], facts);
      const credit = departmentCredit({ state: c.state, facts });
      await writeAudit(q, ctx, { action: 'warning.view', entityType: 'warning', entityId: id });
      return {
        warning: {
          ...this.present(r, ctx.user, today, config, true),
          description: r.description, subjectGroup: r.subject_group, personId: r.person_id == null ? null : Number(r.person_id),
          rosterPersonId: r.roster_person_id == null ? null : Number(r.roster_person_id), ruleCode: r.rule_code, version: Number(r.version),
          outcomeRemarks: r.outcome_remarks, duplicateOf: r.duplicate_of, assistanceAdded: !!r.assistance_added, createdBy: r.created_by_name,
        },
        household: household ? { id: Number(household.id), householdNo: household.household_no, headName: household.head_name, monitored: !!household.monitored, memberCount: Number(household.member_count) } : null,
        linkedCase: linkedCase ? { id: Number(linkedCase.id), kind: linkedCase.kind, state: linkedCase.state, terminal: !!linkedCase.terminal } : null,
        credit: { counts: credit.counts, points: credit.points, reason: credit.reason, written },
        hits: hits.map((h) => ({
          id: Number(h.id), sourceType: h.source_type, sourceRef: h.source_ref, ruleCode: h.rule_code, ruleVersion: h.rule_version == null ? null : Number(h.rule_version),
          sourceFile: h.source_file, sourceRow: h.source_row == null ? null : Number(h.source_row), explanation: (h.explanation ?? {}) as Record<string, unknown>,
          createdAt: new Date(h.created_at).toISOString(),
        })),
        steps,
        actions: actionsFor(machine, c, ctx.user, this.clock).map((a) => ({ ...a, deadlines: a.deadlines.map((d) => ({ ...d })) })),
        attachments: attachments.map(presentAttachment),
        canReveal: can(ctx.user.role, 'reveal', 'person_identity'),
      };
    });
  }

  private factsOf(r: { source: string; pushing_department_code: string | null; assistance_added: boolean }): WarningFacts {
    return { source: r.source as WarningSource, pushingDepartmentCode: r.pushing_department_code, assistanceAdded: !!r.assistance_added };
  }

  // ── lifecycle ───────────────────────────────────────────────────────────────────────────────

  async step(ctx: AuthedContext, id: number, body: StepBody) {
    const now = nowOf(this.clock);
    const actor = actorOf(ctx.user);
    // Every reader reaches this route; only the verifying roles of the policy act (a 403 that names them).
    if (!can(ctx.user.role, 'update', 'warning')) throw forbidden(`预警核实办理只能由${VERIFIER_ROLES_TEXT}进行`);
    await this.db.tx(async (q) => {
      const w = await repo.findWarning(q, ctx.user, id);
      if (!w) throw notFound();
      const row = await lockCase(q, 'warning', id);
      if (!row) throw notFound();
      if (body.attachments?.length) {
        const mine = await repo.attachmentIdsOf(q, id);
        const bad = body.attachments.find((a) => !mine.has(a));
        if (bad !== undefined) throw badRequest(`附件 ${bad} 不属于该预警，请先上传到本预警`, [{ field: 'attachments', message: '附件不属于该预警' }]);
      }
      const payload: WarningPayload = body.payload?.duplicateOf ? { duplicateOf: body.payload.duplicateOf } : {};
      const fullPayload = { ...payload, ...(body.payload?.householdId ? { householdId: body.payload.householdId } : {}), ...(body.payload?.riskTypes ? { riskTypes: body.payload.riskTypes } : {}) };
      const applied = await applyEvent(q, {
        table: 'warning', machine, row, facts: this.factsOf(w),
        event: { type: body.event as WarningEvent, remarks: body.remarks ?? null, attachments: (body.attachments ?? []).map(String), payload: fullPayload as WarningPayload, expectedVersion: body.expectedVersion },
        actor, now,
      });
      const to = applied.case.state;
      const remarks = applied.step.remarks;
      let caseId: number | null = null;
      let householdId = w.household_id == null ? null : Number(w.household_id);
      if (to === 'included' || to === 'already_monitored') {
        if (householdId == null) {
          const given = body.payload?.householdId;
          const h = given ? await repo.householdInArea(q, ctx.user, given) : null;
          if (!h) throw badRequest('该预警对象尚未在户籍台账中建档，须先在户籍台账中建档，再选择其所在农户', [{ field: 'householdId', message: given ? '所选农户不存在或不在您的管辖范围内' : '须先在户籍台账中建档' }]);
          householdId = Number(h.id);
        }
        const h = (await repo.householdBrief(q, householdId))!;
        if (to === 'included') {
          caseId = await openIdentificationCase(q, {
            householdId, villageCode: h.village_code, riskTypes: body.payload?.riskTypes ?? w.risk_types, clueOn: w.opened_on, sourceWarningId: id,
            remarks: remarks ?? `由预警 ${id}（${w.title}）纳入监测`, openedBy: ctx.user.id,
          }, actor, now);
        } else {
          caseId = await repo.caseToAttach(q, householdId);
          if (caseId === null && !h.monitored) {
            throw badRequest('该户不是监测对象，也没有识别纳入或风险消除记录，不能标记为「已是监测对象」；如属实请选择「纳入监测」', [{ field: 'event', message: '该户不是监测对象' }]);
          }
        }
      }
      let duplicateOf: string | null = null;
      if (to === 'duplicate') duplicateOf = await this.checkDuplicateOf(q, ctx.user, id, body.payload?.duplicateOf ?? '');
      await q.query(
        `UPDATE warning SET case_id = COALESCE($2, case_id), household_id = COALESCE($3, household_id), outcome_remarks = COALESCE($4, outcome_remarks),
                duplicate_of = COALESCE($5, duplicate_of) WHERE id = $1`,
        [id, caseId, householdId, applied.case.state === 'verifying' ? null : remarks, duplicateOf],
      );
      const credited = await writeCreditIfDue(q, { id, state: to, title: w.title, facts: this.factsOf(w), assistance_added: !!w.assistance_added }, now.today);
      await writeAudit(q, ctx, {
        action: `warning.${body.event}`, entityType: 'warning', entityId: id,
        before: { state: w.state, version: Number(w.version) },
        after: { state: to, version: applied.case.version, remarks, caseId, householdId, duplicateOf, credited },
      });
    });
    return this.get(ctx, id);
  }

  /** 重复: the other warning (编号, e.g. "123" or "W123") or monitoring case ("C123" / "案件123") must exist and be visible. */
  private async checkDuplicateOf(q: Queryable, user: AuthUser, self: number, raw: string): Promise<string> {
    const s = raw.trim().toUpperCase();
    const field = 'duplicateOf';
    const mCase = /^(?:C|案件)(\d{1,12})$/.exec(s);
    if (mCase) {
      const c = await repo.caseBrief(q, Number(mCase[1]));
      if (!c) throw badRequest(`案件 ${mCase[1]} 不存在`, [{ field, message: '所指案件不存在' }]);
      return `C${c.id}`;
    }
    const mW = /^W?(\d{1,12})$/.exec(s);
    if (!mW) throw badRequest('重复对象应填写预警编号（如 123）或案件编号（如 C45）', [{ field, message: '编号格式无效' }]);
    const other = Number(mW[1]);
    if (other === self) throw badRequest('不能标记为与自身重复', [{ field, message: '不能与自身重复' }]);
    if (!(await repo.findWarning(q, user, other))) throw badRequest(`预警 ${other} 不存在或不在您的管辖范围内`, [{ field, message: '所指预警不存在' }]);
    return String(other);
  }

  // ── settings, deadlines, figures ────────────────────────────────────────────────────────────

  getSettings() {
    return repo.readSettings(this.db);
  }

  async updateSettings(ctx: AuthedContext, s: WarningSettings) {
    const problems = checkWarningDeadlineConfig(warningDeadlineConfig({ days: s.verificationDays, counting: s.counting, dueSoonDays: s.dueSoonDays }));
    if (problems.length) {
      throw badRequest(problems.join('；'), problems.map((m) => ({ field: m.includes('提醒') ? 'dueSoonDays' : m.includes('计算方式') ? 'counting' : 'verificationDays', message: m })));
    }
    return this.db.tx(async (q) => {
      const before = await repo.readSettings(q);
      await repo.writeSettings(q, s, ctx.user.id);
      const after = await repo.readSettings(q);
      await writeAudit(q, ctx, { action: 'warning_setting.update', entityType: 'warning_setting', before: pickSettings(before), after: pickSettings(after) });
      return after;
    });
  }

  /** Open warnings, overdue and due soon, for the level below the user: county → townships, township → villages. */
  async overdueSummary(ctx: AuthedContext) {
    const today = this.today();
    const config = await this.deadlineConfig();
    const countyLevel = ctx.user.areaCode.length <= 6;
    const level = countyLevel ? 'township' : 'village';
    const rows = await repo.overdueByArea(this.db, ctx.user, countyLevel ? 9 : 12, deadlineCutoffs(today, config));
    const items = rows.map((r) => ({ areaCode: r.area_code, areaName: r.area_name ?? r.area_code, open: Number(r.open), overdue: Number(r.overdue), dueSoon: Number(r.due_soon) }));
    return {
      level: level as 'township' | 'village', levelLabel: countyLevel ? '乡镇' : '村',
      totalOpen: items.reduce((a, r) => a + r.open, 0), totalOverdue: items.reduce((a, r) => a + r.overdue, 0), totalDueSoon: items.reduce((a, r) => a + r.dueSoon, 0),
      items,
    };
  }

  async figures(ctx: AuthedContext, f: FiguresQuery) {
    const today = this.today();
    const period = periodRange(f.period, today, f);
    const config = await this.deadlineConfig();
    // An area outside the user's scope answers 404 (an enclosing area means the user's own scope).
    if (f.area && !areaInScope(ctx.user, f.area) && !ctx.user.areaCode.startsWith(f.area)) throw notFound('区域不存在或不在您的管辖范围内');
    const rows = await repo.figureRows(this.db, ctx.user, period.from, period.to, f.area);
    const scopeCode = f.area && f.area.length > ctx.user.areaCode.length ? f.area : ctx.user.areaCode;
    const screening = can(ctx.user.role, 'read', 'screening') ? await screeningFigures(this.db, ctx.user, period, scopeCode, today) : null;
    const areaLevel: 'township' | 'village' = scopeCode.length <= 6 ? 'township' : 'village';
    const areaLen = areaLevel === 'township' ? 9 : 12;
    const total = aggregate(rows, () => 'all', today, config).get('all') ?? emptyFunnel();
    const bySource = aggregate(rows, (r) => r.source, today, config);
    const byDept = aggregate(rows, (r) => r.pushing_department_code, today, config);
    const byArea = aggregate(rows, (r) => r.village_code.slice(0, areaLen), today, config);
    const [areaNames, deptNames] = await Promise.all([repo.areaNames(this.db, [...byArea.keys()]), repo.departmentNames(this.db)]);
    return {
      period, asOf: today, total, areaLevel, screening,
      bySource: (Object.keys(WARNING_SOURCE_LABELS) as WarningSource[]).map((s) => ({ source: s, label: WARNING_SOURCE_LABELS[s], ...(bySource.get(s) ?? emptyFunnel()) })),
      byDepartment: [...byDept].map(([code, v]) => ({ departmentCode: code, label: deptNames.get(code) ?? code, ...v })).sort((a, b) => b.pushed - a.pushed || a.departmentCode.localeCompare(b.departmentCode)),
      byArea: [...byArea].map(([code, v]) => ({ areaCode: code, label: areaNames.get(code) ?? code, ...v })).sort((a, b) => a.areaCode.localeCompare(b.areaCode)),
    };
  }

  /** The figures as an Excel workbook (audited as an export). */
  async figuresWorkbook(ctx: AuthedContext, f: FiguresQuery): Promise<{ fileName: string; data: Readable }> {
    const fig = await this.figures(ctx, f);
    const data = figuresWorkbook(fig);
    await this.db.tx((q) => writeAudit(q, ctx, { action: 'warning.export', entityType: 'warning', after: { kind: 'figures', period: fig.period, area: f.area ?? null } }));
    return { fileName: `预警统计_${fig.period.label}.xlsx`, data };
  }
}

const pickSettings = (s: WarningSettings) => ({ verificationDays: s.verificationDays, counting: s.counting, dueSoonDays: s.dueSoonDays });
