/**
 * Declared access, checked in one place. Every API route states in its config who may call it:
 * `access: 'public'`, `access: 'authenticated'`, or `access: [action, resource]` from the policy table.
 * The check runs before body validation, so an unauthenticated or forbidden caller learns nothing from
 * validation messages. A route that declares nothing fails the boot (fail closed).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Action, type Resource } from '@shouwang/domain';
import type { AuthedContext, RequestContext } from './context.js';
import { forbidden, unauthorized } from './errors.js';

export type Access = 'public' | 'authenticated' | readonly [Action, Resource];

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export function installAccessControl(app: FastifyInstance): void {
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/') || r.url.startsWith('/api/docs')) return;
    if (!(r.config as { access?: Access } | undefined)?.access) throw new Error(`route ${[r.method].flat().join(',')} ${r.url} declares no access`);
  });
  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || access === 'public') return;
    if (!req.ctx.user) throw unauthorized();
    if (access !== 'authenticated' && !can(req.ctx.user.role, access[0], access[1])) throw forbidden();
  });
}

/** The caller of a route whose access is not public (the hook has already checked it). */
export function authed(req: FastifyRequest): AuthedContext {
  if (!req.ctx.user) throw unauthorized();
  return req.ctx as AuthedContext;
}
