/** Request schemas of the monthly self-check (每月一次自查) and its 整改台账; the single source for validation and OpenAPI. */
import { z } from 'zod';
import { body, dateField, departmentCodeField, monthField, optionalText, requiredText, text, versionField } from '../linkage.fields.js';

export const SELF_CHECK_LIMITS = { summary: 5000, problem: 1000, measure: 1000, owner: 64, evidenceItems: 20 } as const;

const summaryField = text('自查情况小结', SELF_CHECK_LIMITS.summary);

export const selfCheckStatusField = z.enum(['draft', 'submitted'], { error: '自查报告状态取值无效（draft 草稿 / submitted 已提交）' });
export const rectificationStatusField = z.enum(['in_progress', 'done', 'long_term'], {
  error: '整改状态取值无效（in_progress 整改中 / done 已整改 / long_term 长期整改）',
});

/** 整改佐证材料: a name and a note for now (no file upload yet). */
export const evidenceField = z
  .array(z.object({ name: requiredText('佐证材料名称', 100), note: optionalText('佐证材料说明', 500) }), { error: '佐证材料应为列表' })
  .max(SELF_CHECK_LIMITS.evidenceItems, `佐证材料最多${SELF_CHECK_LIMITS.evidenceItems}项`);

export const createSelfCheckBody = body({
  month: monthField,
  summary: summaryField.default(''),
  /** Defaults to the caller's department; another department is refused. */
  departmentCode: departmentCodeField.optional(),
});
export type CreateSelfCheckInput = z.infer<typeof createSelfCheckBody>;

export const updateSelfCheckBody = body({ summary: summaryField, version: versionField });

/** Optional: submitting without a body is fine; a version given must be current. */
export const submitSelfCheckBody = body({ version: versionField.optional() }).nullish();

export const reopenSelfCheckBody = body({ reason: requiredText('退回原因', 500) });

export const listSelfChecksQuery = z.object({
  month: monthField.optional(),
  departmentCode: departmentCodeField.optional(),
  status: selfCheckStatusField.optional(),
});
export type ListSelfChecksQuery = z.infer<typeof listSelfChecksQuery>;

export const overviewQuery = z.object({ month: monthField });

export const problemBody = body({
  problem: requiredText('问题描述', SELF_CHECK_LIMITS.problem),
  measure: requiredText('整改措施', SELF_CHECK_LIMITS.measure),
  owner: requiredText('整改责任人', SELF_CHECK_LIMITS.owner),
  deadline: dateField('整改时限'),
  status: rectificationStatusField.default('in_progress'),
  doneOn: dateField('整改完成日期').nullable().optional().transform((v) => v ?? null),
  evidence: evidenceField.default([]),
});
export type ProblemInput = z.infer<typeof problemBody>;

/** A partial change; fields left out keep their value. */
export const rectificationPatchBody = body({
  problem: requiredText('问题描述', SELF_CHECK_LIMITS.problem).optional(),
  measure: requiredText('整改措施', SELF_CHECK_LIMITS.measure).optional(),
  owner: requiredText('整改责任人', SELF_CHECK_LIMITS.owner).optional(),
  deadline: dateField('整改时限').optional(),
  status: rectificationStatusField.optional(),
  doneOn: dateField('整改完成日期').nullable().optional(),
  evidence: evidenceField.optional(),
});
export type RectificationPatch = z.infer<typeof rectificationPatchBody>;
