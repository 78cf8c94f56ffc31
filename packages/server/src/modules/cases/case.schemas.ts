/** Request and response schemas of the cases routes. */
import { z } from 'zod';
import { codesOf } from '@shouwang/domain';
import { actionSchema, deadlineSchema, stepBodyBase, stepSchema } from '../workflow/workflow.schemas.js';

export const idParam = z.object({ id: z.coerce.number({ error: '编号无效' }).int('编号无效').positive('编号无效') });
const kind = z.enum(['identification', 'elimination'], { error: '事项类型应为识别纳入或风险消除' });
const areaCode = z.string().regex(/^\d{6}(\d{3}){0,2}$/, '区域代码无效');
const riskType = z.enum(codesOf('riskType') as [string, ...string[]], { error: '风险类型无效' });

export const listQuery = z.object({
  kind: kind.optional(),
  state: z.string().max(40).optional(),
  area: areaCode.optional(),
  q: z.string().trim().max(40).optional(),
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  urgency: z.enum(['overdue', 'due_soon'], { error: '时限状态应为已逾期或即将到期' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const openIdentificationBody = z.object({
  householdId: z.number({ error: '请选择农户' }).int().positive('请选择农户'),
  riskTypes: z.array(riskType).min(1, '请至少选择一项风险类型').max(5, '风险类型最多选择5项'),
  clueOn: z.iso.date('线索发现日期应为日期').nullish(),
  remarks: z.string().trim().max(2000, '说明不能超过2000字').nullish(),
});

export const openEliminationBody = z.object({
  householdId: z.number({ error: '请选择农户' }).int().positive('请选择农户'),
  remarks: z.string().trim().max(2000, '说明不能超过2000字').nullish(),
});

export const stepBody = stepBodyBase.extend({
  payload: z.object({ method: z.enum(['assisted', 'natural'], { error: '消除方式应为帮扶消除或自然消除' }).optional() }).nullish(),
});

export const factsBody = z.object({
  authorizationSigned: z.boolean().optional(),
  authorizationAttachmentId: z.number().int().positive().nullish(),
  monitorCategory: z.enum(codesOf('monitorCategory') as [string, ...string[]], { error: '监测对象类别无效' }).nullish(),
  riskTypes: z.array(riskType).max(5, '风险类型最多选择5项').optional(),
  expectedVersion: z.number({ error: '缺少版本号，请刷新后重试' }).int().positive(),
});

export const rollbackBody = z.object({ reason: z.string().trim().min(1, '请填写回退理由').max(2000, '理由不能超过2000字') });

const counting = z.enum(['calendar', 'working'], { error: '计算方式应为自然日或工作日' });
const ruleInput = z.object({ days: z.number({ error: '天数应为整数' }).int('天数应为整数'), counting });
export const deadlinesBody = z.object({
  rules: z.object({ identification: ruleInput, publicity: ruleInput, help_plan: ruleInput }),
  dueSoonDays: z.number({ error: '提醒天数应为整数' }).int('提醒天数应为整数'),
  calendar: z.object({ holidays: z.array(z.string()).max(200), extraWorkingDays: z.array(z.string()).max(100) }),
  version: z.number().int().min(0),
});

export const eliminationSettingsBody = z.object({
  stabilityMonths: z.number({ error: '收入稳定期应为整数月' }).int('收入稳定期应为整数月'),
  eliminateNoLabourHouseholds: z.boolean(),
  version: z.number().int().min(0),
});

export const noticeKind = z.enum(['identification_publicity', 'identification_result', 'elimination_publicity', 'elimination_result'], { error: '公示公告类型无效' });
export const generateNoticeBody = z.object({
  kind: noticeKind,
  villageCode: z.string().regex(/^\d{12}$/, '请选择村'),
  caseIds: z.array(z.number().int().positive()).max(500).optional(),
  contactPhone: z.string().trim().regex(/^[\d-]{7,20}$/, '联系电话格式不正确').nullish(),
});
export const noticeListQuery = z.object({ area: areaCode.optional(), kind: noticeKind.optional(), status: z.enum(['draft', 'posted']).optional() });
export const candidatesQuery = z.object({ kind: noticeKind, villageCode: z.string().regex(/^\d{12}$/, '请选择村') });

// ── responses ──────────────────────────────────────────────────────────

export const caseItem = z.object({
  id: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  terminal: z.boolean(),
  version: z.number(),
  openedOn: z.string(),
  stateEnteredOn: z.string(),
  closedOn: z.string().nullable(),
  openObjections: z.number(),
  paused: z.boolean(),
  householdId: z.number(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  memberCount: z.number(),
  villageCode: z.string(),
  villageName: z.string(),
  townshipName: z.string(),
  urgency: z.string().nullable(),
  deadlines: z.array(deadlineSchema),
});

export const householdSummary = z.object({
  id: z.number(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  memberCount: z.number(),
  villageCode: z.string(),
  villageName: z.string(),
  townshipName: z.string(),
  householdType: z.string(),
  householdTypeLabel: z.string(),
  monitorCategory: z.string().nullable(),
  monitorCategoryLabel: z.string(),
  monitorIdentifiedOn: z.string().nullable(),
  riskTypes: z.array(z.string()),
  riskTypeLabels: z.array(z.string()),
  riskEliminated: z.boolean(),
  eliminationMethod: z.string().nullable(),
  eliminatedOn: z.string().nullable(),
});

const attachment = z.object({ id: z.number(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number(), sha256: z.string(), uploadedAt: z.string(), uploadedBy: z.string().nullable() });

export const caseDetail = z.object({
  case: caseItem.extend({
    sourceWarningId: z.number().nullable(),
    overrides: z.array(z.string()),
    subSteps: z.array(z.object({ id: z.string(), label: z.string(), done: z.boolean() })),
  }),
  household: householdSummary,
  facts: z.record(z.string(), z.unknown()),
  evaluation: z.unknown(),
  steps: z.array(stepSchema),
  actions: z.array(actionSchema),
  deadlines: z.array(deadlineSchema),
  attachments: z.array(attachment),
  notices: z.array(z.object({ id: z.number(), kind: z.string(), status: z.string(), title: z.string(), postedOn: z.string().nullable(), periodTo: z.string().nullable() })),
});

export const paged = <T extends z.ZodType>(item: T) => z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(item) });

export const householdCases = z.object({
  household: householdSummary,
  cases: z.array(caseItem),
  rollbacks: z.array(z.object({ id: z.number(), eliminationCaseId: z.number().nullable(), on: z.string(), reason: z.string(), previous: z.unknown(), byName: z.string().nullable() })),
  canOpenIdentification: z.boolean(),
  canOpenElimination: z.boolean(),
  canRollback: z.boolean(),
});

export const eliminationCheck = z.object({
  householdId: z.number(),
  assessedOn: z.string(),
  monitored: z.boolean(),
  eliminated: z.boolean(),
  stabilityMonths: z.number(),
  evaluation: z.object({
    eligible: z.boolean(),
    methodHint: z.string(),
    summary: z.string(),
    criteria: z.array(z.object({ id: z.string(), label: z.string(), passed: z.boolean(), required: z.boolean(), detail: z.string(), numbers: z.record(z.string(), z.unknown()) })),
    failing: z.array(z.unknown()),
  }),
});

export const overdueSummary = z.object({
  asOf: z.string(),
  scope: z.object({ code: z.string(), name: z.string() }),
  totals: z.object({ open: z.number(), overdue: z.number(), dueSoon: z.number() }),
  items: z.array(z.object({ areaCode: z.string(), areaName: z.string(), open: z.number(), overdue: z.number(), dueSoon: z.number(), overdueByKind: z.record(z.string(), z.number()) })),
});

export const settingsResponse = z.object({
  deadlines: z.object({ config: z.unknown(), version: z.number(), updatedAt: z.string().nullable() }),
  elimination: z.object({ stabilityMonths: z.number(), eliminateNoLabourHouseholds: z.boolean(), version: z.number(), updatedAt: z.string().nullable() }),
});

const noticeBrief = z.object({
  id: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  townshipName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  title: z.string(),
  postedOn: z.string().nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  earliestNextOn: z.string().nullable(),
  households: z.number(),
  caseIds: z.array(z.number()),
  createdAt: z.string(),
});
export const noticeList = z.object({ items: z.array(noticeBrief) });
export const noticeDetail = z.object({
  notice: noticeBrief.extend({ content: z.unknown() }),
  cases: z.array(z.object({ id: z.number(), kind: z.string(), householdId: z.number(), headName: z.string().nullable(), state: z.string(), version: z.number(), openObjections: z.number(), terminal: z.boolean() })),
  objections: z.array(z.object({ caseId: z.number(), event: z.string(), label: z.string(), actorName: z.string().nullable(), on: z.string(), remarks: z.string().nullable() })),
});
export const candidates = z.object({
  items: z.array(z.object({ id: z.number(), householdId: z.number(), headName: z.string().nullable(), memberCount: z.number(), state: z.string(), stateEnteredOn: z.string(), openObjections: z.number() })),
});
