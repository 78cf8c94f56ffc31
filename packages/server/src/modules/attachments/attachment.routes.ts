/** Evidence files: upload (multipart, one file), list per record, download. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { authed } from '../../http/guard.js';
import { badRequest } from '../../http/errors.js';

const idParam = z.object({ id: z.coerce.number({ error: '编号无效' }).int('编号无效').positive('编号无效') });
const meta = z.object({ id: z.number(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number(), sha256: z.string(), uploadedAt: z.string(), uploadedBy: z.string().nullable() });

export const attachmentRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['attachments'];

  app.get('/api/rectifications/:id/attachments', {
    config: { access: ['read', 'self_check'] },
    schema: { tags, summary: '整改事项的佐证材料（照片、扫描件）', params: idParam, response: { 200: z.object({ items: z.array(meta) }) } },
  }, async (req) => s.attachments.list(authed(req), 'rectification', req.params.id));

  app.post('/api/rectifications/:id/attachments', {
    config: { access: ['submit', 'self_check'] },
    schema: { tags, summary: '上传整改佐证材料（multipart/form-data，字段 file；JPEG/PNG/WebP/PDF）', params: idParam, consumes: ['multipart/form-data'], response: { 201: meta } },
  }, async (req, reply) => {
    const ctx = authed(req);
    const file = await req.file();
    if (!file) throw badRequest('请选择要上传的文件');
    const data = await file.toBuffer();
    return reply.code(201).send(await s.attachments.upload(ctx, 'rectification', req.params.id, { fileName: file.filename, data }));
  });

  app.get('/api/attachments/:id', {
    config: { access: ['read', 'self_check'] },
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
