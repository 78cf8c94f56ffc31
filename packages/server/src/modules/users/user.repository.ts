/** Accounts and sessions SQL (user_account, user_session), used by the auth and user-administration services. */
import type { Role } from '@shouwang/domain';
import { areaRange } from '@shouwang/domain';
import type { Queryable } from '../../db/db.js';
import { SqlParams, escapeLike } from '../../db/sql-params.js';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  area_code: string;
  department_code: string | null;
  phone: string | null;
  active: boolean;
  failed_logins: number;
  locked_until: Date | null;
}

export const findUserByName = async (q: Queryable, username: string) =>
  (await q.query<UserRow>('SELECT * FROM user_account WHERE username = $1', [username]))[0] ?? null;

export const findUserById = async (q: Queryable, id: number) =>
  (await q.query<UserRow>('SELECT * FROM user_account WHERE id = $1', [id]))[0] ?? null;

export const recordLoginAttempt = (q: Queryable, id: number, failedLogins: number, lockedUntil: Date | null) =>
  q.query('UPDATE user_account SET failed_logins = $2, locked_until = $3 WHERE id = $1', [id, failedLogins, lockedUntil]);

export const insertSession = (q: Queryable, s: { idHash: string; userId: number; createdAt: Date; expiresAt: Date; clientIp: string }) =>
  q.query('INSERT INTO user_session (id, user_id, created_at, expires_at, client_ip) VALUES ($1, $2, $3, $4, $5)', [s.idHash, s.userId, s.createdAt, s.expiresAt, s.clientIp]);

export const deleteSession = (q: Queryable, idHash: string) => q.query('DELETE FROM user_session WHERE id = $1', [idHash]);

export const deleteSessionsOf = (q: Queryable, userId: number) => q.query('DELETE FROM user_session WHERE user_id = $1', [userId]);

/** The active user behind a live session. */
export const userForSession = async (q: Queryable, idHash: string, now: Date) =>
  (await q.query<UserRow>(
    `SELECT u.* FROM user_session s JOIN user_account u ON u.id = s.user_id WHERE s.id = $1 AND s.expires_at > $2 AND u.active`,
    [idHash, now],
  ))[0] ?? null;

export async function areaAndDepartmentNames(q: Queryable, areaCode: string, departmentCode: string | null) {
  const rows = await q.query<{ area_name: string; department_name: string | null }>(
    'SELECT a.name AS area_name, (SELECT name FROM department WHERE code = $2) AS department_name FROM area a WHERE a.code = $1',
    [areaCode, departmentCode],
  );
  return rows[0] ?? null;
}

const PUBLIC_COLUMNS = `u.id, u.username, u.display_name, u.role, u.area_code, a.name AS area_name, u.department_code,
  d.name AS department_name, u.phone, u.active, u.locked_until, u.created_at`;

export async function listUsers(q: Queryable, scopeArea: string, f: { q?: string; role?: string; page: number; pageSize: number }) {
  const p = new SqlParams();
  const { from, to } = areaRange(scopeArea);
  const where = [`u.area_code >= ${p.add(from)} AND u.area_code < ${p.add(to)}`];
  if (f.q) where.push(`(u.username LIKE ${p.add(escapeLike(f.q) + '%')} ESCAPE '\\' OR u.display_name LIKE ${p.add('%' + escapeLike(f.q) + '%')} ESCAPE '\\')`);
  if (f.role) where.push(`u.role = ${p.add(f.role)}`);
  const w = where.join(' AND ');
  const [{ total }] = (await q.query<{ total: number }>(`SELECT count(*) AS total FROM user_account u WHERE ${w}`, p.values)) as [{ total: number }];
  const rows = await q.query(
    `SELECT ${PUBLIC_COLUMNS} FROM user_account u JOIN area a ON a.code = u.area_code LEFT JOIN department d ON d.code = u.department_code
      WHERE ${w} ORDER BY u.area_code, u.role, u.username LIMIT ${p.add(f.pageSize)} OFFSET ${p.add((f.page - 1) * f.pageSize)}`,
    p.values,
  );
  return { total: Number(total), rows };
}

export async function insertUser(q: Queryable, u: { username: string; displayName: string; passwordHash: string; role: Role; areaCode: string; departmentCode: string | null; phone: string | null }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO user_account (username, display_name, password_hash, role, area_code, department_code, phone)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [u.username, u.displayName, u.passwordHash, u.role, u.areaCode, u.departmentCode, u.phone],
  );
  return Number(row!.id);
}

export const updateUser = (q: Queryable, id: number, u: { displayName: string; role: Role; areaCode: string; departmentCode: string | null; phone: string | null; active: boolean }) =>
  q.query(
    `UPDATE user_account SET display_name = $2, role = $3, area_code = $4, department_code = $5, phone = $6, active = $7, updated_at = now() WHERE id = $1`,
    [id, u.displayName, u.role, u.areaCode, u.departmentCode, u.phone, u.active],
  );

export const setPassword = (q: Queryable, id: number, passwordHash: string) =>
  q.query('UPDATE user_account SET password_hash = $2, failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = $1', [id, passwordHash]);

export const departmentExists = async (q: Queryable, code: string) => (await q.query('SELECT 1 FROM department WHERE code = $1', [code])).length > 0;
