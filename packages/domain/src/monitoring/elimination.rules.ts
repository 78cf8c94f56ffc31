/**
 * 风险消除标准 (domain.md §7): the system evaluates each criterion for one household and shows pass/fail with the
 * numbers; people decide. Criteria: 人均纯收入 stably above the current monitoring line for the stability period
 * (default 6 months); 三保障 and 饮水 all fine; the identified risks gone; no new risk; a measure 已落实 (for 帮扶消除);
 * and the no-labour-capacity rule (such households stay under 兜底 and are not eliminated by default).
 *
 * Decisions documented here:
 * - "Stably above the line" is strict: every month of the period must be above the line (policy: 稳定超过监测范围; a
 *   household exactly at the line is still within the monitoring range).
 * - The line is the one in force for the assessment year (`monitoringLineFor`), applied to every month of the period.
 * - Income is given as monthly readings (each the rolling 12-month 人均纯收入 assessed that month, e.g. by the
 *   未消除月评估) and/or as periods (an annual figure covering from-to months). A monthly reading wins over a period
 *   for the same month; among periods the one that starts latest wins. The period ends with the assessment month
 *   when it has a figure, else with the month before. A month without any figure fails the criterion (named).
 * - The measure criterion is required only when 帮扶消除 is requested; otherwise it only decides the method hint.
 * - Identified risks: none recorded fails (cannot judge); a new risk that has already been resolved does not count.
 */
import { monitoringLineFor, DEFAULT_MONITORING_LINES } from '../household/income.rules.js';
import { labelOf, type CodeOf } from '../household/code-lists.js';
import type { Month } from '../linkage/period.rules.js';
import { countLabourCapable, type LabourMember } from './labour.rules.js';
import { measureLabel, type HouseholdMeasure } from './measures.js';

export type EliminationMethod = CodeOf<'eliminationMethod'>;

export interface MonthlyIncome {
  month: Month;
  perCapitaNetIncome: number;
}

export interface PeriodIncome {
  from: Month;
  to: Month;
  perCapitaNetIncome: number;
}

export interface BasicNeeds {
  housingUnsafe: boolean;
  schoolingDropout: boolean;
  medicalUninsured: boolean;
  waterUnsafe: boolean;
}

export const BASIC_NEED_PROBLEM_LABELS: Record<keyof BasicNeeds, string> = {
  housingUnsafe: '住房出现安全问题',
  schoolingDropout: '义务教育阶段适龄儿童少年失学辍学',
  medicalUninsured: '家庭成员未参加基本医疗保险',
  waterUnsafe: '饮水出现安全问题',
};

export interface HouseholdRisk {
  type: string;
  resolved: boolean;
}

export interface EliminationInput {
  /** The assessment day, YYYY-MM-DD. */
  assessedOn: string;
  income: readonly (MonthlyIncome | PeriodIncome)[];
  basicNeeds: BasicNeeds;
  /** Risks identified at 识别纳入 and whether each is gone. */
  risks: readonly HouseholdRisk[];
  /** Risks that appeared since. */
  newRisks: readonly HouseholdRisk[];
  measures: readonly HouseholdMeasure[];
  members: readonly LabourMember[];
  /** 整户无劳动能力兜底保障户 */
  noLabourGuarantee?: boolean;
  /** The method the village proposes, when known. */
  requestedMethod?: EliminationMethod | null;
}

export interface EliminationConfig {
  /** Months the income must stay above the line (places use 3-6; default 6). */
  stabilityMonths: number;
  monitoringLines: Readonly<Record<number, number>>;
  /** Whether a household without labour capacity may be marked eliminated (default no: it stays under 兜底). */
  eliminateNoLabourHouseholds: boolean;
}

export const DEFAULT_ELIMINATION_CONFIG: EliminationConfig = {
  stabilityMonths: 6,
  monitoringLines: DEFAULT_MONITORING_LINES,
  eliminateNoLabourHouseholds: false,
};

export function checkEliminationConfig(c: EliminationConfig): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(c.stabilityMonths) || c.stabilityMonths < 1 || c.stabilityMonths > 12) problems.push('收入稳定期应为1-12之间的整数月');
  return problems;
}

export type EliminationCriterionId = 'income_stable' | 'basic_needs' | 'risks_resolved' | 'no_new_risk' | 'measure_implemented' | 'labour_capacity';

export const ELIMINATION_CRITERION_LABELS: Record<EliminationCriterionId, string> = {
  income_stable: '人均纯收入稳定超过监测线',
  basic_needs: '“三保障”和饮水安全有保障',
  risks_resolved: '识别时的风险已消除',
  no_new_risk: '无新的风险',
  measure_implemented: '帮扶措施已落实（帮扶消除）',
  labour_capacity: '整户无劳动能力兜底规则',
};

export interface EliminationCriterion {
  id: EliminationCriterionId;
  label: string;
  passed: boolean;
  /** A failing required criterion makes the household not eligible. */
  required: boolean;
  /** The finding with its numbers, in Chinese. */
  detail: string;
  numbers: Readonly<Record<string, number | string | null>>;
}

export interface EliminationEvaluation {
  eligible: boolean;
  /** 帮扶消除 when any measure is 已落实, else 自然消除; people decide. */
  methodHint: EliminationMethod;
  criteria: EliminationCriterion[];
  /** The failing required criteria. */
  failing: EliminationCriterion[];
  summary: string;
}

/** 9120 → '9,120'; 8300.5 → '8,300.5'; rounded to 2 decimals. */
export function formatYuan(n: number): string {
  const r = Math.round(n * 100) / 100;
  const [int, dec] = Math.abs(r).toString().split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${r < 0 ? '-' : ''}${grouped}${dec ? `.${dec}` : ''}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthIndex = (m: Month) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOfIndex = (i: number): Month => `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
const isPeriod = (x: MonthlyIncome | PeriodIncome): x is PeriodIncome => 'from' in x;

/** The figure for a month: a monthly reading first (the last given), else the latest-starting period covering it. */
function incomeForMonth(income: readonly (MonthlyIncome | PeriodIncome)[], month: Month): number | null {
  let monthly: number | null = null;
  let period: PeriodIncome | null = null;
  for (const x of income) {
    if (!isPeriod(x)) {
      if (x.month === month) monthly = x.perCapitaNetIncome;
    } else if (x.from <= month && month <= x.to && (!period || x.from >= period.from)) {
      period = x;
    }
  }
  return monthly ?? period?.perCapitaNetIncome ?? null;
}

function incomeCriterion(i: EliminationInput, cfg: EliminationConfig): EliminationCriterion {
  const base = { id: 'income_stable' as const, label: ELIMINATION_CRITERION_LABELS.income_stable, required: true };
  const year = Number(i.assessedOn.slice(0, 4));
  const line = monitoringLineFor(year, cfg.monitoringLines);
  const n = cfg.stabilityMonths;
  const current = monthIndex(i.assessedOn.slice(0, 7));
  const end = incomeForMonth(i.income, monthOfIndex(current)) !== null ? current : current - 1;
  const months = Array.from({ length: n }, (_, k) => monthOfIndex(end - n + 1 + k));
  const from = months[0]!;
  const to = months[months.length - 1]!;
  if (line === null) {
    return { ...base, passed: false, detail: `未配置 ${year} 年的监测线，无法判断`, numbers: { line: null, months: n, from, to } };
  }
  const values = months.map((m) => ({ month: m, value: incomeForMonth(i.income, m) }));
  const missing = values.filter((v) => v.value === null).map((v) => v.month);
  if (missing.length) {
    return { ...base, passed: false, detail: `缺少 ${missing.join('、')} 的人均纯收入数据，无法判断近 ${n} 个月是否稳定超过监测线 ${formatYuan(line)} 元`, numbers: { line, months: n, from, to, missing: missing.length } };
  }
  const known = values as { month: Month; value: number }[];
  const lowest = known.reduce((a, b) => (b.value < a.value ? b : a));
  let consecutive = 0;
  for (let k = known.length - 1; k >= 0 && known[k]!.value > line; k--) consecutive++;
  const numbers = { line, lowest: lowest.value, lowestMonth: lowest.month, months: n, consecutive, from, to };
  if (consecutive === n) {
    return { ...base, passed: true, detail: `人均纯收入 ${formatYuan(lowest.value)} 元 > 监测线 ${formatYuan(line)} 元，连续 ${n} 个月（${from} 至 ${to}，按最低月份计）`, numbers };
  }
  const below = known.filter((v) => v.value <= line).length;
  return {
    ...base,
    passed: false,
    detail: `人均纯收入 ${formatYuan(lowest.value)} 元（${lowest.month}）≤ 监测线 ${formatYuan(line)} 元；近 ${n} 个月中 ${below} 个月未超过监测线，最近连续 ${consecutive} 个月超过，需连续 ${n} 个月`,
    numbers,
  };
}

function basicNeedsCriterion(b: BasicNeeds): EliminationCriterion {
  const problems = (Object.keys(BASIC_NEED_PROBLEM_LABELS) as (keyof BasicNeeds)[]).filter((k) => b[k]);
  return {
    id: 'basic_needs',
    label: ELIMINATION_CRITERION_LABELS.basic_needs,
    required: true,
    passed: problems.length === 0,
    detail: problems.length ? `存在问题：${problems.map((k) => BASIC_NEED_PROBLEM_LABELS[k]).join('、')}` : '住房安全、义务教育、基本医疗保险和饮水安全均有保障',
    numbers: { problems: problems.length },
  };
}

const riskNames = (rs: readonly HouseholdRisk[]) => [...new Set(rs.map((r) => labelOf('riskType', r.type)))].join('、');

function risksCriterion(risks: readonly HouseholdRisk[]): EliminationCriterion {
  const base = { id: 'risks_resolved' as const, label: ELIMINATION_CRITERION_LABELS.risks_resolved, required: true };
  if (!risks.length) return { ...base, passed: false, detail: '未登记识别时的风险类型，无法判断风险是否消除', numbers: { risks: 0, open: 0 } };
  const open = risks.filter((r) => !r.resolved);
  return {
    ...base,
    passed: open.length === 0,
    detail: open.length ? `尚未消除的风险：${riskNames(open)}（共 ${risks.length} 项，未消除 ${open.length} 项）` : `识别时的风险均已消除：${riskNames(risks)}`,
    numbers: { risks: risks.length, open: open.length },
  };
}

function newRiskCriterion(newRisks: readonly HouseholdRisk[]): EliminationCriterion {
  const open = newRisks.filter((r) => !r.resolved);
  const gone = newRisks.filter((r) => r.resolved);
  let detail = open.length ? `出现新的风险且尚未消除：${riskNames(open)}` : '未出现新的风险';
  if (!open.length && gone.length) detail = `新出现的风险已消除：${riskNames(gone)}`;
  return { id: 'no_new_risk', label: ELIMINATION_CRITERION_LABELS.no_new_risk, required: true, passed: open.length === 0, detail, numbers: { newRisks: newRisks.length, open: open.length } };
}

function measureCriterion(measures: readonly HouseholdMeasure[], requested: EliminationMethod | null | undefined): EliminationCriterion {
  const done = measures.filter((m) => m.status === 'implemented');
  const required = requested === 'assisted';
  const names = [...new Set(done.map((m) => measureLabel(m.code)))].join('、');
  return {
    id: 'measure_implemented',
    label: ELIMINATION_CRITERION_LABELS.measure_implemented,
    required,
    passed: done.length > 0,
    detail: done.length ? `已落实帮扶措施 ${done.length} 项：${names}` : `没有已落实的帮扶措施，${required ? '不能按帮扶消除' : '只能按自然消除'}`,
    numbers: { implemented: done.length, measures: measures.length },
  };
}

function labourCriterion(i: EliminationInput, cfg: EliminationConfig): EliminationCriterion {
  const capable = countLabourCapable(i.members, i.assessedOn);
  const noLabour = !!i.noLabourGuarantee || capable === 0;
  const base = { id: 'labour_capacity' as const, label: ELIMINATION_CRITERION_LABELS.labour_capacity, required: true, numbers: { members: i.members.length, labourCapable: capable } };
  if (!noLabour) return { ...base, passed: true, detail: `有劳动能力成员 ${capable} 人（共 ${i.members.length} 人）` };
  const why = i.noLabourGuarantee ? '该户为整户无劳动能力兜底保障户' : `整户无劳动能力（${i.members.length} 人中无劳动能力成员）`;
  if (cfg.eliminateNoLabourHouseholds) return { ...base, passed: true, detail: `${why}；按本地设置可标注风险消除，须继续落实兜底保障` };
  return { ...base, passed: false, detail: `${why}，继续兜底保障，默认不标注风险消除` };
}

/** Evaluate the criteria for one household: every criterion with its numbers, eligibility and the method hint. */
export function evaluateElimination(i: EliminationInput, cfg: EliminationConfig = DEFAULT_ELIMINATION_CONFIG): EliminationEvaluation {
  const criteria = [
    incomeCriterion(i, cfg),
    basicNeedsCriterion(i.basicNeeds),
    risksCriterion(i.risks),
    newRiskCriterion(i.newRisks),
    measureCriterion(i.measures, i.requestedMethod),
    labourCriterion(i, cfg),
  ];
  const failing = criteria.filter((c) => c.required && !c.passed);
  const methodHint: EliminationMethod = i.measures.some((m) => m.status === 'implemented') ? 'assisted' : 'natural';
  const summary = failing.length
    ? `不符合风险消除标准：${failing.map((c) => c.label).join('、')}`
    : `符合风险消除标准，建议${labelOf('eliminationMethod', methodHint)}`;
  return { eligible: failing.length === 0, methodHint, criteria, failing, summary };
}
