/** Request/response schemas of the warnings module (zod): validation and the OpenAPI document. */
import { z } from 'zod';
import { codesOf } from '@shouwang/domain';
import { actionSchema, stepBodyBase, stepSchema } from '../workflow/workflow.schemas.js';
import { attachmentMetaSchema } from '../attachments/attachment.routes.js';

const riskType = z.enum(codesOf('riskType') as [string, ...string[]], { error: '风险类型取值无效' });
const riskTypes = z.array(riskType).min(1, '请至少选择一项风险类型').max(5, '风险类型最多5项')
  .refine((a) => new Set(a).size === a.length, '风险类型不能重复');
const date = (label: string) => z.iso.date(`${label}应为日期（YYYY-MM-DD）`);

export const WARNING_STATES = ['pushed', 'verifying', 'included', 'already_monitored', 'not_included', 'duplicate'] as const;
export const WARNING_SOURCES = ['comparison', 'instant', 'self_report', 'screening'] as const;

export const idParam = z.object({ id: z.coerce.number({ error: '编号无效' }).int('编号无效').positive('编号无效') });

/** 信息预警: a subject by ID number, or by name + village; risk types; a description. */
export const createWarningBody = z.object({
  idNumber: z.string().trim().max(22, '证件号码不超过22位').optional().nullable(),
  name: z.string().trim().max(64, '姓名不超过64字').optional().nullable(),
  villageCode: z.string().trim().regex(/^\d{12}$/, '所属村应为12位行政区划代码').optional().nullable(),
  riskTypes,
  description: z.string().trim().min(1, '请填写预警情况说明').max(2000, '情况说明不超过2000字'),
});
export type CreateWarningBody = z.infer<typeof createWarningBody>;

export const listQuery = z.object({
  state: z.enum(WARNING_STATES, { error: '状态取值无效' }).optional(),
  open: z.enum(['true', 'false']).optional(),
  source: z.enum(WARNING_SOURCES, { error: '来源取值无效' }).optional(),
  department: z.string().trim().max(64).optional(),
  area: z.string().trim().regex(/^\d{6,12}$/, '区域代码无效').optional(),
  riskType: riskType.optional(),
  deadline: z.enum(['overdue', 'due_soon'], { error: '时限筛选取值无效' }).optional(),
  from: date('开始日期').optional(),
  to: date('结束日期').optional(),
  householdId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListQuery = z.infer<typeof listQuery>;

export const deadlineView = z.object({
  dueOn: z.string(),
  status: z.enum(['on_time', 'due_soon', 'overdue']),
  statusLabel: z.string(),
  daysRemaining: z.number(),
  doneOn: z.string().nullable(),
  text: z.string(),
});

export const warningListItem = z.object({
  id: z.number(),
  title: z.string(),
  source: z.string(),
  sourceLabel: z.string(),
  departmentCode: z.string().nullable(),
  departmentName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string(),
  townshipName: z.string().nullable(),
  householdId: z.number().nullable(),
  subjectName: z.string().nullable(),
  subjectIdNumber: z.string().nullable(),
  riskTypes: z.array(z.string()),
  riskTypeLabels: z.array(z.string()),
  outputKind: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  caseId: z.number().nullable(),
  hitCount: z.number(),
  deadline: deadlineView,
});

export const listResponse = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(warningListItem) });

export const hitView = z.object({
  id: z.number(),
  sourceType: z.string(),
  sourceRef: z.string().nullable(),
  ruleCode: z.string().nullable(),
  ruleVersion: z.number().nullable(),
  sourceFile: z.string().nullable(),
  sourceRow: z.number().nullable(),
  explanation: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

export const detailResponse = z.object({
  warning: warningListItem.extend({
    description: z.string().nullable(),
    subjectGroup: z.string().nullable(),
    personId: z.number().nullable(),
    rosterPersonId: z.number().nullable(),
    ruleCode: z.string().nullable(),
    version: z.number(),
    outcomeRemarks: z.string().nullable(),
    duplicateOf: z.string().nullable(),
    assistanceAdded: z.boolean(),
    createdBy: z.string().nullable(),
  }),
  household: z.object({ id: z.number(), householdNo: z.string(), headName: z.string().nullable(), monitored: z.boolean(), memberCount: z.number() }).nullable(),
  linkedCase: z.object({ id: z.number(), kind: z.string(), state: z.string(), terminal: z.boolean() }).nullable(),
  credit: z.object({ counts: z.boolean(), points: z.number(), reason: z.string(), written: z.boolean() }),
  hits: z.array(hitView),
  steps: z.array(stepSchema),
  actions: z.array(actionSchema),
  attachments: z.array(attachmentMetaSchema),
  canReveal: z.boolean(),
});

export const stepBody = stepBodyBase.extend({
  payload: z.object({
    duplicateOf: z.string().trim().max(64, '重复对象编号不超过64字').optional().nullable(),
    householdId: z.number({ error: '农户编号无效' }).int('农户编号无效').positive('农户编号无效').optional().nullable(),
    riskTypes: riskTypes.optional(),
  }).optional().nullable(),
});
export type StepBody = z.infer<typeof stepBody>;

export const settingsSchema = z.object({
  verificationDays: z.number({ error: '核实时限应为整数天' }).int('核实时限应为整数天').min(1, '核实时限应为1-60天').max(60, '核实时限应为1-60天'),
  counting: z.enum(['calendar', 'working'], { error: '计算方式应为自然日或工作日' }),
  dueSoonDays: z.number({ error: '提醒天数应为整数' }).int('提醒天数应为整数').min(0, '提醒天数不能为负').max(60, '提醒天数不超过60天'),
});
export type WarningSettings = z.infer<typeof settingsSchema>;
export const settingsResponse = settingsSchema.extend({ updatedAt: z.string().nullable(), updatedBy: z.string().nullable() });

export const overdueSummaryResponse = z.object({
  level: z.enum(['township', 'village']),
  levelLabel: z.string(),
  totalOpen: z.number(),
  totalOverdue: z.number(),
  totalDueSoon: z.number(),
  items: z.array(z.object({ areaCode: z.string(), areaName: z.string(), open: z.number(), overdue: z.number(), dueSoon: z.number() })),
});

export const figuresQuery = z.object({
  period: z.enum(['year', 'quarter', 'month'], { error: '统计周期应为年、季度或月' }).default('year'),
  year: z.coerce.number({ error: '年度无效' }).int('年度无效').min(2000, '年度无效').max(2100, '年度无效').optional(),
  quarter: z.coerce.number({ error: '季度应为1-4' }).int('季度应为1-4').min(1, '季度应为1-4').max(4, '季度应为1-4').optional(),
  month: z.coerce.number({ error: '月份应为1-12' }).int('月份应为1-12').min(1, '月份应为1-12').max(12, '月份应为1-12').optional(),
  area: z.string().trim().regex(/^\d{6,12}$/, '区域代码无效').optional(),
});
export type FiguresQuery = z.infer<typeof figuresQuery>;

const funnel = z.object({ pushed: z.number(), verified: z.number(), included: z.number(), alreadyMonitored: z.number(), notIncluded: z.number(), duplicate: z.number(), households: z.number(), persons: z.number(), overdueOpen: z.number(), verifiedLate: z.number() });
/** Planned households, visited, coverage % (visited ÷ planned, 100 when nothing is planned) and risks found (each became a warning). */
const coverageCell = z.object({ planned: z.number(), visited: z.number(), percent: z.number(), riskFound: z.number() });
const coverageRow = coverageCell.extend({ areaCode: z.string(), label: z.string() });
const screeningFigures = z.object({
  area: z.object({ code: z.string(), name: z.string(), level: z.string() }).nullable(),
  rounds: z.array(z.object({
    id: z.number(), kind: z.enum(['monthly', 'campaign']), kindLabel: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string(),
    phase: z.enum(['upcoming', 'open', 'finished']), phaseLabel: z.string(), total: coverageCell, rows: z.array(coverageRow),
  })),
  byKind: z.array(z.object({ kind: z.enum(['monthly', 'campaign']), kindLabel: z.string(), rounds: z.number(), total: coverageCell, rows: z.array(coverageRow) })),
});
export const figuresResponse = z.object({
  period: z.object({ kind: z.string(), from: z.string(), to: z.string(), label: z.string() }),
  asOf: z.string(),
  total: funnel,
  bySource: z.array(funnel.extend({ source: z.string(), label: z.string() })),
  byDepartment: z.array(funnel.extend({ departmentCode: z.string(), label: z.string() })),
  byArea: z.array(funnel.extend({ areaCode: z.string(), label: z.string() })),
  areaLevel: z.enum(['township', 'village']),
  /** Screening coverage (排查覆盖) in the period; null for roles that do not read screening (行业部门). */
  screening: screeningFigures.nullable(),
});
export type Funnel = z.infer<typeof funnel>;
export type CoverageCell = z.infer<typeof coverageCell>;
export type ScreeningFigures = z.infer<typeof screeningFigures>;
