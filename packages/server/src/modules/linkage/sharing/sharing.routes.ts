/** STUB — replaced by the sharing work. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../../services.js';

export const sharingRoutes = (_s: Services): FastifyPluginAsyncZod => async () => {};
