/**
 * 走访: visit records (入户 / 电话 / 帮扶日 with the "四个一"), the 帮扶日 calendar, households not visited in N days
 * (a county setting, default 30), and the household card's assistance summary. Visits are audited.
 */
import {
  DEFAULT_NO_VISIT_DAYS, FOUR_ONES, can, checkNoVisitDays, checkVisit, helpDaysOfMonth, isWithinArea, maskPhone, noVisitCutoff, visitRecency,
} from '@shouwang/domain';
import type { Db, Queryable, Row } from '../../db/db.js';
import { todayOf, type Clock } from '../../clock.js';
import type { AuthedContext } from '../../http/context.js';
import { areaInScope } from '../../http/scope.js';
import { badRequest, forbidden, notFound } from '../../http/errors.js';
import { writeAudit } from '../audit/audit.writer.js';
import { findHousehold } from '../registry/registry.repository.js';
import * as repo from './assistance.repository.js';
import type { UnvisitedQuery, VisitBody, VisitListQuery } from './assistance.schemas.js';
import { managesHelpers } from './helper.service.js';
import type { PlanService } from './plan.service.js';

const NO_VISIT_KEY = 'no_visit_days';

export function presentVisit(r: Row) {
  return {
    id: Number(r.id),
    householdId: Number(r.household_id),
    householdNo: r.household_no as string,
    headName: (r.head_name as string | null) ?? null,
    villageName: r.village_name as string,
    helperId: r.helper_id == null ? null : Number(r.helper_id),
    helperName: (r.helper_name as string | null) ?? null,
    visitorName: (r.visitor_name as string | null) ?? null,
    visitedOn: r.visited_on as string,
    kind: r.kind as string,
    fourOnes: (r.four_ones as string[]) ?? [],
    notes: (r.notes as string | null) ?? null,
    attachments: Number(r.attachments ?? 0),
  };
}

export class VisitService {
  constructor(private readonly db: Db, private readonly clock: Clock, private readonly plans: PlanService) {}

  async noVisitDays(q: Queryable = this.db): Promise<number> {
    const v = (await repo.readSetting(q, NO_VISIT_KEY)) as number | null;
    return typeof v === 'number' && checkNoVisitDays(v) === null ? v : DEFAULT_NO_VISIT_DAYS;
  }

  async settings() {
    return { noVisitDays: await this.noVisitDays() };
  }

  async updateSettings(ctx: AuthedContext, s: { noVisitDays: number }) {
    if (ctx.user.role !== 'county_office') throw forbidden('只有县联动办公室可以修改帮扶设置');
    return this.db.tx(async (q) => {
      const before = await this.noVisitDays(q);
      await repo.writeSetting(q, NO_VISIT_KEY, s.noVisitDays, ctx.user.id);
      await writeAudit(q, ctx, { action: 'assistance.settings', entityType: 'assistance_setting', entityId: NO_VISIT_KEY, before: { noVisitDays: before }, after: s });
      return { noVisitDays: s.noVisitDays };
    });
  }

  async create(ctx: AuthedContext, body: VisitBody) {
    const today = todayOf(this.clock);
    const problems = checkVisit({ visitedOn: body.visitedOn, kind: body.kind, fourOnes: body.fourOnes, notes: body.notes ?? null }, today);
    if (problems.length) throw badRequest(problems.map((p) => p.message).join('；'), problems);
    return this.db.tx(async (q) => {
      const h = await findHousehold(q, ctx.user, body.householdId);
      if (!h) throw notFound('农户不存在或不在您的管辖范围内');
      const helperId = await this.visitingHelper(q, ctx, body);
      const id = await repo.insertVisit(q, { householdId: body.householdId, helperId, by: ctx.user.id, visitedOn: body.visitedOn, kind: body.kind, fourOnes: body.fourOnes, notes: body.notes?.trim() || null });
      await writeAudit(q, ctx, { action: 'visit.create', entityType: 'visit', entityId: id, after: { householdId: body.householdId, helperId, visitedOn: body.visitedOn, kind: body.kind, fourOnes: body.fourOnes } });
      return { visit: presentVisit(await repo.visitById(q, id)) };
    });
  }

  /** Who visited: the helper's own record; otherwise the chosen helper, or the household's current one. */
  private async visitingHelper(q: Queryable, ctx: AuthedContext, body: VisitBody): Promise<number | null> {
    if (ctx.user.role === 'helper') {
      const own = await repo.helperOfUser(q, ctx.user.id);
      if (body.helperId && (!own || Number(own.id) !== body.helperId)) throw badRequest('帮扶责任人只能登记本人的走访', [{ field: 'helperId', message: '只能登记本人的走访' }]);
      return own ? Number(own.id) : null;
    }
    if (body.helperId) {
      const hp = await repo.findHelper(q, body.helperId);
      if (!hp || !(isWithinArea(hp.area_code, ctx.user.areaCode) || isWithinArea(ctx.user.areaCode, hp.area_code))) {
        throw badRequest('所选帮扶责任人不存在或不在您的管辖范围内', [{ field: 'helperId', message: '帮扶责任人不存在' }]);
      }
      return body.helperId;
    }
    const open = await repo.openAssignment(q, body.householdId);
    return open ? Number(open.helper_id) : null;
  }

  async list(ctx: AuthedContext, f: VisitListQuery) {
    this.checkArea(ctx, f.area);
    const { total, rows } = await repo.listVisits(this.db, ctx.user, f);
    return { total, page: f.page, pageSize: f.pageSize, items: rows.map(presentVisit) };
  }

  /** The month's 帮扶日 with households under assistance and what was done on each day. */
  async calendar(ctx: AuthedContext, month: string, area?: string) {
    this.checkArea(ctx, area);
    const code = area ?? ctx.user.areaCode;
    const today = todayOf(this.clock);
    const days = helpDaysOfMonth(month);
    const [households, rows] = await Promise.all([repo.assistedHouseholdCount(this.db, ctx.user, code), repo.visitsOnDays(this.db, ctx.user, code, days)]);
    return {
      month,
      households,
      days: days.map((d) => {
        const r = rows.find((x) => x.visited_on === d);
        const fourOnes: Record<string, number> = Object.fromEntries(FOUR_ONES.map((k) => [k, 0]));
        for (const item of r?.four_ones ?? []) fourOnes[item] = (fourOnes[item] ?? 0) + 1;
        return { date: d, past: d <= today, visited: Number(r?.households ?? 0), visits: Number(r?.visits ?? 0), fourOnes };
      }),
    };
  }

  /** Households under assistance not visited in N days, with counts per area and per helper. */
  async unvisited(ctx: AuthedContext, f: UnvisitedQuery) {
    this.checkArea(ctx, f.area);
    const today = todayOf(this.clock);
    const days = f.days ?? (await this.noVisitDays());
    const cutoff = noVisitCutoff(today, days);
    const code = f.area ?? ctx.user.areaCode;
    const rows = await repo.assistedWithLastVisit(this.db, ctx.user, { area: code, helperId: f.helperId, today });
    const late = rows.filter((r) => !r.last_visit_on || r.last_visit_on < cutoff);
    const groupLen = code.length <= 6 ? 9 : 12;
    const byArea = new Map<string, { code: string; name: string; households: number; unvisited: number }>();
    const byHelper = new Map<number, { helperId: number; helperName: string; households: number; unvisited: number }>();
    for (const r of rows) {
      const ac = r.village_code.slice(0, groupLen);
      const a = byArea.get(ac) ?? { code: ac, name: groupLen === 9 ? r.township_name : r.village_name, households: 0, unvisited: 0 };
      const hk = Number(r.helper_id);
      const h = byHelper.get(hk) ?? { helperId: hk, helperName: r.helper_name, households: 0, unvisited: 0 };
      const isLate = !r.last_visit_on || r.last_visit_on < cutoff;
      a.households++; h.households++;
      if (isLate) { a.unvisited++; h.unvisited++; }
      byArea.set(ac, a); byHelper.set(hk, h);
    }
    const page = late.slice((f.page - 1) * f.pageSize, f.page * f.pageSize);
    const heads = new Map((await repo.headNames(this.db, page.map((r) => Number(r.household_id)))).map((x) => [Number(x.household_id), x.name]));
    return {
      days, cutoff, total: late.length, page: f.page, pageSize: f.pageSize,
      items: page.map((r) => {
        const rec = visitRecency(r.last_visit_on, today, days);
        return {
          householdId: Number(r.household_id), householdNo: r.household_no, headName: heads.get(Number(r.household_id)) ?? null,
          villageName: r.village_name, townshipName: r.township_name, helperId: Number(r.helper_id), helperName: r.helper_name,
          lastVisitOn: r.last_visit_on, daysSince: rec.daysSince, text: rec.text,
        };
      }),
      byArea: [...byArea.values()].sort((a, b) => a.code.localeCompare(b.code)),
      byHelper: [...byHelper.values()].filter((h) => h.unvisited > 0).sort((a, b) => b.unvisited - a.unvisited || a.helperName.localeCompare(b.helperName, 'zh')).slice(0, 100),
    };
  }

  /** The household page's 帮扶 card: current helper, active plan (or the plan still due), recent visits. */
  async householdSummary(ctx: AuthedContext, householdId: number) {
    const today = todayOf(this.clock);
    const h = await findHousehold(this.db, ctx.user, householdId);
    if (!h) throw notFound();
    const open = await repo.openAssignment(this.db, householdId);
    const canPlans = can(ctx.user.role, 'read', 'help_plan');
    const plan = canPlans ? await this.plans.activePlanOf(this.db, ctx.user, householdId) : null;
    const pending = canPlans && !plan ? (await this.plans.pendingRows(this.db, ctx.user, { householdId }))[0] ?? null : null;
    const canVisits = can(ctx.user.role, 'read', 'visit');
    const visits = canVisits ? (await repo.listVisits(this.db, ctx.user, { householdId, page: 1, pageSize: 5 })).rows.map(presentVisit) : [];
    const last = await repo.lastVisitOf(this.db, householdId, today);
    const rec = visitRecency(last, today, await this.noVisitDays());
    return {
      householdId,
      helper: open ? {
        id: Number(open.helper_id), name: open.helper_name as string, unit: open.helper_unit as string, position: (open.helper_position as string | null) ?? null,
        phone: managesHelpers(ctx.user) ? (open.helper_phone as string | null) ?? null : maskPhone(open.helper_phone), assignedOn: open.assigned_on as string,
      } : null,
      plan,
      pendingPlan: pending ? { approvedOn: pending.approvedOn, dueOn: pending.dueOn, status: pending.status, text: pending.text } : null,
      visits,
      lastVisitOn: last,
      visitText: rec.text,
      visitOverdue: rec.overdue,
      canAssign: managesHelpers(ctx.user),
      canVisit: can(ctx.user.role, 'create', 'visit'),
      canManagePlan: can(ctx.user.role, 'manage', 'help_plan'),
    };
  }

  private checkArea(ctx: AuthedContext, area?: string) {
    if (area && !areaInScope(ctx.user, area)) throw badRequest('所选区域不在您的管辖范围内', [{ field: 'area', message: '区域不在您的管辖范围内' }]);
  }
}
