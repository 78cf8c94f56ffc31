/** Zod field builders shared by the policy library and the joint-handling cases: Chinese messages on every refusal. */
import { z } from 'zod';
import { isMonth } from '@shouwang/domain';

export const requiredText = (label: string, max: number) =>
  z.string({ error: `${label}应为文本` }).trim().min(1, `请填写${label}`).max(max, `${label}不超过${max}字`);

/** Optional text: absent, null or blank all become null. */
export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文本` })
    .trim()
    .max(max, `${label}不超过${max}字`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const dateField = (label: string) => z.iso.date({ error: `${label}应为有效日期（YYYY-MM-DD）` });

export const monthField = z
  .string({ error: '月份应为 YYYY-MM 格式' })
  .refine(isMonth, '月份应为 YYYY-MM 格式（如 2025-03）');

export const versionField = z.number({ error: '版本号应为数字' }).int('版本号无效').positive('版本号无效');

export const pageFields = {
  page: z.coerce.number({ error: '页码应为数字' }).int('页码应为整数').min(1, '页码从1开始').default(1),
  pageSize: z.coerce.number({ error: '每页条数应为数字' }).int('每页条数应为整数').min(1, '每页至少1条').max(200, '每页最多200条').default(20),
};

export const idParam = z.object({ id: z.coerce.number({ error: '编号无效' }).int('编号无效').positive('编号无效') });

/** A list of short texts (tags, participants, decisions…): trimmed, non-empty, unique, bounded. */
export const textList = (label: string, maxItems: number, maxLen: number) =>
  z
    .array(requiredText(label, maxLen), { error: `${label}应为列表` })
    .max(maxItems, `${label}最多${maxItems}项`)
    .refine((a) => new Set(a).size === a.length, `${label}不能重复`);
