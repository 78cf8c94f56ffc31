/** Request/response schemas of joint handling (协同处置): cases, their department tasks, the overdue view. */
import { z } from 'zod';
import { COOP_CASE_KINDS, COOP_TASK_STATUSES, type CoopCaseKind } from '@shouwang/domain';
import type { FieldError } from '../../../http/errors.js';
import { dateField, optionalText, pageFields, requiredText, textList, versionField } from '../linkage.fields.js';

const kind = z.enum(COOP_CASE_KINDS as [CoopCaseKind, ...CoopCaseKind[]], { error: '事项类型应为联防联控、联席会商、联合处置或交办（joint_prevention/consultation/joint_handling/assignment）' });
const caseStatus = z.enum(['open', 'closed'], { error: '事项状态应为办理中或已办结（open/closed）' });
const taskStatus = z.enum(COOP_TASK_STATUSES as ['open', 'done', 'carried_over'], { error: '任务状态应为办理中、已办结或转入后续计划（open/done/carried_over）' });
const departmentCode = z.string({ error: '责任部门应为部门代码' }).trim().min(1, '请选择责任部门').max(40, '部门代码无效');

export const taskInput = z.object({
  departmentCode,
  title: requiredText('任务内容', 200),
  deadline: dateField('办理期限'),
});
export type TaskInput = z.infer<typeof taskInput>;

const householdId = z.number({ error: '关联农户应为农户编号' }).int('关联农户编号无效').positive('关联农户编号无效').nullable().optional().transform((v) => v ?? null);
const detailsRaw = z.record(z.string(), z.unknown(), { error: '附加信息应为对象' }).default({});

const caseFields = {
  title: requiredText('事项标题', 200),
  description: z.string({ error: '情况描述应为文本' }).trim().max(4000, '情况描述不超过4000字').default(''),
  householdId,
  subject: optionalText('处置对象', 200),
  details: detailsRaw,
};

export const createCaseBody = z.object({
  kind,
  ...caseFields,
  openedOn: dateField('立案日期').optional(),
  tasks: z.array(taskInput, { error: '任务应为列表' }).min(1, '至少分派一项部门任务').max(50, '一次最多分派50项任务'),
});
export type CreateCaseBody = z.infer<typeof createCaseBody>;

export const updateCaseBody = z.object({ ...caseFields, version: versionField });
export type UpdateCaseBody = z.infer<typeof updateCaseBody>;

export const closeCaseBody = z.object({ closeNote: requiredText('办结说明', 2000) });

export const updateTaskBody = z.object({
  status: taskStatus,
  progress: optionalText('办理进展', 2000),
  resultNote: optionalText('办理结果', 2000),
  carryNote: optionalText('转入说明', 2000),
  version: versionField,
});
export type UpdateTaskBody = z.infer<typeof updateTaskBody>;

export const caseListQuery = z.object({ kind: kind.optional(), status: caseStatus.optional(), departmentCode: departmentCode.optional(), ...pageFields });
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const overdueQuery = z.object({ departmentCode: departmentCode.optional() });

// The kind's own fields, kept in `details`. Kinds without their own fields take an empty object.
const strict = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, { error: (iss) => (iss.code === 'unrecognized_keys' ? `不支持的字段：${iss.keys.join('、')}` : undefined) });
const longText = (label: string) => z.string({ error: `${label}应为文本` }).trim().max(10000, `${label}不超过10000字`).default('');

const DETAILS: Record<CoopCaseKind, z.ZodType> = {
  consultation: strict({ participants: textList('参会人员', 100, 50).default([]), minutes: longText('会商纪要'), decisions: textList('会商决定', 50, 500).default([]) }),
  joint_handling: strict({ team: textList('现场处置人员', 100, 50).default([]), findings: longText('核查情况'), actions: textList('处置措施', 50, 500).default([]) }),
  joint_prevention: strict({}),
  assignment: strict({}),
};

/** Parse `details` for the case kind; field errors are reported under `details.…`. */
export function parseDetails(k: CoopCaseKind, raw: unknown): { ok: true; value: Record<string, unknown> } | { ok: false; fields: FieldError[] } {
  const r = DETAILS[k].safeParse(raw ?? {});
  if (r.success) return { ok: true, value: r.data as Record<string, unknown> };
  return { ok: false, fields: r.error.issues.map((i) => ({ field: ['details', ...i.path.map(String)].join('.'), message: i.message })) };
}

const record = z.record(z.string(), z.unknown());

export const taskView = z.object({
  id: z.number(),
  caseId: z.number(),
  departmentCode: z.string(),
  departmentName: z.string(),
  title: z.string(),
  deadline: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  progress: z.string().nullable(),
  resultNote: z.string().nullable(),
  carryNote: z.string().nullable(),
  closedOn: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number(),
});

export const caseListItem = z.object({
  id: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  openedOn: z.string(),
  status: z.string(),
  closedOn: z.string().nullable(),
  taskCount: z.number(),
  openTaskCount: z.number(),
  overdueTaskCount: z.number(),
  departments: z.array(z.string()),
});

export const caseDetailView = z.object({ case: record, household: record.nullable(), tasks: z.array(taskView) });

export const overdueItem = taskView.extend({ caseKind: z.string(), caseTitle: z.string(), daysOverdue: z.number() });
