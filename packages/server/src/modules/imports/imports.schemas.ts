/** Request/response schemas of imports and exports (zod): validation and the OpenAPI document. */
import { z } from 'zod';
import { listQuery } from '../registry/registry.schemas.js';

export const modeQuery = z.object({
  mode: z.enum(['atomic', 'valid_rows'], { error: '导入方式应为 atomic（全部正确才导入）或 valid_rows（仅导入正确的行）' }).default('atomic'),
});
export const jobIdParam = z.object({ id: z.coerce.number({ error: '编号无效' }).int('编号无效').positive('编号无效') });
export const templateParam = z.object({ template: z.enum(['registry', 'roster'], { error: '模板应为 registry 或 roster' }) });
export const jobListQuery = z.object({ kind: z.enum(['registry', 'roster'], { error: '类型应为 registry 或 roster' }).optional() });
export const exportQuery = listQuery.omit({ page: true, pageSize: true });

export const rowErrorSchema = z.object({ row: z.number(), column: z.string(), value: z.string(), message: z.string() });
export const jobSchema = z.object({
  id: z.number(),
  kind: z.enum(['registry', 'roster']),
  mode: z.enum(['atomic', 'valid_rows']),
  status: z.enum(['running', 'succeeded', 'failed']),
  fileName: z.string(),
  fileFormat: z.string().nullable(),
  fileBytes: z.number(),
  rowsRead: z.number(),
  rowsWritten: z.number(),
  householdsWritten: z.number(),
  errorCount: z.number(),
  message: z.string().nullable(),
  warnings: z.array(z.string()),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  errors: z.array(rowErrorSchema).optional(),
  errorsTruncated: z.boolean().optional(),
});

export const resolvedColumnsSchema = z.object({
  headers: z.array(z.string()),
  columns: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean(), header: z.string().nullable() })),
  missing: z.array(z.string()),
  unknown: z.array(z.string()),
  savedMapping: z.boolean(),
});
export const previewSchema = resolvedColumnsSchema.extend({ format: z.enum(['xlsx', 'csv']), encoding: z.string().nullable() });

export const mappingBody = z.object({
  headers: z.array(z.string().max(200, '列名过长')).min(1, '请提供文件的列名').max(300, '列数过多'),
  /** file header → template column key ('' = ignore the column) */
  mapping: z.record(z.string().max(200), z.string().max(64)),
});
export const mappingListSchema = z.object({ items: z.array(z.object({ headers: z.array(z.string()), mapping: z.record(z.string(), z.string()), updatedAt: z.string() })) });

export const rosterSummarySchema = z.object({
  total: z.number(),
  townships: z.array(z.object({ code: z.string(), name: z.string(), persons: z.number(), villages: z.number() })),
  lastImport: jobSchema.nullable(),
});
