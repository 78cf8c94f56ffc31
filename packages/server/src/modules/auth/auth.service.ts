/** Login, logout and session lookup. Sessions live in the database; the cookie carries a random token whose sha256 is the key. */
import { createHash, randomBytes } from 'node:crypto';
import { decideLogin, type Role } from '@shouwang/domain';
import type { Db } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import type { AuthUser, RequestContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { writeAudit } from '../audit/audit.writer.js';
import { dummyHash, verifyPassword } from './password.js';
import * as users from '../users/user.repository.js';
import type { UserRow } from '../users/user.repository.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export const toAuthUser = (r: Pick<UserRow, 'id' | 'username' | 'display_name' | 'role' | 'area_code' | 'department_code'>): AuthUser => ({
  id: Number(r.id),
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  areaCode: r.area_code,
  departmentCode: r.department_code,
});

const fmt = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly sessionTtlHours: number,
  ) {}

  async login(username: string, password: string, clientIp: string): Promise<{ token: string; user: AuthUser; expiresAt: Date }> {
    const now = this.clock();
    const row = await users.findUserByName(this.db, username);
    if (!row || !row.active) {
      await verifyPassword(await dummyHash(), password);
      throw new AppError(401, 'invalid_credentials', '用户名或密码错误');
    }
    const lockedUntil = row.locked_until ? new Date(row.locked_until) : null;
    const passwordOk = lockedUntil && lockedUntil > now ? false : await verifyPassword(row.password_hash, password);
    const outcome = decideLogin({ failedLogins: row.failed_logins, lockedUntil }, passwordOk, now);
    const ctx: RequestContext = { user: toAuthUser(row), clientIp };
    // The attempt is recorded (and committed) whatever its outcome; the refusal is thrown afterwards.
    const session = await this.db.tx(async (q) => {
      await users.recordLoginAttempt(q, row.id, outcome.next.failedLogins, outcome.next.lockedUntil);
      if (outcome.kind === 'now_locked') await writeAudit(q, ctx, { action: 'auth.locked', entityType: 'user', entityId: row.id, after: { lockedUntil: outcome.until } });
      if (outcome.kind === 'wrong_password') await writeAudit(q, ctx, { action: 'auth.login_failed', entityType: 'user', entityId: row.id });
      if (outcome.kind !== 'ok') return null;
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + this.sessionTtlHours * 3600_000);
      await users.insertSession(q, { idHash: sha256(token), userId: row.id, createdAt: now, expiresAt, clientIp });
      await writeAudit(q, ctx, { action: 'auth.login', entityType: 'user', entityId: row.id });
      return { token, user: toAuthUser(row), expiresAt };
    });
    switch (outcome.kind) {
      case 'locked':
        throw new AppError(423, 'account_locked', `账号已被锁定，请于 ${fmt(outcome.until)} 后再试，或联系管理员重置密码`);
      case 'now_locked':
        throw new AppError(423, 'account_locked', `密码连续错误5次，账号已锁定15分钟（至 ${fmt(outcome.until)}）`);
      case 'wrong_password':
        throw new AppError(401, 'invalid_credentials', `用户名或密码错误，再错 ${outcome.remaining} 次将锁定账号`);
    }
    return session!;
  }

  async logout(token: string, ctx: RequestContext): Promise<void> {
    await this.db.tx(async (q) => {
      await users.deleteSession(q, sha256(token));
      if (ctx.user) await writeAudit(q, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.user.id });
    });
  }

  /** The user behind a session token, or null when unknown, expired or deactivated. */
  async userForToken(token: string): Promise<AuthUser | null> {
    const row = await users.userForSession(this.db, sha256(token), this.clock());
    return row ? toAuthUser(row) : null;
  }
}
