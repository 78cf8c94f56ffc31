/** User administration: create, edit, deactivate, reset password. Admins manage users within their own area. */
import { ROLE_AREA_LEVEL, areaLevel, isWithinArea, type Role } from '@shouwang/domain';
import type { Db } from '../../db/db.js';
import { camelRow } from '../../db/case.js';
import { isUniqueViolation } from '../../db/db-error.js';
import type { AuthedContext } from '../../http/context.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { writeAudit } from '../audit/audit.writer.js';
import * as repo from './user.repository.js';
import { findArea } from '../areas/area.repository.js';
import { hashPassword, isStrongEnough, PASSWORD_RULE } from '../auth/password.js';

export interface UserInput {
  displayName: string;
  role: Role;
  areaCode: string;
  departmentCode?: string | null;
  phone?: string | null;
}

export class UsersService {
  constructor(private readonly db: Db) {}

  async names(areaCode: string, departmentCode: string | null) {
    const row = await repo.areaAndDepartmentNames(this.db, areaCode, departmentCode);
    return { areaName: row?.area_name ?? areaCode, departmentName: row?.department_name ?? null };
  }

  async list(ctx: AuthedContext, f: { q?: string; role?: string; page: number; pageSize: number }) {
    const { total, rows } = await repo.listUsers(this.db, ctx.user.areaCode, f);
    return { total: Number(total), items: rows.map((r) => ({ ...camelRow<Record<string, unknown>>(r), id: Number(r.id) })) };
  }

  async create(ctx: AuthedContext, input: UserInput & { username: string; password: string }) {
    await this.checkAssignment(ctx, input);
    if (!isStrongEnough(input.password)) throw badRequest(PASSWORD_RULE.message, [{ field: 'password', message: PASSWORD_RULE.message }]);
    const passwordHash = await hashPassword(input.password);
    return this.db.tx(async (q) => {
      try {
        const id = await repo.insertUser(q, {
          username: input.username, displayName: input.displayName, passwordHash, role: input.role, areaCode: input.areaCode,
          departmentCode: input.role === 'department_user' ? (input.departmentCode ?? null) : null, phone: input.phone ?? null,
        });
        const { password: _omit, ...after } = input;
        await writeAudit(q, ctx, { action: 'user.create', entityType: 'user', entityId: id, after });
        return { id };
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict(`用户名 ${input.username} 已存在`, 'duplicate_username');
        throw e;
      }
    });
  }

  async update(ctx: AuthedContext, id: number, input: UserInput & { active: boolean }) {
    await this.checkAssignment(ctx, input);
    return this.db.tx(async (q) => {
      const before = await this.inScope(q, ctx, id);
      if (id === ctx.user.id && (!input.active || input.role !== ctx.user.role)) throw badRequest('不能停用自己的账号或修改自己的角色');
      await repo.updateUser(q, id, {
        displayName: input.displayName, role: input.role, areaCode: input.areaCode,
        departmentCode: input.role === 'department_user' ? (input.departmentCode ?? null) : null, phone: input.phone ?? null, active: input.active,
      });
      if (!input.active) await repo.deleteSessionsOf(q, id);
      await writeAudit(q, ctx, { action: 'user.update', entityType: 'user', entityId: id, before, after: input });
    });
  }

  async resetPassword(ctx: AuthedContext, id: number, password: string) {
    if (!isStrongEnough(password)) throw badRequest(PASSWORD_RULE.message, [{ field: 'password', message: PASSWORD_RULE.message }]);
    const passwordHash = await hashPassword(password);
    await this.db.tx(async (q) => {
      await this.inScope(q, ctx, id);
      await repo.setPassword(q, id, passwordHash);
      await repo.deleteSessionsOf(q, id);
      await writeAudit(q, ctx, { action: 'user.reset_password', entityType: 'user', entityId: id });
    });
  }

  private async inScope(q: Db | Parameters<Parameters<Db['tx']>[0]>[0], ctx: AuthedContext, id: number) {
    const row = await repo.findUserById(q, id);
    if (!row || !isWithinArea(row.area_code, ctx.user.areaCode)) throw notFound('用户不存在或不在您的管辖范围内');
    const { password_hash: _hash, failed_logins: _f, locked_until: _l, ...visible } = row;
    return camelRow(visible);
  }

  /** Role, area level and department must fit together, inside the admin's own area. */
  private async checkAssignment(ctx: AuthedContext, input: UserInput) {
    const area = await findArea(this.db, input.areaCode);
    if (!area) throw badRequest(`区域代码 ${input.areaCode} 不存在`, [{ field: 'areaCode', message: '区域不存在' }]);
    if (!isWithinArea(input.areaCode, ctx.user.areaCode)) throw badRequest('区域不在您的管辖范围内', [{ field: 'areaCode', message: '区域不在您的管辖范围内' }]);
    const need = ROLE_AREA_LEVEL[input.role];
    if (areaLevel(input.areaCode) !== need) {
      const label = { county: '县', township: '乡镇', village: '村' }[need];
      throw badRequest(`该角色须分配到${label}级区域`, [{ field: 'areaCode', message: `该角色须分配到${label}级区域` }]);
    }
    if (input.role === 'department_user') {
      if (!input.departmentCode) throw badRequest('部门用户必须选择所属部门', [{ field: 'departmentCode', message: '请选择所属部门' }]);
      if (!(await repo.departmentExists(this.db, input.departmentCode))) throw badRequest('部门不存在', [{ field: 'departmentCode', message: '部门不存在' }]);
    }
  }
}
