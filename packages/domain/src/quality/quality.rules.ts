/**
 * 数据质量检查 (domain.md §7): the checks the national system runs weekly, as named rules. The product runs them
 * on demand and nightly; the server evaluates them set-wise in SQL, and each SQL check is tested to agree with
 * `evaluateQuality` below on a small dataset. Names, thresholds and which fields are read live here.
 *
 * Decisions documented here:
 * - Population: the checks look at 脱贫户 and 监测户 (households with a 监测对象类别), the population of the national
 *   system; 一般农户 that were never monitored are not checked.
 * - Income: the household's current 收支 year (`household.income_year`) — its 人均纯收入, 工资性收入 and
 *   合规自付支出 come from that year's 收支 row. A missing row is "no figure": the income rules skip the household,
 *   the 因病 rule reads the missing 合规自付支出 as 0.
 * - "Below the line" for 帮扶消除 means not above it (人均纯收入 ≤ the line of the income year), as in the
 *   elimination criteria (a household exactly at the line is still within the monitoring range).
 * - Measures: a cancelled measure never counts. "No measure" for 帮扶消除 means no measure 已落实. The 开发式 rule
 *   (§6) flags a labour-capable household whose (planned or implemented) measures include none of 产业, 就业, 金融,
 *   公益岗位; the time rule flags a 监测户 identified at least a month ago with labour and no 开发式 measure 已落实.
 * - Labour capacity is `isLabourCapable` (monitoring/labour.rules.ts): 技能/普通/弱劳动力, not a student, ≥ 16.
 * - Ages are whole years on the day of the run (`ageOn`); "6-16" and "18-59" include both ends.
 * - 在校: any 在校生状况 other than 非在校生 and 失学辍学. 职业教育: 中职, 高职高专, 技师学院.
 * - A student (在校) aged 18-59 recorded as 无劳动力 is normal and not flagged.
 * - 务工: a member works when 务工所在地 is recorded or 务工月数 > 0.
 * - 一人多岗: the registry records whether a member holds a 公益岗位 (`person.public_welfare_post`); the plan records
 *   公益岗位 measures. A household whose active 公益岗位 measures outnumber its members on a post has somebody in
 *   two posts (the finding names the member when only one holds a post).
 */
import { ageOn } from '../idcard/idcard.rules.js';
import { monitoringLineFor, DEFAULT_MONITORING_LINES } from '../household/income.rules.js';
import { isLabourCapable } from '../monitoring/labour.rules.js';
import { isDevelopmentalMeasure, type MeasureStatus } from '../monitoring/measures.js';

export type QualitySeverity = 'error' | 'warning';
export const QUALITY_SEVERITY_LABELS: Record<QualitySeverity, string> = { error: '错误', warning: '疑点' };

export const QUALITY_RULE_CODES = [
  'assisted_income_below_line',
  'assisted_no_measure',
  'labour_no_developmental',
  'identified_no_developmental',
  'illness_without_evidence',
  'unstable_employment_nobody_working',
  'child_out_of_school',
  'healthy_adult_no_labour',
  'tekun_healthy_adult',
  'yulu_non_vocational',
  'no_monitor_contact',
  'tiny_wage_income',
  'duplicate_public_welfare_post',
] as const;
export type QualityRuleCode = (typeof QUALITY_RULE_CODES)[number];

export interface QualityRuleDef {
  code: QualityRuleCode;
  name: string;
  description: string;
  severity: QualitySeverity;
  /** What the finding points at. */
  subject: 'household' | 'person';
  /** Where it is fixed: the registry edit page or the household's assistance (plan / measures). */
  fixAt: 'household_edit' | 'household_page';
}

/** Thresholds of the checks (defaults; the rule text names them). */
export const QUALITY_THRESHOLDS = {
  identifiedMonths: 1,
  childAge: { min: 6, max: 16 },
  workingAge: { min: 18, max: 59 },
  /** 工资性收入 strictly between these (元/年) is implausible. */
  tinyWage: { above: 0, below: 100 },
} as const;

export const QUALITY_RULES: readonly QualityRuleDef[] = [
  { code: 'assisted_income_below_line', name: '帮扶消除户收入未高于监测线', severity: 'error', subject: 'household', fixAt: 'household_edit',
    description: '风险消除方式为帮扶消除，但当前收支年度的人均纯收入未高于该年度防止返贫监测范围' },
  { code: 'assisted_no_measure', name: '帮扶消除户无已落实帮扶措施', severity: 'error', subject: 'household', fixAt: 'household_page',
    description: '风险消除方式为帮扶消除，但没有任何已落实的帮扶措施' },
  { code: 'labour_no_developmental', name: '有劳动能力但无开发式帮扶措施', severity: 'warning', subject: 'household', fixAt: 'household_page',
    description: '家庭有劳动能力成员，已安排帮扶措施，但没有开发式帮扶措施（产业、就业、金融、公益岗位）' },
  { code: 'identified_no_developmental', name: '识别满1个月未落实开发式帮扶措施', severity: 'warning', subject: 'household', fixAt: 'household_page',
    description: `未消除风险的监测户识别纳入已满${QUALITY_THRESHOLDS.identifiedMonths}个月，家庭有劳动能力成员，但没有已落实的开发式帮扶措施` },
  { code: 'illness_without_evidence', name: '因病风险无患病成员或无合规自付支出', severity: 'warning', subject: 'household', fixAt: 'household_edit',
    description: '风险类型含因病，但家庭成员中没有长期慢性病或患有大病的成员，或合规自付支出为0' },
  { code: 'unstable_employment_nobody_working', name: '务工就业不稳但无务工成员', severity: 'warning', subject: 'household', fixAt: 'household_edit',
    description: '风险类型含因务工就业不稳，但家庭成员均未登记务工' },
  { code: 'child_out_of_school', name: '6-16周岁儿童未在校', severity: 'error', subject: 'person', fixAt: 'household_edit',
    description: `${QUALITY_THRESHOLDS.childAge.min}-${QUALITY_THRESHOLDS.childAge.max}周岁成员在校生状况为非在校生或失学辍学` },
  { code: 'healthy_adult_no_labour', name: '18-59周岁健康人员登记为无劳动力', severity: 'warning', subject: 'person', fixAt: 'household_edit',
    description: `${QUALITY_THRESHOLDS.workingAge.min}-${QUALITY_THRESHOLDS.workingAge.max}周岁、健康状况为健康且不在校的成员，劳动技能登记为无劳动力` },
  { code: 'tekun_healthy_adult', name: '特困供养人员为18-59周岁健康人员', severity: 'warning', subject: 'person', fixAt: 'household_edit',
    description: `享受特困供养的成员为${QUALITY_THRESHOLDS.workingAge.min}-${QUALITY_THRESHOLDS.workingAge.max}周岁且健康` },
  { code: 'yulu_non_vocational', name: '雨露计划但无职业教育在校生', severity: 'warning', subject: 'household', fixAt: 'household_page',
    description: '安排了其他教育（雨露计划）帮扶措施，但家庭中没有中职、高职高专或技师学院在校生' },
  { code: 'no_monitor_contact', name: '监测户无监测联系人', severity: 'error', subject: 'household', fixAt: 'household_edit',
    description: '监测对象未登记监测联系人' },
  { code: 'tiny_wage_income', name: '工资性收入在0-100元之间', severity: 'warning', subject: 'household', fixAt: 'household_edit',
    description: `当前收支年度的工资性收入大于${QUALITY_THRESHOLDS.tinyWage.above}元且小于${QUALITY_THRESHOLDS.tinyWage.below}元，疑似录入错误` },
  { code: 'duplicate_public_welfare_post', name: '一人多个公益岗位', severity: 'error', subject: 'household', fixAt: 'household_page',
    description: '家庭有效的公益岗位帮扶措施多于登记在公益岗位上的成员人数，存在一人多岗' },
];

export function qualityRule(code: string): QualityRuleDef | undefined {
  return QUALITY_RULES.find((r) => r.code === code);
}

export const VOCATIONAL_SCHOOL_PREFIXES = ['secvoc', 'highvoc', 'tech'] as const;
export const NOT_IN_SCHOOL_STATUSES = ['none', 'dropout'] as const;
export const ILL_HEALTH = ['chronic', 'serious_illness'] as const;

export const isInSchool = (schoolStatus: string) => !(NOT_IN_SCHOOL_STATUSES as readonly string[]).includes(schoolStatus);
export const isVocationalStudent = (schoolStatus: string) => VOCATIONAL_SCHOOL_PREFIXES.some((p) => schoolStatus.startsWith(p));

// ── facts and evaluation ─────────────────────────────────────────────────────

export interface QualityPerson {
  id: number;
  name?: string;
  birthDate: string;
  health: string;
  labourSkill: string;
  schoolStatus: string;
  workLocation: string;
  workMonths: number;
  tekun: boolean;
  publicWelfarePost: boolean;
}

export interface QualityHousehold {
  id: number;
  householdType: string;
  monitorCategory: string | null;
  monitorIdentifiedOn: string | null;
  riskTypes: readonly string[];
  riskEliminated: boolean;
  eliminationMethod: string | null;
  monitorContact: string | null;
  /** The household's current 收支 year and that year's figures (null: no row). */
  incomeYear: number | null;
  perCapitaNetIncome: number | null;
  wageIncome: number | null;
  outOfPocketExpense: number | null;
  members: readonly QualityPerson[];
  measures: readonly { code: string; status: MeasureStatus }[];
}

export interface QualityContext {
  today: string;
  monitoringLines?: Readonly<Record<number, number>>;
}

export type QualityValues = Record<string, number | string | null>;

export interface QualityHit {
  rule: QualityRuleCode;
  householdId: number;
  personId: number | null;
  values: QualityValues;
}

export function inQualityPopulation(h: Pick<QualityHousehold, 'householdType' | 'monitorCategory'>): boolean {
  return h.householdType === 'alleviated' || h.monitorCategory != null;
}

/** `date` minus `months` calendar months, the day clamped to the target month (as PostgreSQL's date − interval). */
export function minusMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const total = y * 12 + (m - 1) - months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${ty}-${String(tm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const between = (n: number, r: { min: number; max: number }) => n >= r.min && n <= r.max;

/** Every finding for one household (household rules first, then its members in the given order). */
export function evaluateQuality(h: QualityHousehold, ctx: QualityContext): QualityHit[] {
  if (!inQualityPopulation(h)) return [];
  const lines = ctx.monitoringLines ?? DEFAULT_MONITORING_LINES;
  const out: QualityHit[] = [];
  const hit = (rule: QualityRuleCode, values: QualityValues, personId: number | null = null) => out.push({ rule, householdId: h.id, personId, values });
  const active = h.measures.filter((m) => m.status !== 'cancelled');
  const implemented = h.measures.filter((m) => m.status === 'implemented');
  const labour = h.members.filter((p) => isLabourCapable({ labourSkill: p.labourSkill, birthDate: p.birthDate, inSchool: isInSchool(p.schoolStatus) }, ctx.today)).length;
  const assisted = h.riskEliminated && h.eliminationMethod === 'assisted';

  if (assisted && h.incomeYear != null && h.perCapitaNetIncome != null) {
    const line = monitoringLineFor(h.incomeYear, lines);
    if (line != null && h.perCapitaNetIncome <= line) hit('assisted_income_below_line', { year: h.incomeYear, income: h.perCapitaNetIncome, line });
  }
  if (assisted && implemented.length === 0) hit('assisted_no_measure', { measures: active.length });
  if (labour > 0 && active.length > 0 && !active.some((m) => isDevelopmentalMeasure(m.code))) {
    hit('labour_no_developmental', { labour, measures: active.length });
  }
  if (h.monitorCategory && !h.riskEliminated && h.monitorIdentifiedOn
    && h.monitorIdentifiedOn <= minusMonths(ctx.today, QUALITY_THRESHOLDS.identifiedMonths)
    && labour > 0 && !implemented.some((m) => isDevelopmentalMeasure(m.code))) {
    hit('identified_no_developmental', { identifiedOn: h.monitorIdentifiedOn, labour });
  }
  if (h.riskTypes.includes('illness')) {
    const ill = h.members.filter((p) => (ILL_HEALTH as readonly string[]).includes(p.health)).length;
    const oop = h.outOfPocketExpense ?? 0;
    if (ill === 0 || oop <= 0) hit('illness_without_evidence', { illMembers: ill, outOfPocket: oop });
  }
  if (h.riskTypes.includes('unstable_employment') && !h.members.some((p) => p.workLocation !== 'none' || p.workMonths > 0)) {
    hit('unstable_employment_nobody_working', { members: h.members.length });
  }
  if (active.some((m) => m.code === 'other_education') && !h.members.some((p) => isVocationalStudent(p.schoolStatus))) {
    hit('yulu_non_vocational', { yuluMeasures: active.filter((m) => m.code === 'other_education').length });
  }
  if (h.monitorCategory && !(h.monitorContact ?? '').trim()) hit('no_monitor_contact', {});
  if (h.wageIncome != null && h.wageIncome > QUALITY_THRESHOLDS.tinyWage.above && h.wageIncome < QUALITY_THRESHOLDS.tinyWage.below) {
    hit('tiny_wage_income', { year: h.incomeYear, wage: h.wageIncome });
  }
  const holders = h.members.filter((p) => p.publicWelfarePost);
  const posts = active.filter((m) => m.code === 'public_welfare_post').length;
  if (holders.length >= 1 && posts > holders.length) {
    hit('duplicate_public_welfare_post', { holders: holders.length, posts }, holders.length === 1 ? holders[0]!.id : null);
  }

  for (const p of h.members) {
    const age = ageOn(p.birthDate, ctx.today);
    if (between(age, QUALITY_THRESHOLDS.childAge) && !isInSchool(p.schoolStatus)) hit('child_out_of_school', { age, schoolStatus: p.schoolStatus }, p.id);
    if (between(age, QUALITY_THRESHOLDS.workingAge) && p.health === 'healthy' && p.labourSkill === 'none' && !isInSchool(p.schoolStatus)) hit('healthy_adult_no_labour', { age }, p.id);
    if (between(age, QUALITY_THRESHOLDS.workingAge) && p.health === 'healthy' && p.tekun) hit('tekun_healthy_adult', { age }, p.id);
  }
  return out;
}

const yuan = (v: unknown) => `${Number(v ?? 0).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;

/** The finding's message with its numbers (what the results page and the household card show). */
export function qualityMessage(rule: QualityRuleCode, v: QualityValues, personName?: string | null): string {
  const who = personName ? `成员${personName}` : '成员';
  switch (rule) {
    case 'assisted_income_below_line': return `帮扶消除户${v.year}年人均纯收入${yuan(v.income)}，未高于当年监测线${yuan(v.line)}`;
    case 'assisted_no_measure': return `帮扶消除户没有已落实的帮扶措施（有效措施${v.measures}项，均未落实）`;
    case 'labour_no_developmental': return `有劳动能力成员${v.labour}人，已安排帮扶措施${v.measures}项，但无开发式帮扶措施`;
    case 'identified_no_developmental': return `${v.identifiedOn}识别纳入，已满${QUALITY_THRESHOLDS.identifiedMonths}个月，有劳动能力成员${v.labour}人，仍无已落实的开发式帮扶措施`;
    case 'illness_without_evidence': return `风险类型含因病，患病（慢性病/大病）成员${v.illMembers}人，合规自付支出${yuan(v.outOfPocket)}`;
    case 'unstable_employment_nobody_working': return `风险类型含因务工就业不稳，但家庭${v.members}名成员均未登记务工`;
    case 'child_out_of_school': return `${who}${v.age}周岁，在校生状况为${v.schoolStatus === 'dropout' ? '失学辍学' : '非在校生'}`;
    case 'healthy_adult_no_labour': return `${who}${v.age}周岁、健康，劳动技能登记为无劳动力`;
    case 'tekun_healthy_adult': return `${who}${v.age}周岁、健康，享受特困供养`;
    case 'yulu_non_vocational': return `安排雨露计划措施${v.yuluMeasures}项，但家庭中没有职业教育在校生`;
    case 'no_monitor_contact': return '监测户未登记监测联系人';
    case 'tiny_wage_income': return `${v.year}年工资性收入${yuan(v.wage)}，在0-100元之间，请核实`;
    case 'duplicate_public_welfare_post': return `公益岗位措施${v.posts}项，但在岗成员仅${v.holders}人${personName ? `（${personName}）` : ''}，存在一人多岗`;
  }
}
