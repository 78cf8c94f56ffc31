import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ROLES } from '@shouwang/domain';
import type { Services } from '../../services.js';
import { authed } from '../../http/guard.js';
import { idParam } from '../registry/registry.schemas.js';

const userFields = z.object({
  displayName: z.string().trim().min(1, '请填写姓名').max(64),
  role: z.enum(ROLES, { error: '角色无效' }),
  areaCode: z.string().regex(/^\d{6}(\d{3}){0,2}$/, '区域代码应为6/9/12位'),
  departmentCode: z.string().nullable().optional(),
  phone: z.string().trim().regex(/^1\d{10}$/, '手机号应为11位').nullable().optional(),
});

export const usersRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['users'];
  app.get('/api/users', {
    config: { access: ['manage', 'user'] }, schema: { tags, summary: '用户列表', querystring: z.object({
      q: z.string().trim().max(64).optional(), role: z.enum(ROLES).optional(),
      page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) }),
      response: { 200: z.object({ total: z.number(), items: z.array(z.record(z.string(), z.unknown())) }) } },
  }, async (req) => s.users.list(authed(req), req.query));

  app.post('/api/users', {
    config: { access: ['manage', 'user'] }, schema: { tags, summary: '新建用户', body: userFields.extend({
      username: z.string().trim().regex(/^[a-zA-Z0-9_.-]{3,64}$/, '用户名为3-64位字母、数字、下划线'),
      password: z.string().max(200) }), response: { 201: z.object({ id: z.number() }) } },
  }, async (req, reply) => reply.code(201).send(await s.users.create(authed(req), req.body)));

  app.put('/api/users/:id', {
    config: { access: ['manage', 'user'] }, schema: { tags, summary: '修改用户（含停用）', params: idParam, body: userFields.extend({ active: z.boolean() }) },
  }, async (req) => {
    await s.users.update(authed(req), req.params.id, req.body);
    return { ok: true };
  });

  app.post('/api/users/:id/reset-password', {
    config: { access: ['manage', 'user'] }, schema: { tags, summary: '重置密码（同时解除锁定）', params: idParam, body: z.object({ password: z.string().max(200) }) },
  }, async (req, reply) => {
    await s.users.resetPassword(authed(req), req.params.id, req.body.password);
    return reply.code(204).send();
  });
};
