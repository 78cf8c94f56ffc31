import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { cycleRoutes } from './cycle/cycle.routes.js';
import { scoringRoutes } from './scoring/scoring.routes.js';
import { sharingRoutes } from './sharing/sharing.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';

export const linkageRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  await app.register(cycleRoutes(s));
  await app.register(scoringRoutes(s));
  await app.register(sharingRoutes(s));
  await app.register(calendarRoutes(s));
};
