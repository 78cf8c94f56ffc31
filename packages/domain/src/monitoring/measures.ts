/**
 * 帮扶措施 catalogue (domain.md §6) as data, and the rule "a household with labour capacity gets at least one 开发式
 * measure; a household with only 综合保障 while it has labour is flagged".
 *
 * Decisions documented here:
 * - 开发式 (developmental) measures are exactly 产业帮扶, 就业帮扶, 金融帮扶 (小额信贷), 公益岗位. 技能培训 prepares for
 *   work but is not counted as 开发式 (the domain text lists it outside the four).
 * - `defaultDepartment` is only a suggestion for the plan form (codes of linkage/departments.ts); the plan records
 *   the department actually responsible.
 * - By default a planned or implemented measure satisfies the rule (the plan is checked when it is made); a cancelled
 *   one never does. `countOnly: 'implemented'` checks what has been delivered (for the data-quality checks).
 */
export const MEASURE_CODES = [
  'industry', 'employment', 'finance', 'public_welfare_post',
  'skills_training', 'health', 'compulsory_education', 'other_education', 'housing', 'water', 'social_security',
  'insurance', 'social_assistance', 'consumption', 'relocation_support', 'other',
] as const;
export type MeasureCode = (typeof MEASURE_CODES)[number];

export interface MeasureDef {
  code: MeasureCode;
  label: string;
  /** 开发式帮扶 */
  developmental: boolean;
  /** What the measure covers, as the plan form lists it. */
  includes: readonly string[];
  defaultDepartment: string | null;
}

export const MEASURE_CATALOGUE: readonly MeasureDef[] = [
  { code: 'industry', label: '产业帮扶', developmental: true, includes: ['到户产业奖补', '庭院经济', '联农带农'], defaultDepartment: 'agriculture' },
  { code: 'employment', label: '就业帮扶', developmental: true, includes: ['转移就业', '就业补助', '一次性交通补助', '帮扶车间'], defaultDepartment: 'human_resources' },
  { code: 'finance', label: '金融帮扶', developmental: true, includes: ['小额信贷'], defaultDepartment: 'financial_work' },
  { code: 'public_welfare_post', label: '公益岗位', developmental: true, includes: ['乡村公益岗位'], defaultDepartment: 'human_resources' },
  { code: 'skills_training', label: '技能培训', developmental: false, includes: ['职业技能培训', '技能证书'], defaultDepartment: 'human_resources' },
  { code: 'health', label: '健康帮扶', developmental: false, includes: ['医疗救助', '家庭医生签约'], defaultDepartment: 'health' },
  { code: 'compulsory_education', label: '义务教育保障', developmental: false, includes: ['控辍保学', '学生资助'], defaultDepartment: 'education' },
  { code: 'other_education', label: '其他教育', developmental: false, includes: ['雨露计划'], defaultDepartment: 'rural_revitalization' },
  { code: 'housing', label: '住房安全', developmental: false, includes: ['危房改造'], defaultDepartment: 'housing' },
  { code: 'water', label: '饮水安全', developmental: false, includes: ['饮水工程', '水质改善'], defaultDepartment: 'water' },
  { code: 'social_security', label: '综合保障', developmental: false, includes: ['低保', '特困', '临时救助', '残疾人两项补贴'], defaultDepartment: 'civil_affairs' },
  { code: 'insurance', label: '防贫保险', developmental: false, includes: ['防贫保险'], defaultDepartment: 'rural_revitalization' },
  { code: 'social_assistance', label: '社会帮扶', developmental: false, includes: ['万企兴万村', '社会组织帮扶'], defaultDepartment: 'rural_revitalization' },
  { code: 'consumption', label: '消费帮扶', developmental: false, includes: ['农产品产销对接'], defaultDepartment: 'commerce' },
  { code: 'relocation_support', label: '搬迁后扶', developmental: false, includes: ['易地搬迁后续扶持'], defaultDepartment: 'development_reform' },
  { code: 'other', label: '其他', developmental: false, includes: [], defaultDepartment: null },
];

export const DEVELOPMENTAL_MEASURES: readonly MeasureCode[] = MEASURE_CATALOGUE.filter((m) => m.developmental).map((m) => m.code);

export type MeasureStatus = 'planned' | 'implemented' | 'cancelled';
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = { planned: '计划中', implemented: '已落实', cancelled: '已取消' };

export function isMeasureCode(code: string): code is MeasureCode {
  return (MEASURE_CODES as readonly string[]).includes(code);
}

export function measureLabel(code: string): string {
  return MEASURE_CATALOGUE.find((m) => m.code === code)?.label ?? code;
}

export function isDevelopmentalMeasure(code: string): boolean {
  return (DEVELOPMENTAL_MEASURES as readonly string[]).includes(code);
}

export interface HouseholdMeasure {
  code: string;
  status: MeasureStatus;
}

export type DevelopmentalFindingCode = 'not_required' | 'satisfied' | 'missing' | 'only_social_security';

export interface DevelopmentalFinding {
  code: DevelopmentalFindingCode;
  /** true when the household meets the rule. */
  ok: boolean;
  /** What the page shows. */
  message: string;
}

const DEVELOPMENTAL_TEXT = DEVELOPMENTAL_MEASURES.map(measureLabel).join('、');

/**
 * The rule of §6 for one household: `labourCapable` is the number of members with labour capacity
 * (see `countLabourCapable`).
 */
export function checkDevelopmentalMeasure(
  labourCapable: number,
  measures: readonly HouseholdMeasure[],
  opts: { countOnly?: 'planned_or_implemented' | 'implemented' } = {},
): DevelopmentalFinding {
  if (labourCapable <= 0) return { code: 'not_required', ok: true, message: '家庭无劳动能力成员，不要求开发式帮扶措施' };
  const counted = measures.filter((m) => (opts.countOnly === 'implemented' ? m.status === 'implemented' : m.status !== 'cancelled'));
  const dev = counted.filter((m) => isDevelopmentalMeasure(m.code));
  const which = opts.countOnly === 'implemented' ? '已落实' : '';
  if (dev.length) {
    return { code: 'satisfied', ok: true, message: `有劳动能力成员 ${labourCapable} 人，已有${which}开发式帮扶措施：${[...new Set(dev.map((m) => measureLabel(m.code)))].join('、')}` };
  }
  if (counted.length && counted.every((m) => m.code === 'social_security')) {
    return { code: 'only_social_security', ok: false, message: `有劳动能力成员 ${labourCapable} 人，但仅有综合保障措施，须至少落实一项开发式帮扶措施（${DEVELOPMENTAL_TEXT}）` };
  }
  return { code: 'missing', ok: false, message: `有劳动能力成员 ${labourCapable} 人，但没有${which}开发式帮扶措施，须至少安排一项（${DEVELOPMENTAL_TEXT}）` };
}
