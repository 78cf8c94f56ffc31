/** Evidence files: upload (multipart, one file), list per record, download. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { authed } from '../../http/guard.js';
import { receiveAttachment } from './attachment.upload.js';

export const idParam = z.object({ id: z.coerce.number({ error: '编号无效' }).int('编号无效').positive('编号无效') });
export const attachmentMetaSchema = z.object({ id: z.number(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number(), sha256: z.string(), uploadedAt: z.string(), uploadedBy: z.string().nullable() });

export const attachmentRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['attachments'];

  app.get('/api/rectifications/:id/attachments', {
    config: { access: ['read', 'self_check'] },
    schema: { tags, summary: '整改事项的佐证材料（照片、扫描件）', params: idParam, response: { 200: z.object({ items: z.array(attachmentMetaSchema) }) } },
  }, async (req) => s.attachments.list(authed(req), 'rectification', req.params.id));

  app.post('/api/rectifications/:id/attachments', {
    config: { access: ['submit', 'self_check'] },
    schema: { tags, summary: '上传整改佐证材料（multipart/form-data，字段 file；JPEG/PNG/WebP/PDF）', params: idParam, consumes: ['multipart/form-data'], response: { 201: attachmentMetaSchema } },
  }, async (req, reply) => {
    const ctx = authed(req);
    return reply.code(201).send(await s.attachments.upload(ctx, 'rectification', req.params.id, await receiveAttachment(req)));
  });

  app.get('/api/attachments/:id', {
    // Who may read depends on the record the file belongs to: the service checks that record's policy and scope.
    config: { access: 'authenticated' },
    schema: { tags, summary: '下载佐证材料', params: idParam },
  }, async (req, reply) => {
    const f = await s.attachments.download(authed(req), req.params.id);
    return reply
      .type(f.contentType)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(f.data);
  });
};
