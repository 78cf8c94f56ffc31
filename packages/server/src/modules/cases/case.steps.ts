/**
 * One step on a case, inside the caller's transaction: lock the row, gather fresh facts (the helper assignment for
 * 县级审批, the elimination criteria of today), let the domain decide (`applyEvent`), then apply the declared
 * effects (household marked 监测对象 / 风险消除, notices recorded) and write the audit row. Shared by the case
 * routes and the notice posting (which runs the step of every case on the notice).
 */
import {
  buildPublicNotice, identificationSummary, labelOf,
  type EliminationFacts, type EliminationMethod, type IdentificationFacts, type NoticeCase, type NoticeKind, type PublicNotice,
} from '@shouwang/domain';
import type { Queryable } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import type { AuthedContext } from '../../http/context.js';
import { badRequest, notFound } from '../../http/errors.js';
import { writeAudit } from '../audit/audit.writer.js';
import { actorOf, applyEvent, lockCase, nowOf } from '../workflow/workflow.store.js';
import * as repo from './case.repository.js';
import { evaluateHousehold, loadDeadlineConfig, machinesOf } from './case.facts.js';

export interface StepInput {
  event: string;
  remarks?: string | null;
  attachments?: number[];
  expectedVersion?: number;
  payload?: { method?: EliminationMethod } | null;
}

/** The notice kind an effect posts, by machine. */
const NOTICE_OF_EFFECT: Record<string, Record<string, NoticeKind>> = {
  identification: { notice_posted: 'identification_publicity', result_announced: 'identification_result' },
  elimination: { notice_posted: 'elimination_publicity', result_announced: 'elimination_result' },
};

/** The step and the notice it belongs to, when the step is run for a notice being posted. */
export interface StepOptions {
  noticeId?: number;
}

export async function runStep(q: Queryable, ctx: AuthedContext, clock: Clock, caseId: number, input: StepInput, opts: StepOptions = {}) {
  const scoped = await repo.findCase(q, ctx.user, caseId);
  if (!scoped) throw notFound();
  const row = await lockCase(q, 'monitoring_case', caseId);
  if (!row) throw notFound();
  const now = nowOf(clock);
  const attachments = input.attachments ?? [];
  if (attachments.length) {
    const mine = await repo.caseAttachmentIds(q, caseId, attachments);
    const foreign = attachments.filter((a) => !mine.has(a));
    if (foreign.length) throw badRequest(`附件 ${foreign.join('、')} 不属于该事项，请先在本事项下上传`, [{ field: 'attachments', message: '附件不属于该事项' }]);
  }
  const machines = await machinesOf(q);
  const event = { type: input.event, remarks: input.remarks ?? null, attachments: attachments.map(String), expectedVersion: input.expectedVersion, payload: input.payload ?? undefined };
  let applied;
  if (scoped.kind === 'identification') {
    const stored = row.facts as IdentificationFacts;
    const facts: IdentificationFacts = { ...stored, helperAssigned: await repo.helperAssigned(q, scoped.household_id) };
    applied = await applyEvent(q, { table: 'monitoring_case', machine: machines.identification, row, facts, event: event as never, actor: actorOf(ctx.user), now });
  } else {
    const h = await repo.findHousehold(q, ctx.user, scoped.household_id);
    if (!h) throw notFound();
    const { evaluation } = await evaluateHousehold(q, h, now.today, input.payload?.method ?? null);
    const facts: EliminationFacts = { evaluation: { eligible: evaluation.eligible, failing: evaluation.failing, methodHint: evaluation.methodHint } };
    applied = await applyEvent(q, { table: 'monitoring_case', machine: machines.elimination, row, facts, event: event as never, actor: actorOf(ctx.user), now });
  }
  const effects = applied.effects;
  for (const e of effects) await applyEffect(q, ctx, clock, scoped, e, applied.case.facts, input, opts);
  await writeAudit(q, ctx, {
    action: `${scoped.kind}_case.step`,
    entityType: 'monitoring_case',
    entityId: caseId,
    before: { state: row.state, version: row.version },
    after: { event: input.event, state: applied.case.state, version: applied.case.version, remarks: input.remarks ?? null, attachments, payload: input.payload ?? null, effects, bypassedGuards: applied.step.bypassedGuards },
  });
  return { caseId, state: applied.case.state, version: applied.case.version, effects };
}

async function applyEffect(q: Queryable, ctx: AuthedContext, clock: Clock, c: repo.CaseRow, effect: string, facts: unknown, input: StepInput, opts: StepOptions) {
  const today = nowOf(clock).today;
  if (effect === 'household_monitored') {
    const f = facts as IdentificationFacts;
    const h = await repo.findHousehold(q, ctx.user, c.household_id, true);
    if (!h) throw notFound();
    const riskTypes = [...new Set(f.riskTypes)];
    const set = { monitor_category: f.monitorCategory, monitor_identified_on: today, risk_types: riskTypes, risk_eliminated: false, elimination_method: null, eliminated_on: null };
    await repo.updateHouseholdMonitoring(q, h.id, set);
    await repo.insertHistory(q, {
      householdId: h.id,
      user: ctx.user,
      changes: {
        monitorCategory: { from: h.monitor_category, to: f.monitorCategory },
        monitorIdentifiedOn: { from: h.monitor_identified_on, to: today },
        riskTypes: { from: h.risk_types, to: riskTypes },
        ...(h.risk_eliminated ? { riskEliminated: { from: true, to: false }, eliminationMethod: { from: h.elimination_method, to: null }, eliminatedOn: { from: h.eliminated_on, to: null } } : {}),
        source: { from: null, to: `识别纳入事项 ${c.id}：${identificationSummary(f)}` },
      },
    });
    await writeAudit(q, ctx, { action: 'household.monitored', entityType: 'household', entityId: h.id, before: { monitorCategory: h.monitor_category, riskTypes: h.risk_types }, after: { ...set, caseId: c.id } });
    return;
  }
  if (effect === 'risk_eliminated') {
    const method = input.payload?.method ?? null;
    const h = await repo.findHousehold(q, ctx.user, c.household_id, true);
    if (!h) throw notFound();
    const set = { risk_eliminated: true, elimination_method: method, eliminated_on: today };
    await repo.updateHouseholdMonitoring(q, h.id, set);
    await repo.insertHistory(q, {
      householdId: h.id,
      user: ctx.user,
      changes: {
        riskEliminated: { from: h.risk_eliminated, to: true },
        eliminationMethod: { from: h.elimination_method, to: method },
        eliminatedOn: { from: h.eliminated_on, to: today },
        source: { from: null, to: `风险消除事项 ${c.id}：${labelOf('eliminationMethod', method)}` },
      },
    });
    await writeAudit(q, ctx, { action: 'household.risk_eliminated', entityType: 'household', entityId: h.id, before: { riskEliminated: h.risk_eliminated }, after: { ...set, caseId: c.id } });
    return;
  }
  const kind = NOTICE_OF_EFFECT[c.kind]?.[effect];
  if (kind && opts.noticeId === undefined) {
    // The step was taken on the case alone: its own one-household notice is recorded as posted today.
    await repo.detachFromDrafts(q, kind, c.id);
    const refreshed = (await repo.findCase(q, ctx.user, c.id))!;
    const village = (await repo.findVillage(q, c.village_code))!;
    const built = await buildNotice(q, kind, village, [refreshed], today, null);
    const id = await repo.insertNotice(q, { kind, villageCode: c.village_code, title: built.title, content: built, contactPhone: null, createdBy: ctx.user.id, caseIds: [c.id] });
    await repo.markNoticePosted(q, id, { title: built.title, content: built, postedOn: today, periodFrom: built.period?.from ?? null, periodTo: built.period?.to ?? null, earliestNextOn: built.period?.earliestNextStepOn ?? null, postedBy: ctx.user.id });
    await writeAudit(q, ctx, { action: 'case_notice.post', entityType: 'case_notice', entityId: id, after: { kind, caseIds: [c.id], postedOn: today } });
  }
}

/** What a notice may take from a case: never more than NoticeCase (no ID, phone, bank account or health). */
export function noticeCaseOf(c: repo.CaseRow): NoticeCase {
  if (c.kind === 'identification') {
    const f = c.facts as IdentificationFacts;
    // The category proposed so far (set on the case before 民主评议); not yet decided reads 待定 on the notice.
    return { villageName: c.village_name, headName: c.head_name ?? '', householdSize: c.member_count, monitorCategory: f.monitorCategory ?? c.monitor_category ?? '待定', riskTypes: f.riskTypes };
  }
  const f = c.facts as EliminationFacts;
  return { villageName: c.village_name, headName: c.head_name ?? '', householdSize: c.member_count, monitorCategory: c.monitor_category, riskTypes: c.risk_types, eliminationMethod: f.evaluation?.methodHint ?? null };
}

/** Build (and scan) the notice of the cases; a refusal is a 400 naming what was found. */
export async function buildNotice(q: Queryable, kind: NoticeKind, village: { name: string; township_name: string }, cases: repo.CaseRow[], postedOn: string, contactPhone: string | null): Promise<PublicNotice> {
  const deadlines = await loadDeadlineConfig(q);
  const res = buildPublicNotice({ kind, townshipName: village.township_name, issuerName: village.name, postedOn, cases: cases.map(noticeCaseOf), contactPhone, deadlines });
  if (!res.ok) throw badRequest(res.message, [{ field: 'cases', message: res.message }]);
  return res.notice;
}
