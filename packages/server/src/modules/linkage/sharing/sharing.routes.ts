/** Routes of the "2" mechanisms: the policy library and joint handling. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../../services.js';
import { policyRoutes } from './policy.routes.js';
import { coopRoutes } from './coop.routes.js';

export const sharingRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  await app.register(policyRoutes(s));
  await app.register(coopRoutes(s));
};
