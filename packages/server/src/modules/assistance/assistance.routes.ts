/** 早帮扶 routes: parse → authorize → service → present. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FOUR_ONES, FOUR_ONE_LABELS, MEASURE_CATALOGUE, VISIT_KINDS, VISIT_KIND_LABELS } from '@shouwang/domain';
import type { Services } from '../../services.js';
import { authed } from '../../http/guard.js';
import { attachmentMetaSchema } from '../attachments/attachment.routes.js';
import { receiveAttachment } from '../attachments/attachment.upload.js';
import {
  assignmentBody, assignmentRow, calendarQuery, calendarResponse, cancelBody, figuresQuery, figuresResponse, helperInput, helperListQuery, helperRow,
  helperUpdateBody, householdAssistance, idParam, implementBody, measureInput, measureRow, measureUpdateBody, pendingQuery, pendingRow, planCreateBody,
  planDetail, planListQuery, planSummary, settingsShape, unvisitedQuery, unvisitedResponse, visitBody, visitListQuery, visitRow,
} from './assistance.schemas.js';

const page = <T extends z.ZodTypeAny>(item: T) => z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(item) });
const attachments = z.object({ items: z.array(attachmentMetaSchema) });

export const assistanceRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const a = s.assistance;
  const tags = ['assistance'];

  // ── 帮扶责任人 ─────────────────────────────────────────────────────────
  app.get('/api/helpers', {
    config: { access: ['read', 'helper_registry'] }, schema: { tags, summary: '帮扶责任人名册（含帮扶户数）', querystring: helperListQuery, response: { 200: page(helperRow) } },
  }, async (req) => a.helpers.list(authed(req), req.query));

  app.get('/api/helpers/user-options', {
    config: { access: ['manage', 'helper_registry'] }, schema: { tags, summary: '可关联的帮扶责任人登录账号',
      response: { 200: z.object({ items: z.array(z.object({ id: z.number(), username: z.string(), displayName: z.string(), helperId: z.number().nullable() })) }) } },
  }, async (req) => a.helpers.userOptions(authed(req)));

  app.post('/api/helpers', {
    config: { access: ['manage', 'helper_registry'] }, schema: { tags, summary: '新增帮扶责任人', body: helperInput, response: { 201: z.object({ helper: helperRow }) } },
  }, async (req, reply) => reply.code(201).send(await a.helpers.create(authed(req), req.body)));

  app.get('/api/helpers/:id', {
    config: { access: ['read', 'helper_registry'] }, schema: { tags, summary: '帮扶责任人详情及当前帮扶户', params: idParam,
      response: { 200: z.object({ helper: helperRow, households: z.array(z.object({ id: z.number(), householdNo: z.string(), villageName: z.string(), headName: z.string().nullable(), monitorCategory: z.string().nullable(), householdType: z.string(), assignedOn: z.string() })) }) } },
  }, async (req) => a.helpers.get(authed(req), req.params.id));

  app.put('/api/helpers/:id', {
    config: { access: ['manage', 'helper_registry'] }, schema: { tags, summary: '修改或停用帮扶责任人', params: idParam, body: helperUpdateBody, response: { 200: z.object({ helper: helperRow }) } },
  }, async (req) => a.helpers.update(authed(req), req.params.id, req.body));

  app.post('/api/households/:id/helper-assignment', {
    config: { access: ['manage', 'helper_registry'] }, schema: { tags, summary: '分配或更换农户的帮扶责任人（更换须填写原因，保留历史）', params: idParam, body: assignmentBody,
      response: { 201: z.object({ assignmentId: z.number(), householdId: z.number(), helperId: z.number(), helperName: z.string(), assignedOn: z.string() }) } },
  }, async (req, reply) => reply.code(201).send(await a.helpers.assign(authed(req), req.params.id, req.body)));

  app.get('/api/households/:id/helper-assignments', {
    config: { access: ['read', 'household'] }, schema: { tags, summary: '农户的帮扶责任人分配历史', params: idParam, response: { 200: z.object({ items: z.array(assignmentRow) }) } },
  }, async (req) => a.helpers.history(authed(req), req.params.id));

  app.get('/api/households/:id/assistance', {
    config: { access: ['read', 'household'] }, schema: { tags, summary: '农户帮扶概况（帮扶责任人、帮扶计划、走访）', params: idParam, response: { 200: householdAssistance } },
  }, async (req) => a.visits.householdSummary(authed(req), req.params.id));

  // ── 帮扶计划 ────────────────────────────────────────────────────────────
  app.get('/api/help-plans', {
    config: { access: ['read', 'help_plan'] }, schema: { tags, summary: '帮扶计划列表（含开发式帮扶措施检查）', querystring: planListQuery, response: { 200: page(planSummary) } },
  }, async (req) => a.plans.list(authed(req), req.query));

  app.get('/api/help-plans/pending', {
    config: { access: ['read', 'monitoring_case'] }, schema: { tags, summary: '县级审批后尚未制定帮扶计划的监测户（含逾期）', querystring: pendingQuery,
      response: { 200: page(pendingRow).extend({ overdue: z.number() }) } },
  }, async (req) => a.plans.pending(authed(req), req.query));

  app.post('/api/help-plans', {
    config: { access: ['manage', 'help_plan'] }, schema: { tags, summary: '制定帮扶计划（含措施）', body: planCreateBody, response: { 201: planDetail } },
  }, async (req, reply) => reply.code(201).send(await a.plans.create(authed(req), req.body)));

  app.get('/api/help-plans/:id', {
    config: { access: ['read', 'help_plan'] }, schema: { tags, summary: '帮扶计划详情及措施', params: idParam, response: { 200: planDetail } },
  }, async (req) => a.plans.get(authed(req), req.params.id));

  app.post('/api/help-plans/:id/measures', {
    config: { access: ['manage', 'help_plan'] }, schema: { tags, summary: '帮扶计划增加措施', params: idParam, body: measureInput, response: { 201: z.object({ measure: measureRow }) } },
  }, async (req, reply) => reply.code(201).send(await a.plans.addMeasure(authed(req), req.params.id, req.body)));

  app.put('/api/help-measures/:id', {
    config: { access: ['manage', 'help_plan'] }, schema: { tags, summary: '修改帮扶措施（乐观锁）', params: idParam, body: measureUpdateBody, response: { 200: z.object({ measure: measureRow }) } },
  }, async (req) => a.plans.updateMeasure(authed(req), req.params.id, req.body));

  app.post('/api/help-measures/:id/implement', {
    config: { access: ['update', 'help_plan'] }, schema: { tags, summary: '帮扶措施标记已落实（日期、佐证）', params: idParam, body: implementBody, response: { 200: z.object({ measure: measureRow }) } },
  }, async (req) => a.plans.implement(authed(req), req.params.id, req.body));

  app.post('/api/help-measures/:id/cancel', {
    config: { access: ['manage', 'help_plan'] }, schema: { tags, summary: '取消帮扶措施（须填写原因）', params: idParam, body: cancelBody, response: { 200: z.object({ measure: measureRow }) } },
  }, async (req) => a.plans.cancel(authed(req), req.params.id, req.body));

  app.get('/api/help-measures/:id/attachments', {
    config: { access: ['read', 'help_plan'] }, schema: { tags, summary: '帮扶措施的落实佐证材料', params: idParam, response: { 200: attachments } },
  }, async (req) => s.attachments.list(authed(req), 'help_measure', req.params.id));

  app.post('/api/help-measures/:id/attachments', {
    config: { access: ['update', 'help_plan'] }, schema: { tags, summary: '上传帮扶措施落实佐证（multipart/form-data，字段 file；JPEG/PNG/WebP/PDF）', params: idParam, consumes: ['multipart/form-data'], response: { 201: attachmentMetaSchema } },
  }, async (req, reply) => reply.code(201).send(await s.attachments.upload(authed(req), 'help_measure', req.params.id, await receiveAttachment(req))));

  app.get('/api/assistance/catalogue', {
    config: { access: ['read', 'help_plan'] }, schema: { tags, summary: '帮扶措施目录（开发式标记、默认责任部门）与走访选项',
      response: { 200: z.object({
        measures: z.array(z.object({ code: z.string(), label: z.string(), developmental: z.boolean(), includes: z.array(z.string()), defaultDepartment: z.string().nullable() })),
        visitKinds: z.array(z.object({ code: z.string(), label: z.string() })),
        fourOnes: z.array(z.object({ code: z.string(), label: z.string() })),
      }) } },
  }, async () => ({
    measures: MEASURE_CATALOGUE.map((m) => ({ ...m, includes: [...m.includes] })),
    visitKinds: VISIT_KINDS.map((code) => ({ code, label: VISIT_KIND_LABELS[code] })),
    fourOnes: FOUR_ONES.map((code) => ({ code, label: FOUR_ONE_LABELS[code] })),
  }));

  app.get('/api/assistance/figures', {
    config: { access: ['read', 'help_plan'] }, schema: { tags, summary: '户均享受政策数与帮扶措施落实率（按乡镇、村、户）', querystring: figuresQuery, response: { 200: figuresResponse } },
  }, async (req) => a.plans.figures(authed(req), req.query.area));

  // ── 走访 ────────────────────────────────────────────────────────────────
  app.get('/api/visits', {
    config: { access: ['read', 'visit'] }, schema: { tags, summary: '走访记录', querystring: visitListQuery, response: { 200: page(visitRow) } },
  }, async (req) => a.visits.list(authed(req), req.query));

  app.post('/api/visits', {
    config: { access: ['create', 'visit'] }, schema: { tags, summary: '登记走访（入户、电话、帮扶日"四个一"）', body: visitBody, response: { 201: z.object({ visit: visitRow }) } },
  }, async (req, reply) => reply.code(201).send(await a.visits.create(authed(req), req.body)));

  app.get('/api/visits/:id/attachments', {
    config: { access: ['read', 'visit'] }, schema: { tags, summary: '走访照片', params: idParam, response: { 200: attachments } },
  }, async (req) => s.attachments.list(authed(req), 'visit', req.params.id));

  app.post('/api/visits/:id/attachments', {
    config: { access: ['create', 'visit'] }, schema: { tags, summary: '上传走访照片（multipart/form-data，字段 file；JPEG/PNG/WebP/PDF）', params: idParam, consumes: ['multipart/form-data'], response: { 201: attachmentMetaSchema } },
  }, async (req, reply) => reply.code(201).send(await s.attachments.upload(authed(req), 'visit', req.params.id, await receiveAttachment(req))));

  app.get('/api/assistance/help-days', {
    config: { access: ['read', 'visit'] }, schema: { tags, summary: '帮扶日日历（每月5日、15日、25日的走访情况）', querystring: calendarQuery, response: { 200: calendarResponse } },
  }, async (req) => a.visits.calendar(authed(req), req.query.month, req.query.area));

  app.get('/api/assistance/unvisited', {
    config: { access: ['read', 'visit'] }, schema: { tags, summary: '超过N天未走访的帮扶户（按区域、按帮扶责任人统计）', querystring: unvisitedQuery, response: { 200: unvisitedResponse } },
  }, async (req) => a.visits.unvisited(authed(req), req.query));

  app.get('/api/assistance/settings', {
    config: { access: ['read', 'visit'] }, schema: { tags, summary: '帮扶设置（未走访天数）', response: { 200: settingsShape } },
  }, async () => a.visits.settings());

  app.put('/api/assistance/settings', {
    config: { access: ['manage', 'helper_registry'] }, schema: { tags, summary: '修改帮扶设置（县联动办公室）', body: settingsShape, response: { 200: settingsShape } },
  }, async (req) => a.visits.updateSettings(authed(req), req.body));
};
