/** Registry routes: parse → authorize → service → present. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { authed } from '../../http/guard.js';
import { createHouseholdBody, idParam, incomeInput, listQuery, personInput, updateHouseholdBody } from './registry.schemas.js';

const householdRow = z.object({
  id: z.number(),
  householdNo: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  townshipName: z.string(),
  headName: z.string().nullable(),
  headIdNumber: z.string().nullable(),
  phone: z.string().nullable(),
  memberCount: z.number(),
  householdType: z.string(),
  monitorCategory: z.string().nullable(),
  riskTypes: z.array(z.string()),
  riskEliminated: z.boolean(),
  perCapitaNetIncome: z.number().nullable(),
  incomeYear: z.number().nullable(),
});
const record = z.record(z.string(), z.unknown());

export const registryRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['registry'];

  app.get('/api/households', {
    config: { access: ['read', 'household'] }, schema: { tags, summary: '农户列表（按区域、类别筛选，分页）', querystring: listQuery,
      response: { 200: z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(householdRow) }) } },
  }, async (req) => s.registry.list(authed(req), req.query));

  app.post('/api/households', {
    config: { access: ['create', 'household'] }, schema: { tags, summary: '新增农户（含家庭成员）', body: createHouseholdBody, response: { 201: z.object({ id: z.number(), householdNo: z.string() }) } },
  }, async (req, reply) => reply.code(201).send(await s.registry.create(authed(req), req.body)));

  app.get('/api/households/:id', {
    config: { access: ['read', 'household'] }, schema: { tags, summary: '农户详情（脱敏）', params: idParam,
      response: { 200: z.object({ household: record, members: z.array(record), incomes: z.array(record), canReveal: z.boolean() }) } },
  }, async (req) => s.registry.get(authed(req), req.params.id));

  app.put('/api/households/:id', {
    config: { access: ['update', 'household'] }, schema: { tags, summary: '修改农户信息', params: idParam, body: updateHouseholdBody, response: { 200: z.object({ household: record }) } },
  }, async (req) => s.registry.update(authed(req), req.params.id, req.body.household, req.body.version));

  app.get('/api/households/:id/history', {
    config: { access: ['read', 'household'] }, schema: { tags, summary: '农户变更历史', params: idParam, response: { 200: z.object({ items: z.array(record) }) } },
  }, async (req) => s.registry.history(authed(req), req.params.id));

  app.post('/api/households/:id/members', {
    config: { access: ['update', 'household'] }, schema: { tags, summary: '添加家庭成员', params: idParam, body: personInput, response: { 201: z.object({ id: z.number() }) } },
  }, async (req, reply) => reply.code(201).send(await s.registry.addMember(authed(req), req.params.id, req.body)));

  app.put('/api/persons/:id', {
    config: { access: ['update', 'household'] }, schema: { tags, summary: '修改家庭成员', params: idParam, body: personInput, response: { 200: z.object({ person: record }) } },
  }, async (req) => s.registry.updateMember(authed(req), req.params.id, req.body));

  app.delete('/api/persons/:id', {
    config: { access: ['update', 'household'] }, schema: { tags, summary: '删除家庭成员', params: idParam },
  }, async (req, reply) => {
    await s.registry.removeMember(authed(req), req.params.id);
    return reply.code(204).send();
  });

  app.put('/api/households/:id/incomes/:year', {
    config: { access: ['update', 'household'] }, schema: { tags, summary: '录入年度收支（人均纯收入由系统计算）',
      params: z.object({ id: z.coerce.number().int().positive(), year: z.coerce.number().int().min(2013, '年度无效').max(2100, '年度无效') }),
      body: incomeInput, response: { 200: z.object({ income: record }) } },
  }, async (req) => s.registry.setIncome(authed(req), req.params.id, req.params.year, req.body));

  app.post('/api/persons/:id/reveal', {
    config: { access: ['reveal', 'person_identity'] }, schema: { tags, summary: '查看完整证件号码（记入审计日志）', params: idParam, response: { 200: z.object({ idNumber: z.string() }) } },
  }, async (req) => s.registry.revealPerson(authed(req), req.params.id));

  app.post('/api/households/:id/reveal', {
    config: { access: ['reveal', 'person_identity'] }, schema: { tags, summary: '查看完整联系电话（记入审计日志）', params: idParam, response: { 200: z.object({ phone: z.string().nullable() }) } },
  }, async (req) => s.registry.revealHouseholdPhone(authed(req), req.params.id));
};
