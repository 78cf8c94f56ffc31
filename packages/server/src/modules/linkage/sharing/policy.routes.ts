/** Policy library routes (政策共享): everyone reads; the county office manages; departments record receipts. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../../services.js';
import { authed } from '../../../http/guard.js';
import { idParam } from '../linkage.fields.js';
import { digestQuery, digestView, policyInput, policyListQuery, policyView, receiptsView, updatePolicyBody } from './policy.schemas.js';

export const policyRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['政策共享'];
  const policies = s.linkage.sharing.policies;

  app.get('/api/policies', {
    config: { access: ['read', 'policy_doc'] },
    schema: { tags, summary: '政策库（按层级、标签、关键词、入库月份筛选）', querystring: policyListQuery,
      response: { 200: z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(policyView) }) } },
  }, async (req) => policies.list(authed(req), req.query));

  app.post('/api/policies', {
    config: { access: ['manage', 'policy_doc'] },
    schema: { tags, summary: '新增政策（暂不支持上传附件，可填写原文链接和附件名称）', body: policyInput, response: { 201: z.object({ policy: policyView }) } },
  }, async (req, reply) => reply.code(201).send(await policies.create(authed(req), req.body)));

  app.get('/api/policies/digest', {
    config: { access: ['read', 'policy_doc'] },
    schema: { tags, summary: '政策月报：当月入库政策按层级汇总及各部门已阅数', querystring: digestQuery, response: { 200: digestView } },
  }, async (req) => policies.digest(req.query.month));

  app.get('/api/policies/:id', {
    config: { access: ['read', 'policy_doc'] },
    schema: { tags, summary: '政策详情', params: idParam, response: { 200: z.object({ policy: policyView }) } },
  }, async (req) => policies.get(authed(req), req.params.id));

  app.put('/api/policies/:id', {
    config: { access: ['manage', 'policy_doc'] },
    schema: { tags, summary: '修改政策', params: idParam, body: updatePolicyBody, response: { 200: z.object({ policy: policyView }) } },
  }, async (req) => {
    const { version, ...input } = req.body;
    return policies.update(authed(req), req.params.id, input, version);
  });

  app.post('/api/policies/:id/read', {
    config: { access: ['read', 'policy_doc'] },
    schema: { tags, summary: '登记本部门已阅（仅行业部门用户；重复登记不改变首次已阅时间）', params: idParam,
      response: { 200: z.object({ policyId: z.number(), departmentCode: z.string(), readAt: z.string(), alreadyRead: z.boolean() }) } },
  }, async (req) => policies.markRead(authed(req), req.params.id));

  app.get('/api/policies/:id/receipts', {
    config: { access: ['manage', 'policy_doc'] },
    schema: { tags, summary: '各部门已阅情况', params: idParam, response: { 200: receiptsView } },
  }, async (req) => policies.receipts(req.params.id));
};
