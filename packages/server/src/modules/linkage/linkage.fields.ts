/** Zod field builders shared by the linkage modules: Chinese messages on every refusal. */
import { z } from 'zod';
import { isMonth } from '@shouwang/domain';

export const text = (label: string, max: number) =>
  z.string({ error: `${label}应为文本` }).trim().max(max, `${label}不超过${max}字`);

export const requiredText = (label: string, max: number) => text(label, max).min(1, `请填写${label}`);

/** Absent, null or blank → null. */
export const optionalText = (label: string, max: number) =>
  text(label, max).nullable().optional().transform((v) => (v ? v : null));

export const dateField = (label: string) => z.iso.date({ error: `${label}应为有效日期（YYYY-MM-DD）` });

export const monthField = z.string({ error: '月份应为 YYYY-MM 格式' }).refine(isMonth, '月份应为 YYYY-MM 格式（如 2026-03）');

export const versionField = z.number({ error: '版本号应为数字' }).int('版本号无效').positive('版本号无效');

export const departmentCodeField = z.string({ error: '部门代码应为文本' }).trim().min(1, '请选择部门').max(64, '部门代码无效');

export const idParam = z.object({ id: z.coerce.number({ error: '编号无效' }).int('编号无效').positive('编号无效') });

export const codeParam = z.object({ code: z.string().trim().min(1, '部门代码无效').max(64, '部门代码无效') });

export const record = z.record(z.string(), z.unknown());

/** A request body: a JSON object (refused in Chinese when missing or not an object). */
export const body = <T extends z.ZodRawShape>(shape: T) => z.object(shape, { error: '请求内容应为 JSON 对象' });

export const pageFields = {
  page: z.coerce.number({ error: '页码应为数字' }).int('页码应为整数').min(1, '页码从1开始').default(1),
  pageSize: z.coerce.number({ error: '每页条数应为数字' }).int('每页条数应为整数').min(1, '每页至少1条').max(200, '每页最多200条').default(20),
};

/** A list of short texts (tags, participants, decisions…): trimmed, non-empty, unique, bounded. */
export const textList = (label: string, maxItems: number, maxLen: number) =>
  z
    .array(requiredText(label, maxLen), { error: `${label}应为列表` })
    .max(maxItems, `${label}最多${maxItems}项`)
    .refine((a) => new Set(a).size === a.length, `${label}不能重复`);
