/** Request/response schemas of the quality module (zod): validation and the OpenAPI document. */
import { z } from 'zod';
import { QUALITY_RULE_CODES, codesOf } from '@shouwang/domain';

export const idParam = z.object({ id: z.coerce.number().int().positive() });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const areaCode = z.string().regex(/^\d{6}(\d{3}){0,2}$/, '区域代码应为6、9或12位行政区划代码');
const page = z.coerce.number().int().min(1).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(20);
const income = z.number({ error: '人均纯收入应为数字' }).min(0, '人均纯收入不能为负数').max(10_000_000, '人均纯收入过大');
const riskTypes = z.array(z.enum(codesOf('riskType') as [string, ...string[]], { error: '风险类型取值无效' })).max(5, '新风险类型最多5项').default([]);
const notes = z.string().trim().max(1000, '备注不超过1000字').nullable().optional();

export const jobRun = z.object({
  id: z.number(), job: z.string(), trigger: z.string(), period: z.string().nullable(), startedAt: z.string(), finishedAt: z.string().nullable(),
  status: z.string(), counts: z.record(z.string(), z.unknown()), error: z.string().nullable(), startedBy: z.string().nullable(),
});

export const taskQuery = z.object({
  month: month.optional(),
  kind: z.enum(['revisit', 'assessment'], { error: '任务类型取值无效' }).optional(),
  status: z.enum(['open', 'done', 'cancelled'], { error: '任务状态取值无效' }).optional(),
  areaCode: areaCode.optional(),
  q: z.string().trim().max(64).optional(),
  page, pageSize,
});

export const task = z.object({
  id: z.number(), kind: z.enum(['revisit', 'assessment']), kindLabel: z.string(), householdId: z.number(), householdNo: z.string(),
  headName: z.string().nullable(), villageCode: z.string(), villageName: z.string(), townshipName: z.string().nullable(), helperName: z.string().nullable(),
  monitorCategory: z.string().nullable(), riskTypes: z.array(z.string()), month: z.string(), dueOn: z.string(),
  status: z.enum(['open', 'done', 'cancelled']), doneOn: z.string().nullable(), doneByName: z.string().nullable(), outcome: z.string().nullable(),
  assessmentId: z.number().nullable(),
});

export const assessment = z.object({
  id: z.number(), month: z.string(), assessedOn: z.string(), perCapitaNetIncome: z.number().nullable(), housingUnsafe: z.boolean(),
  schoolingDropout: z.boolean(), medicalUninsured: z.boolean(), waterUnsafe: z.boolean(), newRiskTypes: z.array(z.string()),
  notes: z.string().nullable(), assessedByName: z.string().nullable(),
});

export const taskList = z.object({
  month: z.string(), total: z.number(), open: z.number(), done: z.number(), overdue: z.number(), page: z.number(), pageSize: z.number(),
  items: z.array(task), lastRun: jobRun.nullable(),
});

export const generateBody = z.object({ month: month.optional() });
export const generateResult = z.object({
  runId: z.number(), month: z.string(), dueOn: z.string(), revisit: z.number(), assessment: z.number(), cancelled: z.number(),
});

export const assessmentBody = z.object({
  perCapitaNetIncome: income,
  housingUnsafe: z.boolean().default(false),
  schoolingDropout: z.boolean().default(false),
  medicalUninsured: z.boolean().default(false),
  waterUnsafe: z.boolean().default(false),
  newRiskTypes: riskTypes,
  notes,
});
export const householdAssessmentBody = assessmentBody.extend({ month });

export const revisitBody = z.object({
  newRiskTypes: riskTypes,
  suggestion: z.enum(['rollback', 'reidentification'], { error: '建议取值无效' }).nullable().optional(),
  perCapitaNetIncome: income.nullable().optional(),
  notes,
});

export const settings = z.object({
  dueDay: z.number({ error: '截止日应为数字' }).int('截止日应为整数').nullable(),
});

export const ruleDef = z.object({
  code: z.enum(QUALITY_RULE_CODES), name: z.string(), description: z.string(), severity: z.enum(['error', 'warning']),
  subject: z.enum(['household', 'person']), fixAt: z.enum(['household_edit', 'household_page']),
});

export const runResult = z.object({
  runId: z.number(), found: z.number(), opened: z.number(), resolved: z.number(),
  byRule: z.record(z.string(), z.number()), millis: z.record(z.string(), z.number()),
});

export const summaryQuery = z.object({ areaCode: areaCode.optional() });
export const summary = z.object({
  areaCode: z.string(), total: z.number(),
  byRule: z.array(z.object({ code: z.string(), name: z.string(), description: z.string(), severity: z.string(), findings: z.number(), households: z.number() })),
  byArea: z.array(z.object({ code: z.string(), name: z.string(), findings: z.number(), households: z.number() })),
  lastRun: jobRun.nullable(),
});

export const findingQuery = z.object({
  rule: z.enum(QUALITY_RULE_CODES, { error: '检查规则取值无效' }).optional(),
  areaCode: areaCode.optional(),
  page, pageSize,
});
export const finding = z.object({
  id: z.number(), ruleCode: z.string(), ruleName: z.string(), severity: z.string(), fixAt: z.string(), householdId: z.number(), householdNo: z.string(),
  headName: z.string().nullable(), personId: z.number().nullable(), personName: z.string().nullable(), villageCode: z.string(), villageName: z.string(),
  townshipName: z.string().nullable(), message: z.string(), firstSeenOn: z.string(), lastSeenOn: z.string(), resolvedOn: z.string().nullable(),
});

export const figuresQuery = z.object({
  areaCode: areaCode.optional(),
  year: z.coerce.number().int().min(2013, '年度无效').max(2100, '年度无效').optional(),
});
const figureRow = z.object({
  code: z.string(), name: z.string(),
  unstableHouseholds: z.number(), unstablePersons: z.number(), marginalHouseholds: z.number(), marginalPersons: z.number(),
  suddenHouseholds: z.number(), suddenPersons: z.number(), monitoredHouseholds: z.number(), monitoredPersons: z.number(),
  underMonitoringHouseholds: z.number(), eliminatedHouseholds: z.number(), newThisYearHouseholds: z.number(),
  measures: z.number(), implementedMeasures: z.number(), monitoredMeasures: z.number(), overdueCases: z.number(), overdueTasks: z.number(),
  eliminationRate: z.number().nullable(), implementationRate: z.number().nullable(), policiesPerHousehold: z.number().nullable(),
});
export const figures = z.object({ areaCode: z.string(), areaName: z.string(), year: z.number(), asOf: z.string(), items: z.array(figureRow), total: figureRow });

export const whatIfQuery = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int().min(2013, '年度无效').max(2100, '年度无效'),
  line: z.coerce.number({ error: '模拟监测线应为数字' }),
});
const whatIfRow = z.object({
  code: z.string(), name: z.string(), underMonitoringHouseholds: z.number(), enterHouseholds: z.number(), enterPersons: z.number(),
  leaveHouseholds: z.number(), leavePersons: z.number(), alreadyWithinHouseholds: z.number(), alreadyWithinPersons: z.number(), withIncome: z.number(),
});
export const whatIf = z.object({ year: z.number(), currentLine: z.number(), simulatedLine: z.number(), items: z.array(whatIfRow), total: whatIfRow });
