/** Routes: linkage settings, 资料报送 requests, 每月核查 rounds and findings, manual score items. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SCORE_ITEMS } from '@shouwang/domain';
import type { Services } from '../../../services.js';
import { authed } from '../../../http/guard.js';
import {
  decisionBody, findingBody, idParam, manualItemBody, manualItemQuery, record, settingsBody, settingsShape, submissionRequestBody,
  sampleMember, submitBody, verificationRoundBody, yearQuery,
} from './scoring.schemas.js';

export const scoringRecordsRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const svc = s.linkage.scoring;
  const tags = ['5+2 评分'];

  app.get('/api/linkage/settings', {
    config: { access: ['read', 'score'] }, schema: { tags, summary: '联动机制设置（自查截止日、延伸评价权重、通报阈值）', response: { 200: settingsShape } },
  }, async () => svc.settings.get());

  app.put('/api/linkage/settings', {
    config: { access: ['manage', 'score'] }, schema: { tags, summary: '修改联动机制设置', body: settingsBody, response: { 200: settingsShape } },
  }, async (req) => svc.settings.update(authed(req), req.body));

  app.get('/api/submission-requests', {
    config: { access: ['read', 'score'] }, schema: { tags, summary: '资料报送事项（部门用户只看本部门）', querystring: yearQuery, response: { 200: z.object({ items: z.array(record) }) } },
  }, async (req) => svc.submissions.list(authed(req), req.query));

  app.post('/api/submission-requests', {
    config: { access: ['manage', 'score'] }, schema: { tags, summary: '发起资料报送', body: submissionRequestBody, response: { 201: z.object({ id: z.number() }) } },
  }, async (req, reply) => reply.code(201).send(await svc.submissions.create(authed(req), req.body)));

  app.post('/api/submission-requests/:id/submit', {
    config: { access: ['submit', 'self_check'] }, schema: { tags, summary: '部门报送资料（本部门）', params: idParam, body: submitBody, response: { 200: z.object({ submission: record }) } },
  }, async (req) => svc.submissions.submit(authed(req), req.params.id, req.body?.note ?? null));

  app.get('/api/verification-rounds', {
    config: { access: ['read', 'verification'] }, schema: { tags, summary: '核查轮次', response: { 200: z.object({ items: z.array(record) }) } },
  }, async () => svc.verification.list());

  app.post('/api/verification-rounds', {
    config: { access: ['manage', 'verification'] }, schema: { tags, summary: '发起月度核查（按随机种子抽取样本）', body: verificationRoundBody,
      response: { 201: z.object({ id: z.number(), seed: z.string(), sample: z.array(sampleMember) }) } },
  }, async (req, reply) => reply.code(201).send(await svc.verification.create(authed(req), req.body)));

  app.get('/api/verification-rounds/:id', {
    config: { access: ['read', 'verification'] }, schema: { tags, summary: '核查轮次详情（样本与核查结果）', params: idParam,
      response: { 200: z.object({ round: record, sample: z.array(record), findings: z.array(record) }) } },
  }, async (req) => svc.verification.get(req.params.id));

  app.post('/api/verification-rounds/:id/findings', {
    config: { access: ['manage', 'verification'] }, schema: { tags, summary: '登记核查结果', params: idParam, body: findingBody, response: { 201: z.object({ finding: record }) } },
  }, async (req, reply) => reply.code(201).send(await svc.verification.addFinding(authed(req), req.params.id, req.body)));

  app.get('/api/linkage/score-items', {
    config: { access: ['read', 'score'] }, schema: { tags, summary: '奖优惩后评分细则（评分项目目录）',
      response: { 200: z.object({ items: z.array(z.object({ code: z.string(), label: z.string(), points: z.number(), unit: z.string(), source: z.string(), group: z.string() })) }) } },
  }, async () => ({ items: [...SCORE_ITEMS] }));

  app.get('/api/linkage/manual-items', {
    config: { access: ['read', 'score'] }, schema: { tags, summary: '手工评分项目（部门用户只看本部门）', querystring: manualItemQuery, response: { 200: z.object({ items: z.array(record) }) } },
  }, async (req) => svc.manualItems.list(authed(req), req.query));

  app.post('/api/linkage/manual-items', {
    config: { access: ['manage', 'score'] }, schema: { tags, summary: '录入手工评分项目（须附佐证材料，待审核）', body: manualItemBody, response: { 201: z.object({ item: record }) } },
  }, async (req, reply) => reply.code(201).send(await svc.manualItems.create(authed(req), req.body)));

  app.post('/api/linkage/manual-items/:id/approve', {
    config: { access: ['approve', 'score'] }, schema: { tags, summary: '审核通过手工评分项目', params: idParam, body: decisionBody, response: { 200: z.object({ item: record }) } },
  }, async (req) => svc.manualItems.decide(authed(req), req.params.id, 'approved', req.body?.note ?? null));

  app.post('/api/linkage/manual-items/:id/reject', {
    config: { access: ['approve', 'score'] }, schema: { tags, summary: '退回手工评分项目', params: idParam, body: decisionBody, response: { 200: z.object({ item: record }) } },
  }, async (req) => svc.manualItems.decide(authed(req), req.params.id, 'rejected', req.body?.note ?? null));
};
