/** Request/response schemas of 信息比对 (zod): validation and the OpenAPI document. */
import { z } from 'zod';
import { SUBJECT_GROUPS } from '@shouwang/domain';

const group = z.enum(SUBJECT_GROUPS as unknown as [string, ...string[]], { error: '适用对象取值无效' });

export const ruleCodeParam = z.object({ code: z.string().regex(/^[a-z][a-z_]*\.[a-z][a-z0-9_]*$/, '规则编码无效') });
export const idParam = z.object({ id: z.coerce.number({ error: '编号无效' }).int('编号无效').positive('编号无效') });

export const ruleEditBody = z.object({
  baseVersion: z.number({ error: '缺少所编辑的版本号' }).int().min(1),
  label: z.string({ error: '须填写规则名称' }).trim().min(1, '须填写规则名称').max(200, '规则名称不超过200字'),
  appliesTo: z.array(group, { error: '须选择适用对象' }),
  thresholds: z.record(z.string(), z.record(z.string(), z.number({ error: '阈值应为数字' })), { error: '阈值格式错误' }).default({}),
  output: z.object({
    kind: z.enum(['risk_clue', 'suspected_problem'], { error: '输出应为风险线索或疑似问题' }),
    riskTypes: z.array(z.string()).optional(),
  }),
  /** The condition as data (see the domain's comparison-rules.ts); omitted = unchanged. Validated by the domain. */
  condition: z.unknown().optional(),
  active: z.boolean({ error: '须说明是否启用' }),
  changeReason: z.string({ error: '须填写修改原因' }).trim().min(1, '须填写修改原因').max(500, '修改原因不超过500字'),
});
export type RuleEditBody = z.infer<typeof ruleEditBody>;

export const ruleSchema = z.object({
  id: z.number(),
  code: z.string(),
  version: z.number(),
  family: z.string(),
  familyLabel: z.string(),
  departmentCode: z.string(),
  label: z.string(),
  appliesTo: z.array(z.string()),
  condition: z.unknown(),
  thresholds: z.record(z.string(), z.record(z.string(), z.number().optional())),
  output: z.object({ kind: z.enum(['risk_clue', 'suspected_problem']), riskTypes: z.array(z.string()).optional() }),
  active: z.boolean(),
  changeReason: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});

export const familySchema = z.object({
  family: z.string(),
  label: z.string(),
  departmentCode: z.string(),
  departmentName: z.string().nullable(),
  columns: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean(), unit: z.string().nullable(), type: z.string() })),
  activeRules: z.array(z.object({ code: z.string(), version: z.number(), label: z.string() })),
});

export const startRunQuery = z.object({ family: z.string({ error: '须选择比对数据类别' }).min(1, '须选择比对数据类别') });

export const listRunsQuery = z.object({
  family: z.string().optional(),
  status: z.enum(['queued', 'running', 'completed', 'failed'], { error: '状态取值无效' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListRunsQuery = z.infer<typeof listRunsQuery>;

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const issuesQuery = pageQuery.extend({
  kind: z.enum(['invalid_id', 'unmatched', 'duplicate', 'missing_data'], { error: '问题类别取值无效' }).optional(),
});

export const runSchema = z.object({
  id: z.number(),
  family: z.string(),
  familyLabel: z.string(),
  departmentCode: z.string(),
  departmentName: z.string(),
  fileName: z.string(),
  fileSha256: z.string(),
  fileSize: z.number(),
  fileFormat: z.string().nullable(),
  fileEncoding: z.string().nullable(),
  ruleVersions: z.array(z.string()),
  headerWarnings: z.array(z.string()),
  status: z.enum(['queued', 'running', 'completed', 'failed']),
  statusLabel: z.string(),
  counts: z.object({
    rows: z.number(), matched: z.number(), invalidIds: z.number(), unmatched: z.number(), duplicates: z.number(), missingData: z.number(),
    hits: z.number(), created: z.number(), attached: z.number(), skipped: z.number(),
  }),
  errorMessage: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const hitSchema = z.object({
  id: z.number(),
  warningId: z.number(),
  ruleCode: z.string().nullable(),
  ruleVersion: z.number().nullable(),
  rowNumber: z.number().nullable(),
  subjectName: z.string().nullable(),
  subjectIdNumber: z.string().nullable(),
  subjectGroup: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  warningState: z.string(),
  outputKind: z.string(),
  decision: z.string().nullable(),
  explanation: z.string(),
  triggers: z.array(z.object({ label: z.string(), text: z.string() })),
});

export const issueSchema = z.object({
  rowNumber: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  idNumber: z.string().nullable(),
  name: z.string().nullable(),
  message: z.string(),
});
