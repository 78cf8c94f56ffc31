/** The Fastify application: plugins, error handling, OpenAPI, routes, and the built web UI — on one port. */
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from './services.js';
import { installErrorHandler, installNotFound } from './http/error-handler.js';
import { sessionPlugin } from './http/session.plugin.js';
import { installAccessControl } from './http/guard.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { registryRoutes } from './modules/registry/registry.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { areaRoutes } from './modules/areas/area.routes.js';
import { linkageRoutes } from './modules/linkage/linkage.routes.js';
import { attachmentRoutes } from './modules/attachments/attachment.routes.js';
import { importsRoutes } from './modules/imports/imports.routes.js';
import { comparisonRoutes } from './modules/comparison/comparison.routes.js';
import { warningsRoutes } from './modules/warnings/warnings.routes.js';
import { selfReportRoutes } from './modules/self-report/self-report.routes.js';
import { screeningRoutes } from './modules/screening/screening.routes.js';
import { casesRoutes } from './modules/cases/cases.routes.js';
import { assistanceRoutes } from './modules/assistance/assistance.routes.js';
import { qualityRoutes } from './modules/quality/quality.routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: { method: string; url: string }[];
  }
}

export interface AppOptions {
  bodyLimit: number;
  cookieSecure: boolean;
  logLevel: string;
  webDist?: string;
  counties: string[];
  version: string;
}

// Messages of zod's own checks (types, required fields) in Chinese, like ours.
z.config(z.locales.zhCN());

export async function buildApp(s: Services, o: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: o.logLevel === 'silent' ? false : { level: o.logLevel, redact: ['req.headers.cookie', 'req.body.password'] },
    bodyLimit: o.bodyLimit,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  // Every API route, for the access-matrix test and the OpenAPI check.
  const apiRoutes: { method: string; url: string }[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/') || r.url.startsWith('/api/docs') || r.method === 'HEAD') return;
    for (const m of [r.method].flat()) if (m !== 'HEAD') apiRoutes.push({ method: m, url: r.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installAccessControl(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"] },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  // Uploads: one file per request, bounded by the attachment limit (413 above it).
  await app.register(multipart, { limits: { fileSize: s.attachments.maxBytes, files: 1, fields: 10, parts: 11 } });
  await app.register(swagger, {
    openapi: {
      info: { title: '守望 Shouwang API', description: '防止返贫动态监测和帮扶平台接口', version: o.version },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sw_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(sessionPlugin(s.auth));

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['system'], summary: '健康检查', security: [],
      response: { 200: z.object({ status: z.literal('ok'), engine: z.enum(['pglite', 'postgres']), version: z.string(), counties: z.array(z.string()) }) } },
  }, async () => {
    await s.db.query('SELECT 1');
    return { status: 'ok' as const, engine: s.db.engine, version: o.version, counties: o.counties };
  });

  await app.register(authRoutes(s, { cookieSecure: o.cookieSecure }));
  await app.register(areaRoutes(s));
  await app.register(registryRoutes(s));
  await app.register(usersRoutes(s));
  await app.register(auditRoutes(s));
  await app.register(linkageRoutes(s));
  await app.register(attachmentRoutes(s));
  await app.register(importsRoutes(s));
  await app.register(comparisonRoutes(s));
  await app.register(warningsRoutes(s));
  await app.register(selfReportRoutes(s));
  await app.register(screeningRoutes(s));
  await app.register(casesRoutes(s));
  await app.register(assistanceRoutes(s));
  await app.register(qualityRoutes(s));

  const spa = Boolean(o.webDist && existsSync(o.webDist));
  if (spa) await app.register(fastifyStatic, { root: o.webDist!, wildcard: false });
  installNotFound(app, spa);
  return app;
}
