/**
 * 帮扶责任人 registry and assignments. Township cadres manage the helpers serving in their township, the county office
 * all of the county's; reading also shows the helpers of areas above one's own (they may be assigned there). Phones
 * are shown whole only to the roles that manage helpers. Every change and every assignment is audited; assigning
 * keeps household.helper_name / helper_user_id (the helper role's scope) in sync with the open assignment.
 */
import { can, helperWorkload, isWithinArea, maskPhone } from '@shouwang/domain';
import type { Db, Queryable, Row } from '../../db/db.js';
import { todayOf, type Clock } from '../../clock.js';
import { isUniqueViolation } from '../../db/db-error.js';
import type { AuthedContext, AuthUser } from '../../http/context.js';
import { areaInScope } from '../../http/scope.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { writeAudit } from '../audit/audit.writer.js';
import { findArea } from '../areas/area.repository.js';
import { findHousehold, insertHistory } from '../registry/registry.repository.js';
import * as repo from './assistance.repository.js';
import type { HelperInput, HelperListQuery, HelperUpdate } from './assistance.schemas.js';

export const managesHelpers = (u: AuthUser) => can(u.role, 'manage', 'helper_registry');

export function presentHelper(r: Row, user: AuthUser) {
  const w = helperWorkload(Number(r.households ?? 0));
  return {
    id: Number(r.id),
    name: r.name as string,
    unit: r.unit as string,
    position: (r.position as string | null) ?? null,
    phone: managesHelpers(user) ? ((r.phone as string | null) ?? null) : maskPhone(r.phone),
    areaCode: r.area_code as string,
    areaName: r.area_name as string,
    userId: r.user_id == null ? null : Number(r.user_id),
    username: (r.username as string | null) ?? null,
    active: r.active as boolean,
    version: Number(r.version),
    households: w.households,
    overLimit: w.overLimit,
    workloadText: w.text,
  };
}

/** Whether the user sees this helper: serving within the user's area, or in an area containing it. */
const readable = (u: AuthUser, helperArea: string) => isWithinArea(helperArea, u.areaCode) || isWithinArea(u.areaCode, helperArea);

export class HelperService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  async list(ctx: AuthedContext, f: HelperListQuery) {
    const { total, rows } = await repo.listHelpers(this.db, ctx.user, f);
    return { total, page: f.page, pageSize: f.pageSize, items: rows.map((r) => presentHelper(r, ctx.user)) };
  }

  async get(ctx: AuthedContext, id: number) {
    return this.db.tx(async (q) => {
      const h = await repo.findHelper(q, id);
      if (!h || !readable(ctx.user, h.area_code)) throw notFound();
      const households = await repo.householdsOfHelper(q, ctx.user, id);
      await writeAudit(q, ctx, { action: 'helper.view', entityType: 'helper_person', entityId: id });
      return {
        helper: presentHelper(h, ctx.user),
        households: households.map((r) => ({
          id: Number(r.id), householdNo: r.household_no, villageName: r.village_name, headName: r.head_name ?? null,
          monitorCategory: r.monitor_category ?? null, householdType: r.household_type, assignedOn: r.assigned_on,
        })),
      };
    });
  }

  async userOptions(ctx: AuthedContext) {
    void ctx;
    const rows = await repo.helperUserOptions(this.db);
    return { items: rows.map((r) => ({ id: Number(r.id), username: r.username, displayName: r.display_name, helperId: r.helper_id == null ? null : Number(r.helper_id) })) };
  }

  async create(ctx: AuthedContext, input: HelperInput) {
    await this.checkArea(ctx, input.areaCode);
    return this.db.tx(async (q) => {
      const userId = await this.checkUser(q, input.userId ?? null, null);
      let id: number;
      try {
        id = await repo.insertHelper(q, { name: input.name, unit: input.unit, position: input.position ?? null, phone: input.phone ?? null, areaCode: input.areaCode, userId });
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict('该登录账号已关联其他帮扶责任人', 'user_linked');
        throw e;
      }
      await writeAudit(q, ctx, { action: 'helper.create', entityType: 'helper_person', entityId: id, after: { ...input, phone: maskPhone(input.phone) } });
      return { helper: presentHelper((await repo.findHelper(q, id))!, ctx.user) };
    });
  }

  async update(ctx: AuthedContext, id: number, input: HelperUpdate) {
    await this.checkArea(ctx, input.areaCode);
    return this.db.tx(async (q) => {
      const before = await repo.findHelper(q, id, true);
      if (!before || !isWithinArea(before.area_code, ctx.user.areaCode)) throw notFound();
      if (Number(before.version) !== input.version) throw conflict('该帮扶责任人信息已被他人修改，请刷新后再编辑', 'stale_version');
      const userId = await this.checkUser(q, input.userId ?? null, id);
      if (!input.active && Number(before.households) > 0) {
        throw conflict(`该帮扶责任人仍在帮扶 ${before.households} 户，请先为这些户更换帮扶责任人再停用`, 'helper_in_use');
      }
      const next = { name: input.name, unit: input.unit, position: input.position ?? null, phone: input.phone ?? null, areaCode: input.areaCode, userId, active: input.active };
      try {
        await repo.updateHelper(q, id, next);
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict('该登录账号已关联其他帮扶责任人', 'user_linked');
        throw e;
      }
      await repo.refreshMirrors(q, id);
      const after = (await repo.findHelper(q, id))!;
      const view = (r: Row) => ({ name: r.name, unit: r.unit, position: r.position, phone: maskPhone(r.phone), areaCode: r.area_code, userId: r.user_id == null ? null : Number(r.user_id), active: r.active });
      await writeAudit(q, ctx, { action: 'helper.update', entityType: 'helper_person', entityId: id, before: view(before), after: view(after) });
      return { helper: presentHelper(after, ctx.user) };
    });
  }

  /** Assign or reassign the household's 帮扶责任人: ends the open assignment, starts a new one, mirrors the household. */
  async assign(ctx: AuthedContext, householdId: number, body: { helperId: number; reason?: string | null }) {
    const today = todayOf(this.clock);
    return this.db.tx(async (q) => {
      const h = await findHousehold(q, ctx.user, householdId, true);
      if (!h) throw notFound();
      const helper = await repo.findHelper(q, body.helperId);
      if (!helper || !readable(ctx.user, helper.area_code)) throw badRequest('所选帮扶责任人不存在或不在您的管辖范围内', [{ field: 'helperId', message: '帮扶责任人不存在' }]);
      if (!helper.active) throw badRequest(`帮扶责任人 ${helper.name} 已停用，不能分配`, [{ field: 'helperId', message: '该帮扶责任人已停用' }]);
      if (!isWithinArea(h.village_code, helper.area_code)) {
        throw badRequest(`帮扶责任人 ${helper.name} 所在区域（${helper.area_name}）不包含该户所在村`, [{ field: 'helperId', message: '帮扶责任人所在区域不包含该户' }]);
      }
      const open = await repo.openAssignment(q, householdId, true);
      const reason = body.reason?.trim() || null;
      if (open && Number(open.helper_id) === body.helperId) throw conflict(`${helper.name} 已是该户的帮扶责任人`, 'already_assigned');
      if (open && !reason) throw badRequest('更换帮扶责任人须填写原因', [{ field: 'reason', message: '请填写更换原因' }]);
      if (open) await repo.endAssignment(q, Number(open.id), today);
      const assignmentId = await repo.insertAssignment(q, { householdId, helperId: body.helperId, on: today, reason, by: ctx.user.id });
      const userId = helper.user_id == null ? null : Number(helper.user_id);
      await repo.setHouseholdHelper(q, householdId, helper.name, userId);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (h.helper_name !== helper.name) changes.helperName = { from: h.helper_name ?? null, to: helper.name };
      if ((h.helper_user_id == null ? null : Number(h.helper_user_id)) !== userId) changes.helperUserId = { from: h.helper_user_id == null ? null : Number(h.helper_user_id), to: userId };
      if (Object.keys(changes).length) {
        await insertHistory(q, { householdId, userId: ctx.user.id, username: ctx.user.username, entityType: 'household', entityId: householdId, action: 'update', changes });
      }
      await writeAudit(q, ctx, {
        action: open ? 'helper.reassign' : 'helper.assign', entityType: 'household', entityId: householdId,
        before: open ? { helperId: Number(open.helper_id), helperName: open.helper_name } : null,
        after: { helperId: body.helperId, helperName: helper.name, reason, assignmentId },
      });
      return { assignmentId, householdId, helperId: body.helperId, helperName: helper.name as string, assignedOn: today };
    });
  }

  async history(ctx: AuthedContext, householdId: number) {
    const h = await findHousehold(this.db, ctx.user, householdId);
    if (!h) throw notFound();
    const rows = await repo.assignmentHistory(this.db, householdId);
    return { items: rows.map(presentAssignment) };
  }

  private async checkArea(ctx: AuthedContext, code: string) {
    const area = await findArea(this.db, code);
    if (!area || (area.level !== 'county' && area.level !== 'township')) throw badRequest(`所在区域 ${code} 不存在或不是县、乡镇`, [{ field: 'areaCode', message: '所在区域应为县或乡镇' }]);
    if (!areaInScope(ctx.user, code)) throw badRequest(`所在区域 ${area.name} 不在您的管辖范围内`, [{ field: 'areaCode', message: '所在区域不在您的管辖范围内' }]);
  }

  private async checkUser(q: Queryable, userId: number | null, selfId: number | null): Promise<number | null> {
    if (userId == null) return null;
    const u = await repo.findUser(q, userId);
    if (!u || u.role !== 'helper') throw badRequest('关联的登录账号不存在或不是帮扶责任人角色', [{ field: 'userId', message: '请选择帮扶责任人角色的账号' }]);
    const other = await repo.helperOfUser(q, userId);
    if (other && Number(other.id) !== selfId) throw conflict(`该登录账号已关联帮扶责任人 ${other.name}`, 'user_linked');
    return userId;
  }
}

export function presentAssignment(r: Row) {
  return {
    id: Number(r.id),
    helperId: Number(r.helper_id),
    helperName: r.helper_name as string,
    helperUnit: r.helper_unit as string,
    assignedOn: r.assigned_on as string,
    endedOn: (r.ended_on as string | null) ?? null,
    reason: (r.reason as string | null) ?? null,
    assignedByName: (r.assigned_by_name as string | null) ?? null,
  };
}
