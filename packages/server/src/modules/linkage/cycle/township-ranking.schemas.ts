/** Request schemas of the monthly 乡镇评分排名 filed by 紧密型 departments. */
import { z } from 'zod';
import { body, departmentCodeField, monthField, optionalText } from '../linkage.fields.js';

const scoreField = z
  .number({ error: '评分应为数字' })
  .min(0, '评分不能为负')
  .max(1000, '评分不超过1000')
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, '评分最多保留两位小数');

export const submitTownshipRankingBody = body({
  month: monthField,
  /** Defaults to the caller's department; another department is refused. */
  departmentCode: departmentCodeField.optional(),
  items: z
    .array(z.object({
      townshipCode: z.string({ error: '乡镇代码应为文本' }).trim().regex(/^\d{9}$/, '乡镇代码应为9位行政区划代码'),
      score: scoreField,
      remark: optionalText('备注', 200),
    }), { error: '评分明细应为列表' })
    .min(1, '请填写各乡镇的评分')
    .max(100, '评分明细过多'),
});
export type SubmitTownshipRankingInput = z.infer<typeof submitTownshipRankingBody>;

export const listTownshipRankingsQuery = z.object({ month: monthField.optional(), departmentCode: departmentCodeField.optional() });
export type ListTownshipRankingsQuery = z.infer<typeof listTownshipRankingsQuery>;
