/** Import/export routes: templates, uploads (multipart, field `file`), job progress and reports, the Excel export. */
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { authed } from '../../http/guard.js';
import { badRequest } from '../../http/errors.js';
import type { Upload } from './imports.service.js';
import {
  exportQuery, jobIdParam, jobListQuery, jobSchema, mappingBody, mappingListSchema, modeQuery, previewSchema, resolvedColumnsSchema,
  rosterSummarySchema, templateParam,
} from './imports.schemas.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const importsRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['imports'];
  const svc = s.imports.imports;

  /** The one file of a multipart upload, limited to the import limit (not the attachment limit). */
  const receive = async (req: FastifyRequest): Promise<Upload> => {
    const file = await req.file({ limits: { fileSize: svc.maxBytes + 1, files: 1 }, throwFileSizeLimit: false });
    if (!file) throw badRequest('请选择要上传的文件', [{ field: 'file', message: '请选择要上传的文件' }]);
    return { fileName: file.filename || '上传文件', stream: file.file };
  };
  const download = (reply: FastifyReply, f: { fileName: string; stream: NodeJS.ReadableStream }) =>
    reply.type(XLSX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`).header('cache-control', 'private, no-store').send(f.stream);
  const accepted = z.object({ id: z.number() });

  // ── registry ──
  app.get('/api/imports/registry/template', {
    config: { access: ['create', 'import_job'] }, schema: { tags, summary: '下载农户信息导入模板（含填写说明和可选值）' },
  }, async (_req, reply) => download(reply, svc.template('registry')));

  app.post('/api/imports/registry/preview', {
    config: { access: ['create', 'import_job'] },
    schema: { tags, summary: '预览导入文件的列名与模板列的对应关系（不导入）', consumes: ['multipart/form-data'], response: { 200: previewSchema } },
  }, async (req) => {
    const ctx = authed(req);
    return svc.preview(ctx, 'registry', await receive(req));
  });

  app.post('/api/imports/registry', {
    config: { access: ['create', 'import_job'] },
    schema: {
      tags, summary: '上传农户信息表（.xlsx 或 CSV）开始导入；mode=atomic 全部正确才导入（默认），valid_rows 仅导入正确的行',
      querystring: modeQuery, consumes: ['multipart/form-data'], response: { 202: accepted },
    },
  }, async (req, reply) => {
    const ctx = authed(req);
    return reply.code(202).send(await svc.start(ctx, 'registry', await receive(req), req.query.mode));
  });

  // ── roster (公安 农村人口底册) ──
  app.get('/api/roster/template', {
    config: { access: ['manage', 'roster'] }, schema: { tags, summary: '下载农村人口底册导入模板' },
  }, async (_req, reply) => download(reply, svc.template('roster')));

  app.post('/api/roster/imports/preview', {
    config: { access: ['manage', 'roster'] },
    schema: { tags, summary: '预览人口底册文件的列对应关系（不导入）', consumes: ['multipart/form-data'], response: { 200: previewSchema } },
  }, async (req) => {
    const ctx = authed(req);
    return svc.preview(ctx, 'roster', await receive(req));
  });

  app.post('/api/roster/imports', {
    config: { access: ['manage', 'roster'] },
    schema: { tags, summary: '上传公安农村人口底册开始导入（按证件号码新增或更新）', querystring: modeQuery, consumes: ['multipart/form-data'], response: { 202: accepted } },
  }, async (req, reply) => {
    const ctx = authed(req);
    return reply.code(202).send(await svc.start(ctx, 'roster', await receive(req), req.query.mode));
  });

  app.get('/api/roster/summary', {
    config: { access: ['read', 'roster'] }, schema: { tags, summary: '人口底册：各乡镇人数和最近一次导入', response: { 200: rosterSummarySchema } },
  }, async (req) => svc.rosterSummary(authed(req)));

  // ── jobs ──
  app.get('/api/imports', {
    config: { access: ['read', 'import_job'] }, schema: { tags, summary: '最近的导入任务', querystring: jobListQuery, response: { 200: z.object({ items: z.array(jobSchema) }) } },
  }, async (req) => svc.list(authed(req), req.query.kind));

  app.get('/api/imports/:id', {
    config: { access: ['read', 'import_job'] }, schema: { tags, summary: '导入任务的状态、进度和错误明细（前200条）', params: jobIdParam, response: { 200: jobSchema } },
  }, async (req) => svc.get(authed(req), req.params.id));

  app.get('/api/imports/:id/report', {
    config: { access: ['read', 'import_job'] }, schema: { tags, summary: '下载导入错误报告（.xlsx：行号/列/值/问题）', params: jobIdParam },
  }, async (req, reply) => download(reply, await svc.report(authed(req), req.params.id)));

  // ── column mappings ──
  app.get('/api/imports/mappings/:template', {
    config: { access: ['create', 'import_job'] }, schema: { tags, summary: '已保存的列对应关系（按模板）', params: templateParam, response: { 200: mappingListSchema } },
  }, async (req) => svc.listMappings(authed(req), req.params.template));

  app.put('/api/imports/mappings/:template', {
    config: { access: ['create', 'import_job'] },
    schema: { tags, summary: '保存列对应关系：相同列名的文件再次上传时自动使用', params: templateParam, body: mappingBody, response: { 200: resolvedColumnsSchema } },
  }, async (req) => svc.saveMapping(authed(req), req.params.template, req.body.headers, req.body.mapping));

  // ── export ──
  app.get('/api/exports/households', {
    config: { access: ['export', 'household'] },
    schema: { tags, summary: '按筛选条件导出农户和家庭成员（.xlsx，无权查看完整号码的角色导出脱敏文件）', querystring: exportQuery },
  }, async (req, reply) => download(reply, await svc.exportHouseholds(authed(req), req.query)));
};
