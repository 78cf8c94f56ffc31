import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';

export const casesRoutes = (_s: Services): FastifyPluginAsyncZod => async (_app) => {};
