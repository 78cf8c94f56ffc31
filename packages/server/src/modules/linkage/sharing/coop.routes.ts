/** Joint-handling routes (协同处置): the county office opens and closes cases; departments work their own tasks. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../../services.js';
import { authed } from '../../../http/guard.js';
import { idParam } from '../linkage.fields.js';
import {
  caseDetailView, caseListItem, caseListQuery, closeCaseBody, createCaseBody, overdueItem, overdueQuery, taskInput, taskView,
  updateCaseBody, updateTaskBody,
} from './coop.schemas.js';

export const coopRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['协同处置'];
  const coop = s.linkage.sharing.coop;

  app.get('/api/coop-cases', {
    config: { access: ['read', 'coop_case'] },
    schema: { tags, summary: '协同处置事项列表（部门用户只见本部门有任务的事项）', querystring: caseListQuery,
      response: { 200: z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(caseListItem) }) } },
  }, async (req) => coop.list(authed(req), req.query));

  app.post('/api/coop-cases', {
    config: { access: ['manage', 'coop_case'] },
    schema: { tags, summary: '新建协同处置事项（联防联控、联席会商、联合处置、交办），同时分派部门任务', body: createCaseBody, response: { 201: caseDetailView } },
  }, async (req, reply) => reply.code(201).send(await coop.create(authed(req), req.body)));

  app.get('/api/coop-cases/:id', {
    config: { access: ['read', 'coop_case'] },
    schema: { tags, summary: '协同处置事项详情（含全部任务）', params: idParam, response: { 200: caseDetailView } },
  }, async (req) => coop.get(authed(req), req.params.id));

  app.put('/api/coop-cases/:id', {
    config: { access: ['manage', 'coop_case'] },
    schema: { tags, summary: '修改事项（含会商纪要、处置情况等附加信息）', params: idParam, body: updateCaseBody, response: { 200: caseDetailView } },
  }, async (req) => coop.update(authed(req), req.params.id, req.body));

  app.post('/api/coop-cases/:id/tasks', {
    config: { access: ['manage', 'coop_case'] },
    schema: { tags, summary: '追加部门任务', params: idParam, body: taskInput, response: { 201: z.object({ task: taskView }) } },
  }, async (req, reply) => reply.code(201).send(await coop.addTask(authed(req), req.params.id, req.body)));

  app.post('/api/coop-cases/:id/close', {
    config: { access: ['manage', 'coop_case'] },
    schema: { tags, summary: '办结事项（全部任务已办结或转入后续计划）', params: idParam, body: closeCaseBody, response: { 200: caseDetailView } },
  }, async (req) => coop.close(authed(req), req.params.id, req.body.closeNote));

  app.get('/api/coop-tasks/overdue', {
    config: { access: ['read', 'coop_case'] },
    schema: { tags, summary: '逾期未办结任务（部门用户只见本部门）', querystring: overdueQuery,
      response: { 200: z.object({ asOf: z.string(), items: z.array(overdueItem) }) } },
  }, async (req) => coop.overdue(authed(req), req.query.departmentCode));

  app.put('/api/coop-tasks/:id', {
    config: { access: ['update', 'coop_case'] },
    schema: { tags, summary: '更新任务：办理进展、办结（须填写办理结果）、转入后续计划（须填写转入说明）', params: idParam, body: updateTaskBody,
      response: { 200: z.object({ task: taskView }) } },
  }, async (req) => coop.updateTask(authed(req), req.params.id, req.body));
};
