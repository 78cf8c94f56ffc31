/** Request/response schemas of 早帮扶 (zod): helpers, assignments, help plans and measures, visits, figures. */
import { z } from 'zod';
import { FOUR_ONES, MEASURE_CODES, VISIT_KINDS, VISIT_NOTES_MAX } from '@shouwang/domain';

export const idParam = z.object({ id: z.coerce.number({ error: '编号无效' }).int('编号无效').positive('编号无效') });
const optId = (label: string) => z.coerce.number({ error: `${label}无效` }).int(`${label}无效`).positive(`${label}无效`).optional();
const areaCode = z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '区域代码应为6、9或12位数字');
const date = (label: string) => z.iso.date(`${label}应为日期（YYYY-MM-DD）`);
const paging = {
  page: z.coerce.number().int().min(1, '页码无效').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, '每页最多200条').default(20),
};
const phone = z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话应为11位手机号或带区号的固定电话');
const text = (label: string, max: number) => z.string().trim().max(max, `${label}不超过${max}字`);

// ── 帮扶责任人 ───────────────────────────────────────────────────────────

export const helperListQuery = z.object({
  area: areaCode.optional(),
  q: z.string().trim().max(64).optional(),
  active: z.enum(['true', 'false', 'all'], { error: '状态取值无效' }).default('true'),
  ...paging,
});
export type HelperListQuery = z.infer<typeof helperListQuery>;

export const helperInput = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(64, '姓名不超过64字'),
  unit: z.string().trim().min(1, '请填写工作单位').max(100, '工作单位不超过100字'),
  position: text('职务', 64).nullable().optional(),
  phone: phone.nullable().optional(),
  areaCode: areaCode.refine((c) => c.length <= 9, '所在区域应为县或乡镇'),
  userId: z.number().int().positive().nullable().optional(),
});
export type HelperInput = z.infer<typeof helperInput>;
export const helperUpdateBody = helperInput.extend({ active: z.boolean().default(true), version: z.number().int().positive() });
export type HelperUpdate = z.infer<typeof helperUpdateBody>;

export const helperRow = z.object({
  id: z.number(),
  name: z.string(),
  unit: z.string(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  areaCode: z.string(),
  areaName: z.string(),
  userId: z.number().nullable(),
  username: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
  households: z.number(),
  overLimit: z.boolean(),
  workloadText: z.string(),
});

export const assignmentBody = z.object({
  helperId: z.number({ error: '请选择帮扶责任人' }).int().positive('请选择帮扶责任人'),
  reason: text('原因', 500).nullable().optional(),
});

export const assignmentRow = z.object({
  id: z.number(),
  helperId: z.number(),
  helperName: z.string(),
  helperUnit: z.string(),
  assignedOn: z.string(),
  endedOn: z.string().nullable(),
  reason: z.string().nullable(),
  assignedByName: z.string().nullable(),
});

// ── 帮扶计划 and measures ─────────────────────────────────────────────────

const money = z.number({ error: '金额应为数字' }).min(0, '金额不能为负').max(10_000_000, '金额过大');
export const measureInput = z.object({
  measureCode: z.enum(MEASURE_CODES, { error: '帮扶措施类别无效' }),
  departmentCode: z.string().trim().min(1).max(64).nullable().optional(),
  amount: money.nullable().optional(),
  plannedOn: date('计划落实日期'),
  content: text('措施内容', 500).nullable().optional(),
  warningId: z.number().int().positive().nullable().optional(),
});
export type MeasureInput = z.infer<typeof measureInput>;

export const planCreateBody = z.object({
  householdId: z.number({ error: '请选择农户' }).int().positive('请选择农户'),
  notes: text('计划说明', 1000).nullable().optional(),
  measures: z.array(measureInput).min(1, '帮扶计划至少包含一项措施').max(30, '一个计划最多30项措施'),
});
export type PlanCreate = z.infer<typeof planCreateBody>;

export const measureUpdateBody = z.object({
  departmentCode: z.string().trim().min(1).max(64).nullable().optional(),
  amount: money.nullable().optional(),
  plannedOn: date('计划落实日期'),
  content: text('措施内容', 500).nullable().optional(),
  version: z.number().int().positive(),
});
export type MeasureUpdate = z.infer<typeof measureUpdateBody>;

export const implementBody = z.object({
  implementedOn: date('落实日期'),
  evidenceNote: z.string().trim().max(1000, '落实情况说明不超过1000字'),
  version: z.number().int().positive(),
});
export const cancelBody = z.object({
  reason: z.string().trim().min(1, '请填写取消原因').max(500, '取消原因不超过500字'),
  version: z.number().int().positive(),
});

export const planListQuery = z.object({
  area: areaCode.optional(),
  q: z.string().trim().max(64).optional(),
  finding: z.enum(['all', 'labour_problem'], { error: '筛选条件无效' }).default('all'),
  ...paging,
});
export type PlanListQuery = z.infer<typeof planListQuery>;

export const pendingQuery = z.object({
  area: areaCode.optional(),
  status: z.enum(['all', 'overdue', 'due_soon', 'on_time'], { error: '状态取值无效' }).default('all'),
  ...paging,
});
export type PendingQuery = z.infer<typeof pendingQuery>;

export const findingSchema = z.object({ code: z.string(), ok: z.boolean(), message: z.string() });
export const deadlineSchema = z.object({ date: z.string(), status: z.string().nullable(), text: z.string() }).nullable();

export const measureRow = z.object({
  id: z.number(),
  planId: z.number(),
  measureCode: z.string(),
  measureLabel: z.string(),
  developmental: z.boolean(),
  content: z.string().nullable(),
  departmentCode: z.string().nullable(),
  departmentName: z.string().nullable(),
  amount: z.number().nullable(),
  plannedOn: z.string(),
  status: z.string(),
  implementedOn: z.string().nullable(),
  evidenceNote: z.string().nullable(),
  cancelReason: z.string().nullable(),
  warningId: z.number().nullable(),
  version: z.number(),
  canImplement: z.boolean(),
  canEdit: z.boolean(),
});

export const planSummary = z.object({
  id: z.number(),
  householdId: z.number(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  villageName: z.string(),
  townshipName: z.string(),
  helperName: z.string().nullable(),
  madeOn: z.string(),
  dueOn: z.string().nullable(),
  status: z.string(),
  planned: z.number(),
  implemented: z.number(),
  cancelled: z.number(),
  finding: findingSchema,
});

export const planDetail = planSummary.extend({
  caseId: z.number().nullable(),
  notes: z.string().nullable(),
  version: z.number(),
  monitorCategory: z.string().nullable(),
  labourCapable: z.number(),
  deadline: deadlineSchema,
  measures: z.array(measureRow),
  canManage: z.boolean(),
});

export const pendingRow = z.object({
  householdId: z.number(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  villageName: z.string(),
  townshipName: z.string(),
  helperName: z.string().nullable(),
  caseId: z.number(),
  approvedOn: z.string(),
  dueOn: z.string(),
  status: z.string(),
  text: z.string(),
});

// ── figures ─────────────────────────────────────────────────────────────

export const figuresQuery = z.object({ area: areaCode.optional() });
const figures = z.object({
  households: z.number(),
  planned: z.number(),
  implemented: z.number(),
  cancelled: z.number(),
  policiesPerHousehold: z.number().nullable(),
  implementationRate: z.number().nullable(),
});
export const figuresResponse = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  total: figures,
  rows: z.array(figures.extend({ code: z.string(), name: z.string() })),
});

// ── visits ──────────────────────────────────────────────────────────────

export const visitBody = z.object({
  householdId: z.number({ error: '请选择农户' }).int().positive('请选择农户'),
  visitedOn: date('走访日期'),
  kind: z.enum(VISIT_KINDS, { error: '走访方式应为入户走访、电话走访或帮扶日走访' }),
  fourOnes: z.array(z.enum(FOUR_ONES, { error: '"四个一"事项无效' })).max(4).default([]),
  notes: z.string().trim().max(VISIT_NOTES_MAX, `走访情况不超过${VISIT_NOTES_MAX}字`).nullable().optional(),
  helperId: z.number().int().positive().nullable().optional(),
});
export type VisitBody = z.infer<typeof visitBody>;

export const visitListQuery = z.object({
  area: areaCode.optional(),
  householdId: optId('农户编号'),
  helperId: optId('帮扶责任人编号'),
  kind: z.enum(VISIT_KINDS, { error: '走访方式取值无效' }).optional(),
  from: date('开始日期').optional(),
  to: date('结束日期').optional(),
  ...paging,
});
export type VisitListQuery = z.infer<typeof visitListQuery>;

export const visitRow = z.object({
  id: z.number(),
  householdId: z.number(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  villageName: z.string(),
  helperId: z.number().nullable(),
  helperName: z.string().nullable(),
  visitorName: z.string().nullable(),
  visitedOn: z.string(),
  kind: z.string(),
  fourOnes: z.array(z.string()),
  notes: z.string().nullable(),
  attachments: z.number(),
});

export const calendarQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为YYYY-MM'),
  area: areaCode.optional(),
});
export const calendarResponse = z.object({
  month: z.string(),
  households: z.number(),
  days: z.array(z.object({
    date: z.string(),
    past: z.boolean(),
    visited: z.number(),
    visits: z.number(),
    fourOnes: z.record(z.string(), z.number()),
  })),
});

export const unvisitedQuery = z.object({
  area: areaCode.optional(),
  helperId: optId('帮扶责任人编号'),
  days: z.coerce.number({ error: '未走访天数应为整数' }).int('未走访天数应为整数').min(1, '未走访天数应为1-365').max(365, '未走访天数应为1-365').optional(),
  ...paging,
});
export type UnvisitedQuery = z.infer<typeof unvisitedQuery>;

export const unvisitedResponse = z.object({
  days: z.number(),
  cutoff: z.string(),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(z.object({
    householdId: z.number(),
    householdNo: z.string(),
    headName: z.string().nullable(),
    villageName: z.string(),
    townshipName: z.string(),
    helperId: z.number().nullable(),
    helperName: z.string().nullable(),
    lastVisitOn: z.string().nullable(),
    daysSince: z.number().nullable(),
    text: z.string(),
  })),
  byArea: z.array(z.object({ code: z.string(), name: z.string(), households: z.number(), unvisited: z.number() })),
  byHelper: z.array(z.object({ helperId: z.number(), helperName: z.string(), households: z.number(), unvisited: z.number() })),
});

export const settingsShape = z.object({ noVisitDays: z.number().int('未走访天数应为整数').min(1, '未走访天数应为1-365').max(365, '未走访天数应为1-365') });

export const householdAssistance = z.object({
  householdId: z.number(),
  helper: z.object({ id: z.number(), name: z.string(), unit: z.string(), position: z.string().nullable(), phone: z.string().nullable(), assignedOn: z.string() }).nullable(),
  plan: planSummary.extend({ deadline: deadlineSchema }).nullable(),
  pendingPlan: z.object({ approvedOn: z.string(), dueOn: z.string(), status: z.string(), text: z.string() }).nullable(),
  visits: z.array(visitRow),
  lastVisitOn: z.string().nullable(),
  visitText: z.string(),
  visitOverdue: z.boolean(),
  canAssign: z.boolean(),
  canVisit: z.boolean(),
  canManagePlan: z.boolean(),
});
