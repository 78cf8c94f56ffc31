/** Routes of the monthly cycle: parse → declared access → service → present. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../../services.js';
import { authed } from '../../../http/guard.js';
import { body, codeParam, idParam, record } from '../linkage.fields.js';
import { createSelfCheckBody, listSelfChecksQuery, overviewQuery, problemBody, rectificationPatchBody, reopenSelfCheckBody, submitSelfCheckBody, updateSelfCheckBody } from './self-check.schemas.js';
import { listTownshipRankingsQuery, submitTownshipRankingBody } from './township-ranking.schemas.js';
import { attendanceBody, createMeetingBody, listMeetingsQuery, meetingTaskBody, meetingTaskPatchBody, updateMeetingBody } from './meeting.schemas.js';

const department = z.object({
  code: z.string(), name: z.string(), class: z.enum(['close', 'related', 'emergency']), classLabel: z.string(), sortOrder: z.number(), duties: z.array(z.string()),
});
const selfCheckDetail = z.object({ selfCheck: record, problems: z.array(record) });
const meetingDetail = z.object({ meeting: record, attendance: z.array(record), tasks: z.array(record) });

export const cycleRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const c = s.linkage.cycle;

  // ── 成员单位与职责清单 ──────────────────────────────────────────────────
  {
    const tags = ['5+2 部门与职责'];
    app.get('/api/departments', {
      config: { access: ['read', 'department'] }, schema: { tags, summary: '“5+2”成员单位（26个）及职责清单', response: { 200: z.object({ items: z.array(department) }) } },
    }, async () => c.departments.list());

    app.get('/api/departments/:code', {
      config: { access: ['read', 'department'] }, schema: { tags, summary: '部门及职责清单', params: codeParam, response: { 200: z.object({ department }) } },
    }, async (req) => c.departments.get(req.params.code));

    app.put('/api/departments/:code/duties', {
      config: { access: ['manage', 'department'] }, schema: { tags, summary: '修改部门职责清单（整体替换，记入审计日志）', params: codeParam,
        body: body({ duties: z.array(z.string({ error: '职责应为文本' }), { error: '职责清单应为列表' }).max(100, '职责清单条目过多') }),
        response: { 200: z.object({ department }) } },
    }, async (req) => c.departments.setDuties(authed(req), req.params.code, req.body.duties));
  }

  // ── 每月一次自查 ────────────────────────────────────────────────────────
  {
    const tags = ['5+2 每月自查'];
    app.get('/api/self-checks', {
      config: { access: ['read', 'self_check'] }, schema: { tags, summary: '自查报告列表（部门用户只见本部门）', querystring: listSelfChecksQuery, response: { 200: z.object({ items: z.array(record) }) } },
    }, async (req) => c.selfChecks.list(authed(req), req.query));

    app.get('/api/self-checks/overview', {
      config: { access: ['read', 'self_check'] }, schema: { tags, summary: '月度自查报送情况（按时/逾期/草稿/未报送/未到期）', querystring: overviewQuery,
        response: { 200: z.object({ month: z.string(), dueDate: z.string(), totals: z.record(z.string(), z.number()), items: z.array(record) }) } },
    }, async (req) => c.selfChecks.overview(authed(req), req.query.month));

    app.post('/api/self-checks', {
      config: { access: ['submit', 'self_check'] }, schema: { tags, summary: '新建本部门月度自查报告（草稿）', body: createSelfCheckBody, response: { 201: selfCheckDetail } },
    }, async (req, reply) => reply.code(201).send(await c.selfChecks.create(authed(req), req.body)));

    app.get('/api/self-checks/:id', {
      config: { access: ['read', 'self_check'] }, schema: { tags, summary: '自查报告及问题清单（整改台账）', params: idParam, response: { 200: selfCheckDetail } },
    }, async (req) => c.selfChecks.get(authed(req), req.params.id));

    app.put('/api/self-checks/:id', {
      config: { access: ['submit', 'self_check'] }, schema: { tags, summary: '修改自查报告草稿', params: idParam, body: updateSelfCheckBody, response: { 200: selfCheckDetail } },
    }, async (req) => c.selfChecks.update(authed(req), req.params.id, req.body.summary, req.body.version));

    app.post('/api/self-checks/:id/problems', {
      config: { access: ['submit', 'self_check'] }, schema: { tags, summary: '在自查报告草稿中登记问题（整改台账）', params: idParam, body: problemBody, response: { 201: z.object({ rectification: record }) } },
    }, async (req, reply) => reply.code(201).send(await c.selfChecks.addProblem(authed(req), req.params.id, req.body)));

    app.post('/api/self-checks/:id/submit', {
      config: { access: ['submit', 'self_check'] }, schema: { tags, summary: '报送自查报告（次月5日后报送记为逾期）', params: idParam, body: submitSelfCheckBody, response: { 200: selfCheckDetail } },
    }, async (req) => c.selfChecks.submit(authed(req), req.params.id, req.body?.version));

    app.post('/api/self-checks/:id/reopen', {
      config: { access: ['manage', 'self_check'] }, schema: { tags, summary: '退回已报送的自查报告（需填写原因，记入审计日志）', params: idParam, body: reopenSelfCheckBody, response: { 200: selfCheckDetail } },
    }, async (req) => c.selfChecks.reopen(authed(req), req.params.id, req.body.reason));

    app.put('/api/rectifications/:id', {
      config: { access: ['submit', 'self_check'] }, schema: { tags, summary: '更新整改情况（报送后仍可更新整改进度）', params: idParam, body: rectificationPatchBody, response: { 200: z.object({ rectification: record }) } },
    }, async (req) => c.selfChecks.updateRectification(authed(req), req.params.id, req.body));

    app.delete('/api/rectifications/:id', {
      config: { access: ['submit', 'self_check'] }, schema: { tags, summary: '删除草稿中误登记的问题', params: idParam },
    }, async (req, reply) => {
      await c.selfChecks.removeRectification(authed(req), req.params.id);
      return reply.code(204).send();
    });

    app.get('/api/township-rankings', {
      config: { access: ['read', 'self_check'] }, schema: { tags, summary: '紧密型部门乡镇评分排名（部门用户只见本部门）', querystring: listTownshipRankingsQuery, response: { 200: z.object({ items: z.array(record) }) } },
    }, async (req) => c.townshipRankings.list(authed(req), req.query));

    app.post('/api/township-rankings', {
      config: { access: ['submit', 'self_check'] }, schema: { tags, summary: '报送本月乡镇评分排名（紧密型部门，覆盖全部乡镇）', body: submitTownshipRankingBody, response: { 201: z.object({ ranking: record }) } },
    }, async (req, reply) => reply.code(201).send(await c.townshipRankings.submit(authed(req), req.body)));
  }

  // ── 每月一次小结 ────────────────────────────────────────────────────────
  {
    const tags = ['5+2 每月小结'];
    app.get('/api/meetings', {
      config: { access: ['read', 'meeting'] }, schema: { tags, summary: '联动会议列表（交流会/推进会/观摩会）', querystring: listMeetingsQuery, response: { 200: z.object({ items: z.array(record) }) } },
    }, async (req) => c.meetings.list(authed(req), req.query.year));

    app.post('/api/meetings', {
      config: { access: ['manage', 'meeting'] }, schema: { tags, summary: '新建会议（参会情况默认全部出席）', body: createMeetingBody, response: { 201: meetingDetail } },
    }, async (req, reply) => reply.code(201).send(await c.meetings.create(authed(req), req.body)));

    app.get('/api/meetings/:id', {
      config: { access: ['read', 'meeting'] }, schema: { tags, summary: '会议详情、参会情况与任务（部门用户只见本部门）', params: idParam, response: { 200: meetingDetail } },
    }, async (req) => c.meetings.get(authed(req), req.params.id));

    app.put('/api/meetings/:id', {
      config: { access: ['manage', 'meeting'] }, schema: { tags, summary: '修改会议信息与纪要', params: idParam, body: updateMeetingBody, response: { 200: meetingDetail } },
    }, async (req) => c.meetings.update(authed(req), req.params.id, req.body));

    app.put('/api/meetings/:id/attendance', {
      config: { access: ['manage', 'meeting'] }, schema: { tags, summary: '登记参会情况（出席/缺席/未按要求参会/请假）', params: idParam, body: attendanceBody, response: { 200: z.object({ attendance: z.array(record) }) } },
    }, async (req) => c.meetings.setAttendance(authed(req), req.params.id, req.body.items));

    app.post('/api/meetings/:id/tasks', {
      config: { access: ['manage', 'meeting'] }, schema: { tags, summary: '布置会议任务', params: idParam, body: meetingTaskBody, response: { 201: z.object({ task: record }) } },
    }, async (req, reply) => reply.code(201).send(await c.meetings.addTask(authed(req), req.params.id, req.body)));

    app.put('/api/meeting-tasks/:id', {
      config: { access: ['manage', 'meeting'] }, schema: { tags, summary: '更新会议任务（完成时记录完成日期）', params: idParam, body: meetingTaskPatchBody, response: { 200: z.object({ task: record }) } },
    }, async (req) => c.meetings.updateTask(authed(req), req.params.id, req.body));
  }
};
