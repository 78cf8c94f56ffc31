/** Request/response schemas of the scoring part of the "5+2" linkage (zod): validation and the OpenAPI document. */
import { z } from 'zod';

export const record = z.record(z.string(), z.unknown());
export const idParam = z.object({ id: z.coerce.number().int().positive('编号无效') });
export const departmentParam = z.object({ departmentCode: z.string().trim().min(1).max(64) });

const year = z.coerce.number({ error: '年度应为数字' }).int('年度应为整数').min(2000, '年度无效').max(2100, '年度无效');
const quarter = z.coerce.number({ error: '季度应为1-4' }).int('季度应为1-4').min(1, '季度应为1-4').max(4, '季度应为1-4');
const date = z.iso.date('日期格式应为YYYY-MM-DD');
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为YYYY-MM');
const departmentCode = z.string().trim().min(1, '请选择部门').max(64, '部门代码无效');
const text = (max: number, label: string) => z.string().trim().max(max, `${label}不超过${max}字`);

export const quarterQuery = z.object({ year, quarter });
export type QuarterQuery = z.infer<typeof quarterQuery>;
export const yearQuery = z.object({ year: year.optional() });
export const monthQuery = z.object({ month });

// ── settings ──────────────────────────────────────────────────────────────
export const settingsShape = z.object({
  selfCheckDueDay: z.number().int('自查报送截止日应为整数').min(1, '自查报送截止日应在1-28之间').max(28, '自查报送截止日应在1-28之间'),
  extensionWeight: z.number({ error: '延伸评价权重应为数字' }).min(0, '延伸评价权重应在0-1之间').max(1, '延伸评价权重应在0-1之间'),
  noticeBottomN: z.number().int('落后位次数应为整数').min(1, '落后位次数应在1-10之间').max(10, '落后位次数应在1-10之间'),
  noticeConsecutiveQuarters: z.number().int('连续季度数应为整数').min(1, '连续季度数应在1-8之间').max(8, '连续季度数应在1-8之间'),
});
export type LinkageSettings = z.infer<typeof settingsShape>;
export const settingsBody = settingsShape.partial().refine((s) => Object.keys(s).length > 0, '请至少修改一项设置');

// ── 资料报送 ───────────────────────────────────────────────────────────────
export const submissionRequestBody = z.object({
  title: text(200, '标题').min(1, '请填写报送事项标题'),
  description: text(2000, '说明').nullable().optional(),
  dueDate: date,
  departmentCodes: z.array(departmentCode).min(1, '请至少选择一个报送部门').max(26, '报送部门不超过26个'),
});
export type SubmissionRequestInput = z.infer<typeof submissionRequestBody>;
export const submitBody = z.object({ note: text(1000, '报送说明').nullable().optional() }).nullish();

// ── 核查 ──────────────────────────────────────────────────────────────────
export const verificationRoundBody = z.object({
  month,
  selfCheckCount: z.number().int().min(0, '抽查数量不能为负').max(100, '抽查数量不超过100').default(3),
  rectificationCount: z.number().int().min(0, '抽查数量不能为负').max(100, '抽查数量不超过100').default(3),
  seed: z.string().trim().min(1, '随机种子不能为空').max(64, '随机种子不超过64字').optional(),
  note: text(1000, '备注').nullable().optional(),
});
export type VerificationRoundInput = z.infer<typeof verificationRoundBody>;

export const findingBody = z.object({
  targetType: z.enum(['self_check', 'rectification'], { error: '核查对象应为自查报告或整改事项' }),
  targetId: z.number().int().positive('核查对象编号无效'),
  verdict: z.enum(['confirms', 'contradicts'], { error: '核查结论应为属实或不属实' }),
  verifiedStatus: z.enum(['in_progress', 'done'], { error: '核实的整改状态应为整改中或已完成' }).nullable().optional(),
  note: text(2000, '核查说明').nullable().optional(),
});
export type FindingInput = z.infer<typeof findingBody>;
export const sampleMember = z.object({ targetType: z.enum(['self_check', 'rectification']), targetId: z.number(), departmentCode: z.string() });

// ── 手工评分项目 ─────────────────────────────────────────────────────────
export const manualItemBody = z.object({
  departmentCode,
  year,
  quarter,
  itemCode: z.string().trim().min(1, '请选择评分项目').max(64, '评分项目代码无效'),
  count: z.number().int('数量应为正整数').min(1, '数量应为正整数').max(100, '数量不超过100').default(1),
  occurredOn: date,
  evidence: z.string().max(4000, '佐证材料不超过4000字').nullable().optional(),
});
export type ManualItemInput = z.infer<typeof manualItemBody>;
export const manualItemQuery = z.object({
  year: year.optional(),
  quarter: quarter.optional(),
  status: z.enum(['pending', 'approved', 'rejected'], { error: '状态取值无效' }).optional(),
});
export const decisionBody = z.object({ note: text(1000, '审核意见').nullable().optional() }).nullish();

// ── 延伸评价 / 外部评价 ───────────────────────────────────────────────────
export const evaluationBody = z.object({
  departmentCode,
  year,
  quarter,
  kind: z.enum(['extension', 'external'], { error: '评价类型应为延伸评价或外部评价' }),
  score: z.number({ error: '评价得分应为数字' }).min(0, '评价得分应在0-100之间').max(100, '评价得分应在0-100之间').nullable(),
  source: text(500, '评价来源').nullable().optional(),
});
export type EvaluationInput = z.infer<typeof evaluationBody>;

// ── 排序 / 通报 ───────────────────────────────────────────────────────────
export const rankingBody = z.object({ year, quarter });
export const publishBody = z.object({ reason: text(1000, '重新发布原因').nullable().optional() }).nullish();
export const noticeBody = z.object({ rankingId: z.number().int().positive('排序编号无效') });
export const noticeUpdateBody = z.object({
  title: text(200, '标题').min(1, '请填写通报标题'),
  body: text(20000, '正文').min(1, '请填写通报正文'),
});

// ── responses ─────────────────────────────────────────────────────────────
const factRef = z.object({ type: z.string(), id: z.union([z.string(), z.number()]), label: z.string().optional() });
export const scoreLine = z.object({
  code: z.string(), label: z.string(), points: z.number(), count: z.number(), unit: z.string(), month: z.string().optional(), refs: z.array(factRef),
});
export const quarterScore = z.object({ base: z.number(), total: z.number(), deductions: z.number(), additions: z.number(), lines: z.array(scoreLine) });
export const departmentScore = quarterScore.extend({ departmentCode: z.string(), departmentName: z.string(), class: z.string() });
export const rankedEntry = z.object({
  departmentCode: z.string(), departmentName: z.string(), class: z.string(), officeScore: z.number(),
  extensionScore: z.number().nullable().optional(), externalScore: z.number().nullable().optional(),
  finalScore: z.number(), rank: z.number(), basis: z.string(),
});
