/** The one place routes ask "may this user do this": authentication, then the declared policy table. */
import type { FastifyRequest } from 'fastify';
import { can, type Action, type Resource } from '@shouwang/domain';
import type { AuthedContext, RequestContext } from './context.js';
import { forbidden, unauthorized } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

export function authenticated(req: FastifyRequest): AuthedContext {
  if (!req.ctx.user) throw unauthorized();
  return req.ctx as AuthedContext;
}

export function authorize(req: FastifyRequest, action: Action, resource: Resource): AuthedContext {
  const ctx = authenticated(req);
  if (!can(ctx.user.role, action, resource)) throw forbidden();
  return ctx;
}
