/**
 * Village screening (基层干部排查): rounds (村级月排查, auto-created per month; 集中排查 campaigns by the county
 * office), each village's list of households to visit, visit results (risk found → a warning with source
 * 'screening' and the visiting cadre as actor), and coverage per township / village.
 */
import {
  campaignYearStatus, checkCampaign, checkScreeningVisit, CODE_LISTS, coverageOf, monthlyRound, monthOf, roundPhase, visitRefusal,
  ROUND_KIND_LABELS, ROUND_PHASE_LABELS, SCREENING_RESULT_LABELS, type ScreeningVisitResult,
} from '@shouwang/domain';
import type { Db, Queryable } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import { todayOf } from '../../clock.js';
import type { AuthedContext, AuthUser } from '../../http/context.js';
import { areaInScope } from '../../http/scope.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { writeAudit } from '../audit/audit.writer.js';
import { findArea } from '../areas/area.repository.js';
import { createWarning } from '../warnings/warning.writer.js';
import { actorOf, nowOf } from '../workflow/workflow.store.js';
import * as repo from './screening.repository.js';

const RISK_CODES = CODE_LISTS.riskType.map((r) => r.code as string);
const RISK_LABEL = Object.fromEntries(CODE_LISTS.riskType.map((r) => [r.code, r.label])) as Record<string, string>;
const CHILD_LENGTH: Record<number, number> = { 2: 4, 4: 6, 6: 9, 9: 12, 12: 12 };

export interface CampaignBody { name: string; startsOn: string; endsOn: string; note?: string | null }
export interface VisitBody { householdId: number; result: ScreeningVisitResult; riskTypes: string[]; note?: string | null }

export class ScreeningService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  /** The county a county-or-lower user works in (a city or province user has none). */
  private countyOf(user: AuthUser): string | null {
    return user.areaCode.length >= 6 ? user.areaCode.slice(0, 6) : null;
  }

  private presentRound(r: repo.RoundRow, today: string) {
    const phase = roundPhase({ startsOn: r.starts_on, endsOn: r.ends_on }, today);
    return {
      id: Number(r.id), kind: r.kind, kindLabel: ROUND_KIND_LABELS[r.kind], countyCode: r.county_code, name: r.name, month: r.month,
      startsOn: r.starts_on, endsOn: r.ends_on, note: r.note, phase, phaseLabel: ROUND_PHASE_LABELS[phase], createdBy: r.created_by_name,
    };
  }

  private async round(q: Queryable, ctx: AuthedContext, id: number) {
    const r = await repo.findRound(q, ctx.user, id);
    if (!r) throw notFound('排查轮次不存在或不在您的管辖范围内');
    return r;
  }

  /** Rounds of a year; the current month's round is created when first opened. */
  async listRounds(ctx: AuthedContext, year?: number) {
    const today = todayOf(this.clock);
    const county = this.countyOf(ctx.user);
    if (county && (await findArea(this.db, county))?.level === 'county') await repo.ensureMonthlyRound(this.db, county, monthlyRound(monthOf(today)));
    const y = year ?? Number(today.slice(0, 4));
    const [rows, starts] = await Promise.all([repo.listRounds(this.db, ctx.user, y), repo.campaignStarts(this.db, ctx.user, y)]);
    return { year: y, campaigns: campaignYearStatus(starts, y), items: rows.map((r) => ({ ...this.presentRound(r, today), visited: Number(r.visited) })) };
  }

  async getRound(ctx: AuthedContext, id: number) {
    return this.presentRound(await this.round(this.db, ctx, id), todayOf(this.clock));
  }

  /** 集中排查: created by the county office for its county. */
  async createCampaign(ctx: AuthedContext, body: CampaignBody) {
    const errors = checkCampaign(body);
    if (errors.length) throw badRequest(errors[0]!.message, errors);
    const county = this.countyOf(ctx.user);
    if (!county || (await findArea(this.db, county))?.level !== 'county') throw badRequest('集中排查由县级办公室按县组织', [{ field: 'name', message: '当前账号不属于某一个县' }]);
    return this.db.tx(async (q) => {
      const id = await repo.insertCampaign(q, { countyCode: county, name: body.name.trim(), startsOn: body.startsOn, endsOn: body.endsOn, note: body.note?.trim() || null, createdBy: ctx.user.id });
      await writeAudit(q, ctx, { action: 'screening.campaign_create', entityType: 'screening_round', entityId: id, after: body });
      return this.presentRound((await repo.findRound(q, ctx.user, id))!, todayOf(this.clock));
    });
  }

  /** Coverage (visited ÷ planned) of a round for the children of an area: county → townships, township → villages. */
  async coverage(ctx: AuthedContext, roundId: number, areaCode?: string) {
    const round = await this.round(this.db, ctx, roundId);
    const code = areaCode ?? ctx.user.areaCode;
    const area = await findArea(this.db, code);
    if (!area || !areaInScope(ctx.user, code)) throw notFound('区域不存在或不在您的管辖范围内');
    const childLength = CHILD_LENGTH[code.length];
    if (!childLength) throw badRequest('区域代码无效', [{ field: 'area', message: '区域代码无效' }]);
    const [agg, children] = await Promise.all([
      repo.coverageByChild(this.db, ctx.user, round, code, childLength),
      code.length === 12 ? Promise.resolve([{ code: area.code, name: area.name, level: area.level }]) : repo.childAreas(this.db, code),
    ]);
    const byCode = new Map(agg.map((a) => [a.code, a]));
    const rows = children.map((c) => {
      const a = byCode.get(c.code);
      const cov = coverageOf(Number(a?.planned ?? 0), Number(a?.visited ?? 0));
      return { code: c.code, name: c.name, level: c.level, ...cov, riskFound: Number(a?.risk_found ?? 0) };
    });
    const planned = agg.reduce((s, a) => s + Number(a.planned), 0);
    const visited = agg.reduce((s, a) => s + Number(a.visited), 0);
    const riskFound = agg.reduce((s, a) => s + Number(a.risk_found), 0);
    return {
      round: this.presentRound(round, todayOf(this.clock)),
      area: { code: area.code, name: area.name, level: area.level },
      total: { ...coverageOf(planned, visited), riskFound },
      rows,
    };
  }

  /** A village's list of households to visit in the round, with each one's visit if recorded. */
  async households(ctx: AuthedContext, roundId: number, f: { village?: string; status?: 'pending' | 'visited'; q?: string; page: number; pageSize: number }) {
    const round = await this.round(this.db, ctx, roundId);
    const village = f.village ?? (ctx.user.areaCode.length === 12 ? ctx.user.areaCode : undefined);
    if (!village) throw badRequest('请选择一个村', [{ field: 'village', message: '请选择一个村' }]);
    const area = await findArea(this.db, village);
    if (!area || area.level !== 'village') throw badRequest('请选择一个村', [{ field: 'village', message: '请选择一个村' }]);
    if (!areaInScope(ctx.user, village)) throw notFound('该村不在您的管辖范围内');
    const { total, rows } = await repo.planHouseholds(this.db, ctx.user, round, village, f);
    return {
      round: this.presentRound(round, todayOf(this.clock)),
      village: { code: area.code, name: area.name },
      total, page: f.page, pageSize: f.pageSize,
      items: rows.map((r) => ({
        id: Number(r.id), householdNo: r.household_no, headName: r.head_name, householdType: r.household_type, monitorCategory: r.monitor_category,
        hasOpenWarning: Boolean(r.has_open_warning),
        visit: r.visit_id == null ? null : {
          id: Number(r.visit_id), result: r.result as ScreeningVisitResult, resultLabel: SCREENING_RESULT_LABELS[r.result as ScreeningVisitResult],
          riskTypes: r.risk_types ?? [], riskTypeLabels: (r.risk_types ?? []).map((x) => RISK_LABEL[x] ?? x), note: r.note, visitedOn: r.visited_on!,
          visitedBy: r.visited_by_name, warningId: r.warning_id == null ? null : Number(r.warning_id),
        },
      })),
    };
  }

  /** Record a visit result; a risk found becomes a warning (source 'screening') with the cadre as actor. */
  async recordVisit(ctx: AuthedContext, roundId: number, body: VisitBody) {
    const riskTypes = [...new Set(body.riskTypes)];
    const note = body.note?.trim() || null;
    const errors = checkScreeningVisit({ result: body.result, riskTypes, note }, RISK_CODES);
    if (errors.length) throw badRequest(errors[0]!.message, errors);
    const now = nowOf(this.clock);
    return this.db.tx(async (q) => {
      const round = await this.round(q, ctx, roundId);
      const h = await repo.householdForVisit(q, ctx.user, body.householdId);
      if (!h || !h.village_code.startsWith(round.county_code)) throw notFound('农户不存在或不在您的管辖范围内');
      const refusal = visitRefusal({ startsOn: round.starts_on, endsOn: round.ends_on }, now.today);
      if (refusal) throw conflict(refusal, 'round_closed');
      if (await repo.visitOf(q, roundId, h.id)) throw conflict('该户本轮已记录走访结果', 'already_visited');
      const visitId = await repo.nextVisitId(q);
      let warningId: number | null = null;
      if (body.result === 'risk_found') {
        warningId = await createWarning(q, {
          source: 'screening', pushingDepartmentCode: null, villageCode: h.village_code, householdId: h.id, personId: h.head_id,
          subjectIdentityKey: h.head_identity_key, subjectName: h.head_name,
          subjectGroup: h.monitor_category ? 'monitored' : h.household_type === 'alleviated' ? 'alleviated' : 'ordinary',
          riskTypes, title: `排查发现风险：${riskTypes.map((r) => RISK_LABEL[r]).join('、')}`.slice(0, 200), description: note, createdBy: ctx.user.id,
        }, {
          sourceType: 'screening_visit', sourceRef: String(visitId),
          explanation: { round: round.name, roundId: Number(round.id), visitedOn: now.today, visitor: ctx.user.displayName, riskTypes: riskTypes.map((r) => RISK_LABEL[r]), note },
        }, actorOf(ctx.user), now);
      }
      await repo.insertVisit(q, { id: visitId, roundId, householdId: h.id, villageCode: h.village_code, result: body.result, riskTypes, note, visitedOn: now.today, visitedBy: ctx.user.id, warningId });
      await writeAudit(q, ctx, { action: 'screening.visit', entityType: 'screening_visit', entityId: visitId, after: { roundId, householdId: h.id, result: body.result, riskTypes, warningId } });
      return { id: visitId, warningId };
    });
  }
}
