/** 识别纳入 / 风险消除 routes: parse → authorize → service → present. Which step a role may take is the machines'. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { authed } from '../../http/guard.js';
import { receiveAttachment } from '../attachments/attachment.upload.js';
import { attachmentMetaSchema } from '../attachments/attachment.routes.js';
import {
  candidates, candidatesQuery, caseDetail, caseItem, deadlinesBody, eliminationCheck, eliminationSettingsBody, factsBody, generateNoticeBody, householdCases, idParam,
  listQuery, noticeDetail, noticeList, noticeListQuery, openEliminationBody, openIdentificationBody, overdueSummary, paged, rollbackBody, settingsResponse, stepBody,
} from './case.schemas.js';
import { noticeHtml, noticePdf } from './notice.render.js';

export const casesRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['cases'];
  const { cases, notices } = s.cases;

  app.get('/api/cases', {
    config: { access: ['read', 'monitoring_case'] },
    schema: { tags, summary: '识别纳入 / 风险消除事项列表（类型、环节、区域、逾期/即将到期、户主或户编号）', querystring: listQuery, response: { 200: paged(caseItem) } },
  }, async (req) => cases.list(authed(req), req.query));

  app.get('/api/cases/overdue-summary', {
    config: { access: ['read', 'monitoring_case'] },
    schema: { tags, summary: '逾期预警：按下一级区域统计逾期和即将到期的事项（县看乡镇，乡镇看村）', querystring: z.object({ kind: z.enum(['identification', 'elimination']).optional() }), response: { 200: overdueSummary } },
  }, async (req) => cases.overdueSummary(authed(req), req.query.kind));

  app.post('/api/cases/identification', {
    config: { access: ['create', 'monitoring_case'] },
    schema: { tags, summary: '发起识别纳入（村、乡镇、县；农户须在管辖范围内）', body: openIdentificationBody, response: { 201: caseDetail } },
  }, async (req, reply) => {
    const ctx = authed(req);
    const { id } = await cases.openIdentification(ctx, req.body);
    return reply.code(201).send(await cases.detail(ctx, id));
  });

  app.post('/api/cases/elimination', {
    config: { access: ['create', 'monitoring_case'] },
    schema: { tags, summary: '申请风险消除（监测户且尚未消除）', body: openEliminationBody, response: { 201: caseDetail } },
  }, async (req, reply) => {
    const ctx = authed(req);
    const { id } = await cases.openElimination(ctx, req.body);
    return reply.code(201).send(await cases.detail(ctx, id));
  });

  app.get('/api/cases/:id', {
    config: { access: ['read', 'monitoring_case'] },
    schema: { tags, summary: '事项详情：农户概况（脱敏）、事实、办理记录、当前可执行操作、时限、附件', params: idParam, response: { 200: caseDetail } },
  }, async (req) => cases.detail(authed(req), req.params.id));

  app.post('/api/cases/:id/steps', {
    config: { access: ['update', 'monitoring_case'] },
    schema: { tags, summary: '办理一步（事件、说明、附件、版本号；谁可办理由流程表决定）', params: idParam, body: stepBody, response: { 200: caseDetail } },
  }, async (req) => cases.step(authed(req), req.params.id, { ...req.body, attachments: req.body.attachments ?? [], payload: req.body.payload ?? null }));

  app.put('/api/cases/:id/facts', {
    config: { access: ['update', 'monitoring_case'] },
    schema: { tags, summary: '登记承诺授权书签署情况、监测对象类别和风险类型（识别纳入）', params: idParam, body: factsBody, response: { 200: caseDetail } },
  }, async (req) => cases.setFacts(authed(req), req.params.id, req.body));

  app.get('/api/cases/:id/attachments', {
    config: { access: ['read', 'monitoring_case'] },
    schema: { tags, summary: '事项附件（入户核实表、评议记录、承诺授权书等）', params: idParam, response: { 200: z.object({ items: z.array(attachmentMetaSchema) }) } },
  }, async (req) => s.attachments.list(authed(req), 'monitoring_case', req.params.id));

  app.post('/api/cases/:id/attachments', {
    config: { access: ['update', 'monitoring_case'] },
    schema: { tags, summary: '上传事项附件（multipart/form-data，字段 file；JPEG/PNG/WebP/PDF）', params: idParam, consumes: ['multipart/form-data'], response: { 201: attachmentMetaSchema } },
  }, async (req, reply) => {
    const ctx = authed(req);
    return reply.code(201).send(await s.attachments.upload(ctx, 'monitoring_case', req.params.id, await receiveAttachment(req)));
  });

  app.get('/api/households/:id/cases', {
    config: { access: ['read', 'monitoring_case'] },
    schema: { tags, summary: '农户的识别纳入、风险消除事项和风险消除回退记录', params: idParam, response: { 200: householdCases } },
  }, async (req) => cases.householdCases(authed(req), req.params.id));

  app.get('/api/households/:id/elimination-check', {
    config: { access: ['read', 'monitoring_case'] },
    schema: { tags, summary: '风险消除条件核查：逐项显示是否满足及数据', params: idParam, response: { 200: eliminationCheck } },
  }, async (req) => cases.eliminationCheck(authed(req), req.params.id));

  app.post('/api/households/:id/elimination-rollback', {
    config: { access: ['manage', 'monitoring_case'] },
    schema: { tags, summary: '风险消除回退（县联动办公室，须填写理由，记入审计）', params: idParam, body: rollbackBody, response: { 201: z.object({ id: z.number() }) } },
  }, async (req, reply) => reply.code(201).send(await cases.rollback(authed(req), req.params.id, req.body.reason)));

  app.get('/api/case-settings', {
    config: { access: ['read', 'monitoring_case'] },
    schema: { tags, summary: '办理时限和风险消除标准设置', response: { 200: settingsResponse } },
  }, async () => cases.settings());

  app.put('/api/case-settings/deadlines', {
    config: { access: ['manage', 'monitoring_case'] },
    schema: { tags, summary: '修改办理时限（自然日/工作日、节假日；县联动办公室）', body: deadlinesBody, response: { 200: settingsResponse } },
  }, async (req) => cases.setDeadlines(authed(req), req.body));

  app.put('/api/case-settings/elimination', {
    config: { access: ['manage', 'monitoring_case'] },
    schema: { tags, summary: '修改风险消除标准（收入稳定月数等；县联动办公室）', body: eliminationSettingsBody, response: { 200: settingsResponse } },
  }, async (req) => cases.setElimination(authed(req), req.body));

  // ── 公示 / 公告 ──

  app.get('/api/case-notices', {
    config: { access: ['read', 'monitoring_case'] },
    schema: { tags, summary: '公示公告列表', querystring: noticeListQuery, response: { 200: noticeList } },
  }, async (req) => notices.list(authed(req), req.query));

  app.get('/api/case-notices/candidates', {
    config: { access: ['read', 'monitoring_case'] },
    schema: { tags, summary: '本村待公示 / 待公告的事项', querystring: candidatesQuery, response: { 200: candidates } },
  }, async (req) => notices.candidates(authed(req), req.query.kind, req.query.villageCode));

  app.post('/api/case-notices', {
    config: { access: ['update', 'monitoring_case'] },
    schema: { tags, summary: '由本村待公示 / 待公告的事项生成公示公告草稿（不含证件号码、电话、银行账号、健康信息）', body: generateNoticeBody, response: { 201: noticeDetail } },
  }, async (req, reply) => reply.code(201).send(await notices.generate(authed(req), req.body)));

  app.get('/api/case-notices/:id', {
    config: { access: ['read', 'monitoring_case'] },
    schema: { tags, summary: '公示公告详情（含所列事项和异议）', params: idParam, response: { 200: noticeDetail } },
  }, async (req) => notices.get(authed(req), req.params.id));

  app.get('/api/case-notices/:id/print', {
    config: { access: ['read', 'monitoring_case'] },
    schema: { tags, summary: '公示公告打印页（A4，浏览器打印）', params: idParam },
  }, async (req, reply) => {
    const p = await notices.printable(authed(req), req.params.id, 'html');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(noticeHtml(p.notice, p.draft));
  });

  app.get('/api/case-notices/:id/pdf', {
    config: { access: ['read', 'monitoring_case'] },
    schema: { tags, summary: '公示公告 PDF（A4，内嵌中文字体）', params: idParam },
  }, async (req, reply) => {
    const p = await notices.printable(authed(req), req.params.id, 'pdf');
    const pdf = await noticePdf(p.notice, p.draft);
    return reply.type('application/pdf').header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(p.title)}.pdf`).header('cache-control', 'private, no-store').send(pdf);
  });

  app.post('/api/case-notices/:id/post', {
    config: { access: ['update', 'monitoring_case'] },
    schema: { tags, summary: '张贴公示 / 发布公告：所列事项办理相应步骤，记录张贴日期和公示期', params: idParam, response: { 200: noticeDetail } },
  }, async (req) => notices.post(authed(req), req.params.id));

  app.post('/api/case-notices/:id/cancel', {
    config: { access: ['update', 'monitoring_case'] },
    schema: { tags, summary: '作废公示公告草稿', params: idParam, response: { 200: z.object({ ok: z.boolean() }) } },
  }, async (req) => notices.cancel(authed(req), req.params.id));
};
