/** Builds `req.ctx` for every request: the session cookie's user (or null) and the client address. */
import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../modules/auth/auth.service.js';

export const SESSION_COOKIE = 'sw_session';

export const sessionPlugin = (auth: AuthService): FastifyPluginAsync =>
  fp(async (app) => {
    app.decorateRequest('ctx', null as never);
    app.addHook('onRequest', async (req) => {
      const token = req.cookies[SESSION_COOKIE];
      const user = token && req.url.startsWith('/api/') ? await auth.userForToken(token) : null;
      req.ctx = { user, clientIp: req.ip };
    });
  });
