import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../../services.js';
import { authed } from '../../../http/guard.js';

const item = z.object({
  date: z.string(),
  kind: z.enum(['self_check_due', 'meeting', 'submission_due', 'task_due', 'quarter_end', 'helper_day']),
  title: z.string(),
  departmentCode: z.string().nullable(),
  state: z.enum(['done', 'pending', 'due_soon', 'overdue']),
});

export const calendarRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/linkage/calendar', {
    config: { access: ['read', 'self_check'] },
    schema: {
      tags: ['linkage'], summary: '"5+2"日历：本月到期事项与提醒',
      querystring: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM') }),
      response: { 200: z.object({ month: z.string(), items: z.array(item) }) },
    },
  }, async (req) => s.linkage.calendar.month(authed(req), req.query.month));
};
