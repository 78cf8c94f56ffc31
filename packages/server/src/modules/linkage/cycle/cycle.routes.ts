/** STUB — replaced by the cycle work. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../../services.js';

export const cycleRoutes = (_s: Services): FastifyPluginAsyncZod => async () => {};
