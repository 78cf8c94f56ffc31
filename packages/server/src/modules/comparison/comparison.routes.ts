/** 信息比对 routes: rules (list, versions, edit) and runs (upload, list, detail, hits, row issues and their .xlsx). */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { authed } from '../../http/guard.js';
import { badRequest } from '../../http/errors.js';
import {
  familySchema, hitSchema, idParam, issueSchema, issuesQuery, listRunsQuery, pageQuery, ruleCodeParam, ruleEditBody, ruleSchema, runSchema, startRunQuery,
} from './comparison.schemas.js';

const page = <T extends z.ZodType>(item: T) => z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(item) });

export const comparisonRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['comparison'];
  const { rules, runs } = s.comparison;

  app.get('/api/comparison/rules', {
    config: { access: ['read', 'comparison_rule'] },
    schema: { tags, summary: '比对规则（各规则的当前版本）', response: { 200: z.object({ items: z.array(ruleSchema.extend({ versionCount: z.number() })) }) } },
  }, async () => rules.list());

  app.get('/api/comparison/rules/:code/versions', {
    config: { access: ['read', 'comparison_rule'] },
    schema: { tags, summary: '比对规则的全部版本（新版本在前）', params: ruleCodeParam, response: { 200: z.object({ items: z.array(ruleSchema) }) } },
  }, async (req) => rules.history(req.params.code));

  app.put('/api/comparison/rules/:code', {
    config: { access: ['manage', 'comparison_rule'] },
    schema: { tags, summary: '修改比对规则（阈值、适用对象、输出、启用；保存为新版本，旧版本保留）', params: ruleCodeParam, body: ruleEditBody, response: { 200: ruleSchema } },
  }, async (req) => rules.update(authed(req), req.params.code, req.body));

  app.get('/api/comparison/families', {
    config: { access: ['submit', 'comparison_run'] },
    schema: { tags, summary: '当前用户可上传的比对数据类别（含模板列和启用的规则）', response: { 200: z.object({ items: z.array(familySchema) }) } },
  }, async (req) => runs.families(authed(req)));

  app.post('/api/comparison/runs', {
    config: { access: ['submit', 'comparison_run'] },
    schema: {
      tags, summary: '上传部门数据并开始比对（multipart/form-data，字段 file；.xlsx 或 CSV）', querystring: startRunQuery, consumes: ['multipart/form-data'],
      response: { 202: runSchema },
    },
  }, async (req, reply) => {
    const ctx = authed(req);
    if (!req.isMultipart()) throw badRequest('请以表单文件方式上传（multipart/form-data，字段 file）', [{ field: 'file', message: '请选择文件' }]);
    const file = await req.file({ limits: { fileSize: runs.maxUploadBytes } });
    const run = await runs.start(ctx, req.query.family, file ? { fileName: file.filename, stream: file.file } : null);
    return reply.code(202).send(run);
  });

  app.get('/api/comparison/runs', {
    config: { access: ['read', 'comparison_run'] },
    schema: { tags, summary: '比对记录（部门用户只见本部门的）', querystring: listRunsQuery, response: { 200: page(runSchema) } },
  }, async (req) => runs.list(authed(req), req.query));

  app.get('/api/comparison/runs/:id', {
    config: { access: ['read', 'comparison_run'] },
    schema: { tags, summary: '比对记录详情（进度与结果统计）', params: idParam, response: { 200: runSchema } },
  }, async (req) => runs.get(authed(req), req.params.id));

  app.get('/api/comparison/runs/:id/hits', {
    config: { access: ['read', 'comparison_run'] },
    schema: { tags, summary: '比对命中（每条含命中原因，链接到预警）', params: idParam, querystring: pageQuery, response: { 200: page(hitSchema) } },
  }, async (req) => runs.hits(authed(req), req.params.id, req.query));

  app.get('/api/comparison/runs/:id/issues', {
    config: { access: ['read', 'comparison_run'] },
    schema: { tags, summary: '比对问题行（证件号码无效、未匹配、重复、缺数据）', params: idParam, querystring: issuesQuery, response: { 200: page(issueSchema) } },
  }, async (req) => runs.issues(authed(req), req.params.id, req.query));

  app.get('/api/comparison/runs/:id/issues.xlsx', {
    config: { access: ['read', 'comparison_run'] },
    schema: { tags, summary: '下载比对问题行（Excel，记入审计日志）', params: idParam },
  }, async (req, reply) => {
    const f = await runs.issuesWorkbook(authed(req), req.params.id);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(f.stream);
  });
};
