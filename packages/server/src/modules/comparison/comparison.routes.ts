import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';

export const comparisonRoutes = (_s: Services): FastifyPluginAsyncZod => async (_app) => {};
