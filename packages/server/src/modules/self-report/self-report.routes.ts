/** 一码通 routes: the public self-report page's API (no login), the 农户申报 list, and the household cards. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { authed } from '../../http/guard.js';
import { AppError, badRequest } from '../../http/errors.js';
import type { Photo, SubmittedReport } from './self-report.service.js';

const codeParam = z.object({ code: z.string().max(64, '二维码无效') });
const idParam = z.object({ id: z.coerce.number({ error: '编号无效' }).int('编号无效').positive('编号无效') });
const statusSchema = z.object({ status: z.string(), statusLabel: z.string() });
const publicView = z.object({
  villageName: z.string(),
  hardships: z.array(z.object({ value: z.string(), label: z.string() })),
  reports: z.array(statusSchema.extend({ submittedOn: z.string(), hardships: z.array(z.string()), description: z.string(), photoCount: z.number() })),
});
const jsonReport = z.object({
  hardships: z.array(z.string().max(32)).max(8, '困难类型最多选择8项'),
  description: z.string().max(5000, '情况说明不能超过500字'),
  phone: z.string().max(30, '联系电话格式不正确').nullish(),
});
const cardSchema = z.object({
  householdId: z.number(), householdNo: z.string(), code: z.string(), url: z.string(), qrDataUrl: z.string(), villageName: z.string(),
  townshipName: z.string().nullable(), headName: z.string(), helperName: z.string().nullable(), monitorContact: z.string().nullable(),
  villageContacts: z.array(z.string()),
  text: z.object({ title: z.string(), intro: z.string(), whatToReport: z.array(z.string()), howToReport: z.array(z.string()), hotline: z.string(), promise: z.string() }),
});
const listQuery = z.object({
  area: z.string().regex(/^\d{2,12}$/, '区域代码无效').optional(),
  status: z.enum(['open', 'closed'], { error: '状态无效' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const listItem = z.object({
  id: z.number(), submittedAt: z.string(), villageCode: z.string(), villageName: z.string(), townshipName: z.string().nullable(), householdId: z.number(),
  householdNo: z.string(), headName: z.string().nullable(), hardships: z.array(z.string()), description: z.string(), phone: z.string().nullable(),
  photoCount: z.number(), warningId: z.number(), warningState: z.string(), warningStateLabel: z.string(), statusLabel: z.string(),
});

const originOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/** Read the report from a multipart form (fields hardships, description, phone; files photos, up to 3) or JSON. */
async function readReport(req: FastifyRequest, photoMaxBytes: number): Promise<SubmittedReport> {
  if (!req.isMultipart()) {
    const parsed = jsonReport.safeParse(req.body ?? {});
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
      throw badRequest(fields[0]!.message, fields);
    }
    return { hardships: parsed.data.hardships, description: parsed.data.description, phone: parsed.data.phone ?? null, photos: [] };
  }
  const out: SubmittedReport = { hardships: [], description: '', phone: null, photos: [] };
  const photos: Photo[] = [];
  try {
    for await (const part of req.parts({ limits: { fileSize: photoMaxBytes, files: 3, fields: 20, parts: 23 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'photos') {
          await part.toBuffer();
          continue;
        }
        photos.push({ fileName: part.filename, data: await part.toBuffer() });
      } else {
        const value = String(part.value ?? '');
        if (part.fieldname === 'hardships') out.hardships.push(...value.split(',').map((s) => s.trim()).filter(Boolean));
        else if (part.fieldname === 'description') out.description = value;
        else if (part.fieldname === 'phone') out.phone = value;
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    const mbText = `${Math.round((photoMaxBytes / 1_048_576) * 10) / 10} MB`;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'too_large', `第${photos.length + 1}张照片过大：每张不超过 ${mbText}`, [{ field: 'photos', message: `每张照片不超过 ${mbText}` }]);
    if (code === 'FST_FILES_LIMIT') throw badRequest('最多上传3张照片', [{ field: 'photos', message: '最多上传3张照片' }]);
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw badRequest('提交的内容项过多', []);
    throw e;
  }
  out.photos = photos;
  return out;
}

export const selfReportRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['self-report'];
  const svc = s.selfReport.reports;

  app.get('/api/public/self-report/:code', {
    config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { tags, summary: '一码通：本户申报页（村名与本户申报进度，无需登录）', security: [], params: codeParam, response: { 200: publicView } },
  }, async (req) => svc.publicView(req.params.code));

  app.post('/api/public/self-report/:code', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags, summary: '一码通：农户自主申报（multipart/form-data：hardships、description、phone，照片字段 photos 最多3张；或 JSON）', security: [],
      params: codeParam, consumes: ['multipart/form-data', 'application/json'], response: { 201: statusSchema.extend({ submittedOn: z.string() }) },
    },
  }, async (req, reply) => {
    const report = await readReport(req, svc.photoMaxBytes);
    return reply.code(201).send(await svc.submit(req.ctx, req.params.code, report));
  });

  app.get('/api/self-reports', {
    config: { access: ['read', 'warning'] },
    schema: { tags, summary: '农户申报列表（本辖区，含核实状态与预警链接）', querystring: listQuery,
      response: { 200: z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(listItem) }) } },
  }, async (req) => svc.list(authed(req), req.query));

  app.get('/api/households/:id/card', {
    config: { access: ['read', 'household'] },
    schema: { tags, summary: '农户明白纸（一码通二维码，打印；记入审计日志）', params: idParam, response: { 200: cardSchema } },
  }, async (req) => svc.card(authed(req), req.params.id, originOf(req)));

  app.get('/api/household-cards', {
    config: { access: ['read', 'household'] },
    schema: { tags, summary: '整村批量打印明白纸（每户一页；记入审计日志）', querystring: z.object({ village: z.string().regex(/^\d{12}$/, '请选择一个村') }),
      response: { 200: z.object({ villageCode: z.string(), villageName: z.string(), items: z.array(cardSchema) }) } },
  }, async (req) => svc.villageCards(authed(req), req.query.village, originOf(req)));
};
