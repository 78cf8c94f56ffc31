import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ROLE_LABELS, permissionsOf } from '@shouwang/domain';
import type { Services } from '../../services.js';
import { authed } from '../../http/guard.js';
import type { AuthUser } from '../../http/context.js';
import { SESSION_COOKIE } from '../../http/session.plugin.js';
import { todayOf } from '../../clock.js';

export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  departmentCode: z.string().nullable(),
  departmentName: z.string().nullable(),
  permissions: z.array(z.string()),
  /** The server's business date (China Standard Time; follows SHOUWANG_TODAY), for the web's date defaults. */
  today: z.string(),
});

export const authRoutes = (s: Services, opts: { cookieSecure: boolean }): FastifyPluginAsyncZod => async (app) => {
  const describe = async (user: AuthUser) => {
    const names = await s.users.names(user.areaCode, user.departmentCode);
    return { ...user, roleLabel: ROLE_LABELS[user.role], areaName: names.areaName, departmentName: names.departmentName, permissions: permissionsOf(user.role), today: todayOf(s.clock) };
  };

  app.post('/api/auth/login', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: '登录',
      security: [],
      body: z.object({ username: z.string().trim().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(200) }),
      response: { 200: z.object({ user: meSchema }) },
    },
  }, async (req, reply) => {
    const { token, user, expiresAt } = await s.auth.login(req.body.username, req.body.password, req.ctx.clientIp);
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: opts.cookieSecure, expires: expiresAt });
    return { user: await describe(user) };
  });

  app.post('/api/auth/logout', { config: { access: 'public' }, schema: { tags: ['auth'], summary: '退出登录', security: [] } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await s.auth.logout(token, req.ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/auth/me', { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: '当前用户', response: { 200: z.object({ user: meSchema }) } } }, async (req) => {
    const ctx = authed(req);
    return { user: await describe(ctx.user) };
  });
};
