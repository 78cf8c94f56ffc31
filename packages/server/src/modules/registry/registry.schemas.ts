/** Request/response schemas of the registry (zod): the single source for validation and the OpenAPI document. */
import { z } from 'zod';
import { codesOf } from '@shouwang/domain';

const code = (list: Parameters<typeof codesOf>[0], label: string) =>
  z.enum(codesOf(list) as [string, ...string[]], { error: `${label}取值无效` });

const money = z.number({ error: '金额应为数字' }).min(0, '金额不能为负').max(100_000_000, '金额过大');
const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话应为11位手机号或带区号的固定电话')
  .nullable()
  .optional();

export const householdInput = z
  .object({
    villageCode: z.string().regex(/^\d{12}$/, '所属村应为12位行政区划代码'),
    address: z.string().trim().max(200, '地址不超过200字').nullable().optional(),
    phone,
    householdType: code('householdType', '户类型'),
    alleviationYear: z.number().int().min(2013, '脱贫年度应在2013-2020之间').max(2020, '脱贫年度应在2013-2020之间').nullable().optional(),
    monitorCategory: code('monitorCategory', '监测对象类别').nullable().optional(),
    monitorIdentifiedOn: z.iso.date('识别监测时间应为日期').nullable().optional(),
    riskTypes: z.array(code('riskType', '风险类型')).max(5, '风险类型最多5项').default([]),
    riskEliminated: z.boolean().default(false),
    eliminationMethod: code('eliminationMethod', '消除方式').nullable().optional(),
    eliminatedOn: z.iso.date('风险消除时间应为日期').nullable().optional(),
    monitorContact: z.string().trim().max(64).nullable().optional(),
    helperName: z.string().trim().max(64).nullable().optional(),
    relocated: z.boolean().default(false),
    relocationSite: z.string().trim().max(100).nullable().optional(),
    noLabourGuarantee: z.boolean().default(false),
    dibao: z.boolean().default(false),
    tekun: z.boolean().default(false),
    housingUnsafe: z.boolean().default(false),
    schoolingDropout: z.boolean().default(false),
    waterUnsafe: z.boolean().default(false),
    medicalUninsured: z.boolean().default(false),
  })
  .superRefine((h, ctx) => {
    if (h.householdType === 'alleviated' && !h.alleviationYear)
      ctx.addIssue({ code: 'custom', path: ['alleviationYear'], message: '脱贫户必须填写脱贫年度' });
    if (h.householdType !== 'alleviated' && h.alleviationYear)
      ctx.addIssue({ code: 'custom', path: ['alleviationYear'], message: '一般农户不应填写脱贫年度' });
    if (h.monitorCategory && !h.monitorIdentifiedOn)
      ctx.addIssue({ code: 'custom', path: ['monitorIdentifiedOn'], message: '监测对象必须填写识别监测时间' });
    if (h.monitorCategory === 'unstable' && h.householdType !== 'alleviated')
      ctx.addIssue({ code: 'custom', path: ['monitorCategory'], message: '脱贫不稳定户必须是脱贫户' });
    if (h.monitorCategory === 'marginal' && h.householdType !== 'ordinary')
      ctx.addIssue({ code: 'custom', path: ['monitorCategory'], message: '边缘易致贫户必须是一般农户' });
    if (h.monitorCategory && h.riskTypes.length === 0)
      ctx.addIssue({ code: 'custom', path: ['riskTypes'], message: '监测对象至少选择一项风险类型' });
    if (!h.monitorCategory && h.riskEliminated)
      ctx.addIssue({ code: 'custom', path: ['riskEliminated'], message: '非监测对象不能标注风险消除' });
    if (h.riskEliminated && (!h.eliminationMethod || !h.eliminatedOn))
      ctx.addIssue({ code: 'custom', path: ['eliminationMethod'], message: '风险已消除时必须填写消除方式和消除时间' });
    if (!h.riskEliminated && (h.eliminationMethod || h.eliminatedOn))
      ctx.addIssue({ code: 'custom', path: ['eliminationMethod'], message: '风险未消除时不应填写消除方式或消除时间' });
    if (new Set(h.riskTypes).size !== h.riskTypes.length)
      ctx.addIssue({ code: 'custom', path: ['riskTypes'], message: '风险类型不能重复' });
  });
export type HouseholdInput = z.infer<typeof householdInput>;

export const personInput = z
  .object({
    name: z.string().trim().min(1, '请填写姓名').max(64, '姓名不超过64字'),
    idType: code('idType', '证件类型').default('resident_id'),
    idNumber: z.string().trim().min(1, '请填写证件号码'),
    relation: code('relation', '与户主关系'),
    ethnicity: code('ethnicity', '民族').default('han'),
    politicalStatus: code('politicalStatus', '政治面貌').default('masses'),
    education: code('education', '文化程度').nullable().optional(),
    schoolStatus: code('schoolStatus', '在校生状况').default('none'),
    health: code('health', '健康状况').default('healthy'),
    disabilityCategory: z.number().int().min(1).max(7).nullable().optional(),
    disabilityGrade: z.number().int().min(1).max(4).nullable().optional(),
    labourSkill: code('labourSkill', '劳动技能'),
    workLocation: code('workLocation', '务工所在地').default('none'),
    workMonths: z.number().int().min(0, '务工月数应在0-12之间').max(12, '务工月数应在0-12之间').default(0),
    residentMedicalInsurance: z.boolean().default(false),
    employeeMedicalInsurance: z.boolean().default(false),
    criticalIllnessInsurance: z.boolean().default(false),
    pensionInsurance: z.boolean().default(false),
    dibao: z.boolean().default(false),
    tekun: z.boolean().default(false),
    publicWelfarePost: z.boolean().default(false),
    postMonths: z.number().int().min(0).max(12).default(0),
    skillCertificate: z.boolean().default(false),
  })
  .superRefine((p, ctx) => {
    if (p.health === 'disabled' && (!p.disabilityCategory || !p.disabilityGrade))
      ctx.addIssue({ code: 'custom', path: ['disabilityCategory'], message: '残疾人必须填写残疾类别和等级' });
    if (p.health !== 'disabled' && (p.disabilityCategory || p.disabilityGrade))
      ctx.addIssue({ code: 'custom', path: ['disabilityCategory'], message: '健康状况不是残疾时不应填写残疾类别和等级' });
    if (p.workLocation === 'none' && p.workMonths > 0)
      ctx.addIssue({ code: 'custom', path: ['workMonths'], message: '未务工时务工月数应为0' });
    if (!p.publicWelfarePost && p.postMonths > 0)
      ctx.addIssue({ code: 'custom', path: ['postMonths'], message: '未在公益岗位时聘用月数应为0' });
  });
export type PersonInput = z.infer<typeof personInput>;

export const incomeInput = z.object({
  wageIncome: money.default(0),
  businessIncome: money.default(0),
  propertyIncome: money.default(0),
  transferIncome: money.default(0),
  businessExpense: money.default(0),
  claimIncome: money.default(0),
  outOfPocketExpense: money.default(0),
});
export type IncomeInput = z.infer<typeof incomeInput>;

export const createHouseholdBody = z.object({
  household: householdInput,
  members: z.array(personInput).min(1, '至少填写一名家庭成员（户主）').max(30, '家庭成员不超过30人'),
  income: incomeInput.extend({ year: z.number().int().min(2013).max(2100) }).optional(),
});

export const updateHouseholdBody = z.object({ household: householdInput, version: z.number().int().positive() });

export const listQuery = z.object({
  area: z.string().regex(/^\d{6}(\d{3}){0,2}$/, '区域代码应为6/9/12位').optional(),
  householdType: code('householdType', '户类型').optional(),
  monitorCategory: z.enum(['none', 'any', ...codesOf('monitorCategory')] as [string, ...string[]]).optional(),
  riskType: code('riskType', '风险类型').optional(),
  eliminated: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().trim().max(40, '搜索内容过长').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListQuery = z.infer<typeof listQuery>;

export const idParam = z.object({ id: z.coerce.number().int().positive('编号无效') });
