import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { searchAudit } from './audit.repository.js';

export const auditQuery = z.object({
  username: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  entityType: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true, error: '开始时间格式无效' }).optional(),
  to: z.iso.datetime({ offset: true, error: '结束时间格式无效' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** Audit log search (read-only; the table itself refuses updates and deletes). */
export const auditRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/audit', {
    config: { access: ['read', 'audit_log'] }, schema: { tags: ['audit'], summary: '审计日志查询', querystring: auditQuery,
      response: { 200: z.object({ total: z.number(), items: z.array(z.record(z.string(), z.unknown())) }) } },
  }, async (req) => searchAudit(s.db, req.query));
};
