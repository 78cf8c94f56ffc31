/** The scoring part's routes: records (settings, 资料报送, 核查, manual items) and scores, rankings, notices. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../../services.js';
import { scoringRecordsRoutes } from './scoring-records.routes.js';
import { rankingRoutes } from './ranking.routes.js';

export const scoringRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  await app.register(scoringRecordsRoutes(s));
  await app.register(rankingRoutes(s));
};
