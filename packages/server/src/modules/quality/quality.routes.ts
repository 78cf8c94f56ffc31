/** Quality routes (月度任务, 数据质量, 监测统计, 监测线模拟): parse → authorize → service → present. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { authed } from '../../http/guard.js';
import * as s from './quality.schemas.js';

export const qualityRoutes = (svc: Services): FastifyPluginAsyncZod => async (app) => {
  const f = svc.quality.followup;
  const c = svc.quality.checks;
  const g = svc.quality.figures;
  const tasks = ['followup'];
  const quality = ['quality'];
  const stats = ['monitoring-figures'];

  // ── 月度任务 ──
  app.get('/api/followup-tasks', {
    config: { access: ['read', 'followup_task'] },
    schema: { tags: tasks, summary: '月度任务列表（已消除月排查 / 未消除月评估，按区域、月份、状态）', querystring: s.taskQuery, response: { 200: s.taskList } },
  }, async (req) => f.list(authed(req), req.query));

  app.post('/api/followup-tasks/generate', {
    config: { access: ['manage', 'followup_task'] },
    schema: { tags: tasks, summary: '生成月度任务（幂等，记入审计日志）', body: s.generateBody, response: { 200: s.generateResult } },
  }, async (req) => f.generate(authed(req), { month: req.body.month, trigger: 'manual' }));

  app.get('/api/followup-tasks/runs', {
    config: { access: ['read', 'followup_task'] },
    schema: { tags: tasks, summary: '月度任务生成记录', response: { 200: z.object({ items: z.array(s.jobRun) }) } },
  }, async () => f.runs());

  app.post('/api/followup-tasks/:id/assessment', {
    config: { access: ['update', 'followup_task'] },
    schema: { tags: tasks, summary: '完成未消除月评估（填写当月评估）', params: s.idParam, body: s.assessmentBody, response: { 200: z.object({ task: s.task }) } },
  }, async (req) => f.completeAssessment(authed(req), req.params.id, req.body));

  app.post('/api/followup-tasks/:id/revisit', {
    config: { access: ['update', 'followup_task'] },
    schema: { tags: tasks, summary: '完成已消除月排查（无变化 / 发现新风险）', params: s.idParam, body: s.revisitBody, response: { 200: z.object({ task: s.task }) } },
  }, async (req) => f.completeRevisit(authed(req), req.params.id, req.body));

  app.get('/api/households/:id/followup', {
    config: { access: ['read', 'followup_task'] },
    schema: { tags: tasks, summary: '农户的月度任务与月度评估', params: s.idParam, response: { 200: z.object({ tasks: z.array(s.task), assessments: z.array(s.assessment) }) } },
  }, async (req) => f.ofHousehold(authed(req), req.params.id));

  app.post('/api/households/:id/assessments', {
    config: { access: ['update', 'followup_task'] },
    schema: { tags: tasks, summary: '补录农户某月的月度评估', params: s.idParam, body: s.householdAssessmentBody, response: { 201: z.object({ assessment: s.assessment }) } },
  }, async (req, reply) => {
    const { month, ...input } = req.body;
    return reply.code(201).send(await f.recordAssessment(authed(req), req.params.id, month, input));
  });

  app.get('/api/followup-settings', {
    config: { access: ['read', 'followup_task'] },
    schema: { tags: tasks, summary: '月度任务设置（截止日）', response: { 200: s.settings } },
  }, async () => f.settings());

  app.put('/api/followup-settings', {
    config: { access: ['manage', 'followup_task'] },
    schema: { tags: tasks, summary: '修改月度任务截止日（1-28日，空为月末）', body: s.settings, response: { 200: s.settings } },
  }, async (req) => f.updateSettings(authed(req), req.body.dueDay));

  // ── 数据质量 ──
  app.get('/api/quality/rules', {
    config: { access: ['read', 'quality_check'] },
    schema: { tags: quality, summary: '数据质量检查规则', response: { 200: z.object({ items: z.array(s.ruleDef) }) } },
  }, async () => c.rules());

  app.post('/api/quality/runs', {
    config: { access: ['manage', 'quality_check'] },
    schema: { tags: quality, summary: '立即运行数据质量检查（记入审计日志）', body: z.object({}).optional(), response: { 200: s.runResult } },
  }, async (req) => c.run(authed(req), 'manual'));

  app.get('/api/quality/runs', {
    config: { access: ['read', 'quality_check'] },
    schema: { tags: quality, summary: '数据质量检查运行记录', response: { 200: z.object({ items: z.array(s.jobRun) }) } },
  }, async () => c.runs());

  app.get('/api/quality/summary', {
    config: { access: ['read', 'quality_check'] },
    schema: { tags: quality, summary: '数据质量问题汇总（按规则、按区域）', querystring: s.summaryQuery, response: { 200: s.summary } },
  }, async (req) => c.summary(authed(req), req.query.areaCode));

  app.get('/api/quality/findings', {
    config: { access: ['read', 'quality_check'] },
    schema: { tags: quality, summary: '数据质量问题明细', querystring: s.findingQuery,
      response: { 200: z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(s.finding) }) } },
  }, async (req) => c.findings(authed(req), req.query));

  app.get('/api/households/:id/findings', {
    config: { access: ['read', 'quality_check'] },
    schema: { tags: quality, summary: '农户的数据质量问题', params: s.idParam, response: { 200: z.object({ items: z.array(s.finding), lastRun: s.jobRun.nullable() }) } },
  }, async (req) => c.ofHousehold(authed(req), req.params.id));

  // ── 监测统计 与 监测线模拟 ──
  app.get('/api/monitoring-figures', {
    config: { access: ['read', 'monitoring_case'] },
    schema: { tags: stats, summary: '监测统计（类别、新识别、风险消除率、措施落实率、户均享受政策数、逾期）', querystring: s.figuresQuery, response: { 200: s.figures } },
  }, async (req) => g.figures(authed(req), req.query));

  app.get('/api/monitoring-figures/export', {
    config: { access: ['export', 'monitoring_case'] },
    schema: { tags: stats, summary: '导出监测统计（Excel，记入审计日志）', querystring: s.figuresQuery },
  }, async (req, reply) => {
    const x = await g.figuresWorkbook(authed(req), req.query);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(x.fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(x.data);
  });

  app.get('/api/simulations/monitoring-line', {
    config: { access: ['read', 'simulation'] },
    schema: { tags: stats, summary: '监测线模拟：调整某年监测线后各乡镇进入/退出监测范围的户数人数（只读）', querystring: s.whatIfQuery, response: { 200: s.whatIf } },
  }, async (req) => g.whatIf(authed(req), req.query));
};
