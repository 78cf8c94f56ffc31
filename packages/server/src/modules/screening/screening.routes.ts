/** Village screening routes: rounds, campaign creation, coverage, the village's visit list, visit results. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { authed } from '../../http/guard.js';

const idParam = z.object({ id: z.coerce.number({ error: '编号无效' }).int('编号无效').positive('编号无效') });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const round = z.object({
  id: z.number(), kind: z.enum(['monthly', 'campaign']), kindLabel: z.string(), countyCode: z.string(), name: z.string(), month: z.string().nullable(),
  startsOn: z.string(), endsOn: z.string(), note: z.string().nullable(), phase: z.enum(['upcoming', 'open', 'finished']), phaseLabel: z.string(), createdBy: z.string().nullable(),
});
const coverage = z.object({ planned: z.number(), visited: z.number(), ratio: z.number(), percent: z.number(), riskFound: z.number() });
const visit = z.object({
  id: z.number(), result: z.enum(['no_risk', 'risk_found']), resultLabel: z.string(), riskTypes: z.array(z.string()), riskTypeLabels: z.array(z.string()),
  note: z.string().nullable(), visitedOn: z.string(), visitedBy: z.string().nullable(), warningId: z.number().nullable(),
});

export const screeningRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['screening'];
  const svc = s.screening.rounds;

  app.get('/api/screening/rounds', {
    config: { access: ['read', 'screening'] },
    schema: { tags, summary: '排查轮次（村级月排查自动生成、集中排查）及本年集中排查次数', querystring: z.object({ year: z.coerce.number().int().min(2015, '年度无效').max(2100, '年度无效').optional() }),
      response: { 200: z.object({
        year: z.number(),
        campaigns: z.object({ year: z.number(), count: z.number(), required: z.number(), met: z.boolean(), message: z.string() }),
        items: z.array(round.extend({ visited: z.number() })),
      }) } },
  }, async (req) => svc.listRounds(authed(req), req.query.year));

  app.post('/api/screening/rounds', {
    config: { access: ['manage', 'screening'] },
    schema: { tags, summary: '新建集中排查（县级办公室）', body: z.object({ name: z.string().max(200), startsOn: date, endsOn: date, note: z.string().max(500, '说明不能超过500字').nullish() }), response: { 201: round } },
  }, async (req, reply) => reply.code(201).send(await svc.createCampaign(authed(req), req.body)));

  app.get('/api/screening/rounds/:id', {
    config: { access: ['read', 'screening'] },
    schema: { tags, summary: '排查轮次详情', params: idParam, response: { 200: round } },
  }, async (req) => svc.getRound(authed(req), req.params.id));

  app.get('/api/screening/coverage', {
    config: { access: ['read', 'screening'] },
    schema: { tags, summary: '排查覆盖率（已走访 ÷ 应走访）：县→乡镇，乡镇→村',
      querystring: z.object({ roundId: z.coerce.number({ error: '请选择排查轮次' }).int().positive('请选择排查轮次'), area: z.string().regex(/^\d{2,12}$/, '区域代码无效').optional() }),
      response: { 200: z.object({ round, area: z.object({ code: z.string(), name: z.string(), level: z.string() }), total: coverage, rows: z.array(coverage.extend({ code: z.string(), name: z.string(), level: z.string() })) }) } },
  }, async (req) => svc.coverage(authed(req), req.query.roundId, req.query.area));

  app.get('/api/screening/rounds/:id/households', {
    config: { access: ['read', 'screening'] },
    schema: { tags, summary: '本村应走访农户名单及走访结果', params: idParam,
      querystring: z.object({
        village: z.string().regex(/^\d{12}$/, '请选择一个村').optional(),
        status: z.enum(['pending', 'visited'], { error: '状态无效' }).optional(),
        q: z.string().trim().max(64).optional(),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: { 200: z.object({
        round, village: z.object({ code: z.string(), name: z.string() }), total: z.number(), page: z.number(), pageSize: z.number(),
        items: z.array(z.object({ id: z.number(), householdNo: z.string(), headName: z.string().nullable(), householdType: z.string(), monitorCategory: z.string().nullable(), hasOpenWarning: z.boolean(), visit: visit.nullable() })),
      }) } },
  }, async (req) => svc.households(authed(req), req.params.id, req.query));

  app.post('/api/screening/rounds/:id/visits', {
    config: { access: ['update', 'screening'] },
    schema: { tags, summary: '记录走访结果（发现风险即生成预警线索）', params: idParam,
      body: z.object({
        householdId: z.number({ error: '请选择农户' }).int().positive('请选择农户'),
        result: z.enum(['no_risk', 'risk_found'], { error: '请选择走访结果' }),
        riskTypes: z.array(z.string().max(32)).max(15).default([]),
        note: z.string().max(2000).nullish(),
      }),
      response: { 201: z.object({ id: z.number(), warningId: z.number().nullable() }) } },
  }, async (req, reply) => reply.code(201).send(await svc.recordVisit(authed(req), req.params.id, req.body)));
};
