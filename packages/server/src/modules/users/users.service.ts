/** User administration: create, edit, deactivate, reset password. Admins manage users within their own area. */
import { ROLE_AREA_LEVEL, areaLevel, isWithinArea, type Role } from '@shouwang/domain';
import type { Db } from '../../db/db.js';
import { SqlParams, escapeLike } from '../../db/sql-params.js';
import { camelRow } from '../../db/case.js';
import { isUniqueViolation } from '../../db/db-error.js';
import type { AuthedContext } from '../../http/context.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { writeAudit } from '../audit/audit.writer.js';
import { findArea } from '../areas/area.repository.js';
import { hashPassword, isStrongEnough, PASSWORD_RULE } from '../auth/password.js';

export interface UserInput {
  displayName: string;
  role: Role;
  areaCode: string;
  departmentCode?: string | null;
  phone?: string | null;
}

const PUBLIC_COLUMNS = `u.id, u.username, u.display_name, u.role, u.area_code, a.name AS area_name, u.department_code,
  d.name AS department_name, u.phone, u.active, u.locked_until, u.created_at`;

export class UsersService {
  constructor(private readonly db: Db) {}

  async names(areaCode: string, departmentCode: string | null) {
    const rows = await this.db.query<{ area_name: string; department_name: string | null }>(
      'SELECT a.name AS area_name, (SELECT name FROM department WHERE code = $2) AS department_name FROM area a WHERE a.code = $1',
      [areaCode, departmentCode],
    );
    return { areaName: rows[0]?.area_name ?? areaCode, departmentName: rows[0]?.department_name ?? null };
  }

  async list(ctx: AuthedContext, f: { q?: string; role?: string; page: number; pageSize: number }) {
    const p = new SqlParams();
    const where = [`u.area_code >= ${p.add(ctx.user.areaCode)} AND u.area_code < ${p.add(ctx.user.areaCode + ':')}`];
    if (f.q) where.push(`(u.username LIKE ${p.add(escapeLike(f.q) + '%')} ESCAPE '\\' OR u.display_name LIKE ${p.add('%' + escapeLike(f.q) + '%')} ESCAPE '\\')`);
    if (f.role) where.push(`u.role = ${p.add(f.role)}`);
    const w = where.join(' AND ');
    const [{ total }] = (await this.db.query<{ total: number }>(`SELECT count(*) AS total FROM user_account u WHERE ${w}`, p.values)) as [{ total: number }];
    const rows = await this.db.query(
      `SELECT ${PUBLIC_COLUMNS} FROM user_account u JOIN area a ON a.code = u.area_code LEFT JOIN department d ON d.code = u.department_code
        WHERE ${w} ORDER BY u.area_code, u.role, u.username LIMIT ${p.add(f.pageSize)} OFFSET ${p.add((f.page - 1) * f.pageSize)}`,
      p.values,
    );
    return { total: Number(total), items: rows.map((r) => ({ ...camelRow<Record<string, unknown>>(r), id: Number(r.id) })) };
  }

  async create(ctx: AuthedContext, input: UserInput & { username: string; password: string }) {
    await this.checkAssignment(ctx, input);
    if (!isStrongEnough(input.password)) throw badRequest(PASSWORD_RULE.message, [{ field: 'password', message: PASSWORD_RULE.message }]);
    const passwordHash = await hashPassword(input.password);
    return this.db.tx(async (q) => {
      try {
        const row = (await q.query(
          `INSERT INTO user_account (username, display_name, password_hash, role, area_code, department_code, phone)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [input.username, input.displayName, passwordHash, input.role, input.areaCode, input.role === 'department_user' ? input.departmentCode : null, input.phone ?? null],
        ))[0]!;
        const { password: _omit, ...after } = input;
        await writeAudit(q, ctx, { action: 'user.create', entityType: 'user', entityId: row.id, after });
        return { id: Number(row.id) };
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
      await q.query(
        `UPDATE user_account SET display_name = $2, role = $3, area_code = $4, department_code = $5, phone = $6, active = $7, updated_at = now() WHERE id = $1`,
        [id, input.displayName, input.role, input.areaCode, input.role === 'department_user' ? input.departmentCode : null, input.phone ?? null, input.active],
      );
      if (!input.active) await q.query('DELETE FROM user_session WHERE user_id = $1', [id]);
      await writeAudit(q, ctx, { action: 'user.update', entityType: 'user', entityId: id, before, after: input });
    });
  }

  async resetPassword(ctx: AuthedContext, id: number, password: string) {
    if (!isStrongEnough(password)) throw badRequest(PASSWORD_RULE.message, [{ field: 'password', message: PASSWORD_RULE.message }]);
    const passwordHash = await hashPassword(password);
    await this.db.tx(async (q) => {
      await this.inScope(q, ctx, id);
      await q.query('UPDATE user_account SET password_hash = $2, failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = $1', [id, passwordHash]);
      await q.query('DELETE FROM user_session WHERE user_id = $1', [id]);
      await writeAudit(q, ctx, { action: 'user.reset_password', entityType: 'user', entityId: id });
    });
  }

  private async inScope(q: Db | Parameters<Parameters<Db['tx']>[0]>[0], ctx: AuthedContext, id: number) {
    const row = (await q.query('SELECT id, username, display_name, role, area_code, department_code, phone, active FROM user_account WHERE id = $1', [id]))[0];
    if (!row || !isWithinArea(row.area_code, ctx.user.areaCode)) throw notFound('用户不存在或不在您的管辖范围内');
    return camelRow(row);
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
      const d = await this.db.query('SELECT 1 FROM department WHERE code = $1', [input.departmentCode]);
      if (!d.length) throw badRequest('部门不存在', [{ field: 'departmentCode', message: '部门不存在' }]);
    }
  }
}
