/** Warnings routes (预警): parse → authorize → service → present. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { authed } from '../../http/guard.js';
import { receiveAttachment } from '../attachments/attachment.upload.js';
import { attachmentMetaSchema } from '../attachments/attachment.routes.js';
import {
  createWarningBody, detailResponse, figuresQuery, figuresResponse, idParam, listQuery, listResponse, overdueSummaryResponse, settingsResponse, settingsSchema, stepBody,
} from './warnings.schemas.js';

export const warningsRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['warnings'];
  const w = s.warnings.warnings;

  app.get('/api/warnings', {
    config: { access: ['read', 'warning'] },
    schema: { tags, summary: '预警线索列表（按状态、来源、部门、区域、风险类型、逾期/即将到期、日期、关键词筛选，分页）', querystring: listQuery, response: { 200: listResponse } },
  }, async (req) => w.list(authed(req), req.query));

  app.post('/api/warnings', {
    config: { access: ['create', 'warning'] },
    schema: { tags, summary: '推送信息预警（按证件号码或姓名+所属村；风险类型；情况说明）', body: createWarningBody, response: { 201: z.object({ id: z.number() }) } },
  }, async (req, reply) => reply.code(201).send(await w.create(authed(req), req.body)));

  app.get('/api/warnings/overdue-summary', {
    config: { access: ['read', 'warning'] },
    schema: { tags, summary: '预警核实逾期汇总（县级按乡镇，乡镇按村）', response: { 200: overdueSummaryResponse } },
  }, async (req) => w.overdueSummary(authed(req)));

  app.get('/api/warnings/figures', {
    config: { access: ['read', 'warning'] },
    schema: { tags, summary: '预警统计：推送→核实→纳入漏斗（按来源、部门、区域），逾期核实，排查覆盖（村级月排查、集中排查，按下一级区域）', querystring: figuresQuery, response: { 200: figuresResponse } },
  }, async (req) => w.figures(authed(req), req.query));

  app.get('/api/warnings/figures.xlsx', {
    config: { access: ['export', 'warning'] },
    schema: { tags, summary: '导出预警统计（Excel，含排查覆盖工作表，记入审计日志）', querystring: figuresQuery },
  }, async (req, reply) => {
    const f = await w.figuresWorkbook(authed(req), req.query);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(f.data);
  });

  app.get('/api/warnings/settings', {
    config: { access: ['read', 'warning'] },
    schema: { tags, summary: '预警核实时限设置', response: { 200: settingsResponse } },
  }, async () => w.getSettings());

  app.put('/api/warnings/settings', {
    config: { access: ['manage', 'warning'] },
    schema: { tags, summary: '修改预警核实时限设置（县联动办公室，记入审计日志）', body: settingsSchema, response: { 200: settingsResponse } },
  }, async (req) => w.updateSettings(authed(req), req.body));

  app.get('/api/warnings/:id', {
    config: { access: ['read', 'warning'] },
    schema: { tags, summary: '预警详情：对象、预警依据、办理记录、可执行操作、核实时限（查看记入审计日志）', params: idParam, response: { 200: detailResponse } },
  }, async (req) => w.get(authed(req), req.params.id));

  // Readers reach the route so that a wrong role hears who may act (the service answers 403 naming the verifying roles).
  app.post('/api/warnings/:id/steps', {
    config: { access: ['read', 'warning'] },
    schema: { tags, summary: '办理预警：签收核实、纳入监测、已是监测对象、不纳入（须填理由）、重复', params: idParam, body: stepBody, response: { 200: detailResponse } },
  }, async (req) => w.step(authed(req), req.params.id, req.body));

  app.get('/api/warnings/:id/attachments', {
    config: { access: ['read', 'warning'] },
    schema: { tags, summary: '预警的佐证材料', params: idParam, response: { 200: z.object({ items: z.array(attachmentMetaSchema) }) } },
  }, async (req) => s.attachments.list(authed(req), 'warning', req.params.id));

  app.post('/api/warnings/:id/attachments', {
    config: { access: ['create', 'warning'] },
    schema: { tags, summary: '上传预警佐证材料（multipart/form-data，字段 file；JPEG/PNG/WebP/PDF）', params: idParam, consumes: ['multipart/form-data'], response: { 201: attachmentMetaSchema } },
  }, async (req, reply) => {
    const ctx = authed(req);
    return reply.code(201).send(await s.attachments.upload(ctx, 'warning', req.params.id, await receiveAttachment(req)));
  });
};
