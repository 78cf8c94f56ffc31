/** Routes: provisional scores, monthly ranking, evaluations, quarterly rankings, annual view, quarterly notices. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../../services.js';
import { authed } from '../../../http/guard.js';
import {
  departmentParam, departmentScore, evaluationBody, idParam, monthQuery, noticeBody, noticeUpdateBody, publishBody, quarterQuery,
  rankedEntry, rankingBody, record, scoreLine, yearQuery,
} from './scoring.schemas.js';

export const rankingRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const svc = s.linkage.scoring;
  const tags = ['5+2 排序通报'];

  app.get('/api/linkage/scores', {
    config: { access: ['read', 'score'] }, schema: { tags, summary: '各部门季度得分（即时计算；部门用户只看本部门）', querystring: quarterQuery,
      response: { 200: z.object({ year: z.number(), quarter: z.number(), asOf: z.string(), items: z.array(departmentScore) }) } },
  }, async (req) => svc.scores.list(authed(req), req.query));

  app.get('/api/linkage/scores/:departmentCode', {
    config: { access: ['read', 'score'] }, schema: { tags, summary: '部门季度得分明细（逐项说明）', params: departmentParam, querystring: quarterQuery,
      response: { 200: z.object({ year: z.number(), quarter: z.number(), asOf: z.string(), score: departmentScore, evaluations: z.array(record) }) } },
  }, async (req) => svc.scores.explain(authed(req), req.params.departmentCode, req.query));

  app.get('/api/linkage/monthly-ranking', {
    config: { access: ['read', 'ranking'] }, schema: { tags, summary: '紧密型部门月度排名（按当月事实计分）', querystring: monthQuery,
      response: { 200: z.object({ month: z.string(), asOf: z.string(), items: z.array(z.object({ departmentCode: z.string(), departmentName: z.string(), total: z.number(), rank: z.number(), lines: z.array(scoreLine) })) }) } },
  }, async (req) => svc.scores.monthly(authed(req), req.query.month));

  app.get('/api/linkage/evaluations', {
    config: { access: ['read', 'score'] }, schema: { tags, summary: '延伸评价与外部评价', querystring: quarterQuery, response: { 200: z.object({ items: z.array(record) }) } },
  }, async (req) => svc.scores.listEvaluations(authed(req), req.query));

  app.put('/api/linkage/evaluations', {
    config: { access: ['manage', 'score'] }, schema: { tags, summary: '录入延伸评价（紧密型）或外部评价（乡村振兴局、财政局）；得分为空即删除', body: evaluationBody,
      response: { 200: z.object({ evaluation: record.nullable() }) } },
  }, async (req) => svc.scores.putEvaluation(authed(req), req.body));

  app.get('/api/linkage/rankings', {
    config: { access: ['read', 'ranking'] }, schema: { tags, summary: '季度排序版本（部门用户只看已发布）', querystring: yearQuery, response: { 200: z.object({ items: z.array(record) }) } },
  }, async (req) => svc.rankings.list(authed(req), req.query));

  app.post('/api/linkage/rankings', {
    config: { access: ['manage', 'ranking'] }, schema: { tags, summary: '计算季度排序（草稿；已发布后重新计算为新版本）', body: rankingBody,
      response: { 201: z.object({ ranking: record, entries: z.array(rankedEntry) }) } },
  }, async (req, reply) => reply.code(201).send(await svc.rankings.compute(authed(req), { year: req.body.year, quarter: req.body.quarter as 1 | 2 | 3 | 4 })));

  app.get('/api/linkage/rankings/:id', {
    config: { access: ['read', 'ranking'] }, schema: { tags, summary: '季度排序详情（含逐项得分说明）', params: idParam,
      response: { 200: z.object({ ranking: record, entries: z.array(rankedEntry), explanation: z.record(z.string(), departmentScore) }) } },
  }, async (req) => svc.rankings.get(authed(req), req.params.id));

  app.post('/api/linkage/rankings/:id/publish', {
    config: { access: ['manage', 'ranking'] }, schema: { tags, summary: '发布季度排序（发布后冻结；替换已发布版本须填写原因）', params: idParam, body: publishBody,
      response: { 200: z.object({ ranking: record }) } },
  }, async (req) => svc.rankings.publish(authed(req), req.params.id, req.body?.reason?.trim() || null));

  app.get('/api/linkage/annual', {
    config: { access: ['read', 'ranking'] }, schema: { tags, summary: '年度汇总（四个季度已发布的得分与名次）', querystring: z.object({ year: yearQuery.shape.year.unwrap() }),
      response: { 200: z.object({ year: z.number(), rankings: z.array(record), items: z.array(record) }) } },
  }, async (req) => svc.rankings.annual(req.query.year));

  app.get('/api/linkage/notices', {
    config: { access: ['read', 'notice'] }, schema: { tags, summary: '季度通报（部门用户只看已送达）', querystring: yearQuery, response: { 200: z.object({ items: z.array(record) }) } },
  }, async (req) => svc.notices.list(authed(req), req.query));

  app.post('/api/linkage/notices', {
    config: { access: ['manage', 'notice'] }, schema: { tags, summary: '根据已发布的排序生成通报（草稿）', body: noticeBody, response: { 201: z.object({ notice: record }) } },
  }, async (req, reply) => reply.code(201).send(await svc.notices.generate(authed(req), req.body.rankingId)));

  app.get('/api/linkage/notices/:id', {
    config: { access: ['read', 'notice'] }, schema: { tags, summary: '通报详情与签收情况', params: idParam, response: { 200: z.object({ notice: record, receipts: z.array(record) }) } },
  }, async (req) => svc.notices.get(authed(req), req.params.id));

  app.put('/api/linkage/notices/:id', {
    config: { access: ['manage', 'notice'] }, schema: { tags, summary: '修改通报草稿', params: idParam, body: noticeUpdateBody, response: { 200: z.object({ notice: record }) } },
  }, async (req) => svc.notices.update(authed(req), req.params.id, req.body));

  app.post('/api/linkage/notices/:id/approve', {
    config: { access: ['approve', 'notice'] }, schema: { tags, summary: '县领导审核同意并送达各部门', params: idParam, response: { 200: z.object({ notice: record, receipts: z.number() }) } },
  }, async (req) => svc.notices.approve(authed(req), req.params.id));

  app.post('/api/linkage/notices/:id/read', {
    config: { access: ['read', 'notice'] }, schema: { tags, summary: '部门签收通报', params: idParam, response: { 200: z.object({ receipt: record }) } },
  }, async (req) => svc.notices.markRead(authed(req), req.params.id));

  app.get('/api/linkage/notices/:id/print', {
    config: { access: ['read', 'notice'] }, schema: { tags, summary: '通报打印页（A4 HTML）', params: idParam },
  }, async (req, reply) => reply.type('text/html; charset=utf-8').send(await svc.notices.print(authed(req), req.params.id)));

  app.get('/api/linkage/notices/:id/pdf', {
    config: { access: ['read', 'notice'] }, schema: { tags, summary: '通报 PDF（A4，内嵌中文字体）', params: idParam },
  }, async (req, reply) => {
    const { title, pdf } = await svc.notices.pdf(authed(req), req.params.id);
    return reply.type('application/pdf').header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(title)}.pdf`).send(pdf);
  });
};
