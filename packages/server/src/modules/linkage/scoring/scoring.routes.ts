/** STUB — replaced by the scoring work. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../../services.js';

export const scoringRoutes = (_s: Services): FastifyPluginAsyncZod => async () => {};
