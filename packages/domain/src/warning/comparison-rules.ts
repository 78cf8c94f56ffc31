/**
 * 信息比对 rules as data (domain.md §4; issue 3 §3). A department uploads a dataset of one rule family; each row,
 * once matched to a person, is evaluated against the family's rules. A rule is a plain, serialisable object the
 * county office edits; every edit gets a new version, and every comparison run records the versions it used.
 *
 * Decisions documented here:
 * - The condition language is deliberately small: a comparison of one row field with a literal (number, string,
 *   boolean, or a list for `in` / `not_in`) or with a named threshold, combined with `all` / `any` (at most 4
 *   levels deep). No expressions, no functions: a rule stored as JSON is exactly what is evaluated.
 * - Thresholds that differ by population (医保: 20,000 元 for 一般农户, 5,000 for 脱贫人口/监测对象) are named values
 *   on the rule, one per `appliesTo` group; a condition refers to them as `{ threshold: 'name' }`. A rule that
 *   applies to a group must give every threshold it uses for that group (else `validateRule` refuses it).
 * - The fields a family's file may carry are a catalogue (label, type, unit); the import maps its columns onto them.
 *   Row values may still be text (CSV): numbers accept "23,450" and "23450.5", booleans accept 是/否, 1/0, true/false,
 *   Y/N. A value that cannot be read counts as missing; a rule whose deciding field is missing does not fire and
 *   says so (`missing_data`) so the run report can list it.
 * - A subject is in exactly one group: a person of a monitored household is `monitored` whatever the household type;
 *   otherwise 脱贫户 → `alleviated`; 一般农户 and roster-only persons → `ordinary` (see `subjectGroup`).
 * - The code list of risk types has no 住房/饮水/兜底 entry, so 住建 C/D 危房, 水利 饮水 and 民政 new assistance produce
 *   the risk type `other` by default; the township picks the real risk types on verification.
 * - Consistency flags (vehicle, 财政供养, business registration) apply to `monitored` by default, as domain.md §4
 *   words it; the office may widen them to `alleviated`.
 * - 市场监管 is not one of the 26 seeded linkage departments: its rule carries department code `market_regulation`,
 *   which the county adds to its department list before the rule can be used (`validateRule` with `departmentCodes`).
 * - Versions: equality ignores `version` and key order; `nextVersion(old, changed)` is old.version when nothing else
 *   changed, else old.version + 1.
 */
import { CODE_LISTS } from '../household/code-lists.js';

export type RuleFamily =
  | 'medical' | 'civil_affairs' | 'housing' | 'water' | 'education' | 'disability' | 'emergency'
  | 'public_security' | 'human_resources' | 'finance' | 'market_regulation';

export const RULE_FAMILY_LABELS: Record<RuleFamily, string> = {
  medical: '医保',
  civil_affairs: '民政',
  housing: '住建',
  water: '水利',
  education: '教育',
  disability: '残联',
  emergency: '应急',
  public_security: '公安',
  human_resources: '人社',
  finance: '财政',
  market_regulation: '市场监管',
};

/** The department that uploads a family's files (codes of linkage/departments.ts; `market_regulation` is extra). */
export const RULE_FAMILY_DEPARTMENTS: Record<RuleFamily, string> = {
  medical: 'medical_insurance',
  civil_affairs: 'civil_affairs',
  housing: 'housing',
  water: 'water',
  education: 'education',
  disability: 'disabled_federation',
  emergency: 'emergency_management',
  public_security: 'public_security',
  human_resources: 'human_resources',
  finance: 'finance',
  market_regulation: 'market_regulation',
};

/** 脱贫人口 / 监测对象 / 一般农户. */
export type SubjectGroup = 'alleviated' | 'monitored' | 'ordinary';
export const SUBJECT_GROUPS: readonly SubjectGroup[] = ['alleviated', 'monitored', 'ordinary'];
export const SUBJECT_GROUP_LABELS: Record<SubjectGroup, string> = { alleviated: '脱贫人口', monitored: '监测对象', ordinary: '一般农户' };

/** The group of a person: monitored first, then the household type; roster-only persons are 一般农户. */
export function subjectGroup(p: { householdType: 'alleviated' | 'ordinary' | null; monitored: boolean }): SubjectGroup {
  if (p.monitored) return 'monitored';
  return p.householdType === 'alleviated' ? 'alleviated' : 'ordinary';
}

export type FieldType = 'number' | 'string' | 'boolean';
export interface FieldDef {
  label: string;
  type: FieldType;
  unit?: string;
}

/** The fields each family's file may carry (after column mapping). */
export const RULE_FIELDS: Record<RuleFamily, Readonly<Record<string, FieldDef>>> = {
  medical: {
    outOfPocket12m: { label: '医保个人自付', type: 'number', unit: '元' },
    totalCost12m: { label: '医疗总费用', type: 'number', unit: '元' },
    seriousIllness: { label: '大病', type: 'boolean' },
  },
  civil_affairs: {
    assistanceType: { label: '救助类别', type: 'string' },
    newlyApproved: { label: '新纳入', type: 'boolean' },
  },
  housing: { houseGrade: { label: '房屋安全鉴定等级', type: 'string' } },
  water: { safeWater: { label: '饮水安全', type: 'boolean' } },
  education: { dropout: { label: '失学辍学', type: 'boolean' } },
  disability: {
    disabilityGrade: { label: '残疾等级', type: 'number', unit: '级' },
    newlyCertified: { label: '新办残疾人证', type: 'boolean' },
    upgraded: { label: '残疾等级升级', type: 'boolean' },
  },
  emergency: { disasterAffected: { label: '受灾', type: 'boolean' }, loss: { label: '灾害损失', type: 'number', unit: '元' } },
  public_security: {
    trafficInjury: { label: '交通事故受伤', type: 'boolean' },
    crimeDisabledLabourer: { label: '刑事案件致主要劳动力伤残', type: 'boolean' },
    forestFire: { label: '森林火灾受损', type: 'boolean' },
    vehicleCount: { label: '登记机动车', type: 'number', unit: '辆' },
  },
  human_resources: { lostJob: { label: '失业', type: 'boolean' } },
  finance: { onPayroll: { label: '财政供养人员', type: 'boolean' } },
  market_regulation: { businessActive: { label: '登记市场主体（存续）', type: 'boolean' } },
};

export type Scalar = number | string | boolean;
export type CompareOp = '>=' | '>' | '<=' | '<' | '==' | '!=' | 'in' | 'not_in';
export const COMPARE_OPS: readonly CompareOp[] = ['>=', '>', '<=', '<', '==', '!=', 'in', 'not_in'];
const OP_SYMBOLS: Record<CompareOp, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=', '!=': '≠', in: '属于', not_in: '不属于' };
const OPS_BY_TYPE: Record<FieldType, readonly CompareOp[]> = {
  number: ['>=', '>', '<=', '<', '==', '!=', 'in', 'not_in'],
  string: ['==', '!=', 'in', 'not_in'],
  boolean: ['==', '!='],
};

export interface ThresholdRef {
  threshold: string;
}
export interface Comparison {
  field: string;
  op: CompareOp;
  value: Scalar | readonly Scalar[] | ThresholdRef;
}
export type Condition = Comparison | { all: readonly Condition[] } | { any: readonly Condition[] };

export const MAX_CONDITION_DEPTH = 4;

export type RuleOutput = { kind: 'risk_clue'; riskTypes: readonly string[] } | { kind: 'suspected_problem' };

export interface ComparisonRule {
  /** `family.name`, stable across versions. */
  code: string;
  family: RuleFamily;
  departmentCode: string;
  version: number;
  label: string;
  appliesTo: readonly SubjectGroup[];
  condition: Condition;
  /** Named thresholds, one value per group the rule applies to. */
  thresholds: Readonly<Record<string, Partial<Record<SubjectGroup, number>>>>;
  output: RuleOutput;
}

const ALL_GROUPS = SUBJECT_GROUPS;
const eq = (field: string, value: Scalar): Comparison => ({ field, op: '==', value });

function rule(r: Omit<ComparisonRule, 'version' | 'departmentCode' | 'thresholds'> & { thresholds?: ComparisonRule['thresholds'] }): ComparisonRule {
  return { version: 1, departmentCode: RULE_FAMILY_DEPARTMENTS[r.family], thresholds: {}, ...r };
}

/** The defaults of domain.md §4, version 1. */
export const DEFAULT_COMPARISON_RULES: readonly ComparisonRule[] = [
  rule({
    code: 'medical.out_of_pocket', family: 'medical', label: '医保个人自付费用高（近12个月）', appliesTo: ALL_GROUPS,
    condition: { field: 'outOfPocket12m', op: '>=', value: { threshold: 'outOfPocket' } },
    thresholds: { outOfPocket: { ordinary: 20000, alleviated: 5000, monitored: 5000 } },
    output: { kind: 'risk_clue', riskTypes: ['illness'] },
  }),
  rule({
    code: 'civil_affairs.new_assistance', family: 'civil_affairs', label: '新纳入低保、特困或临时救助', appliesTo: ALL_GROUPS,
    condition: { all: [eq('newlyApproved', true), { field: 'assistanceType', op: 'in', value: ['低保', '特困', '临时救助'] }] },
    output: { kind: 'risk_clue', riskTypes: ['other'] },
  }),
  rule({
    code: 'housing.dangerous_house', family: 'housing', label: 'C/D级危房', appliesTo: ALL_GROUPS,
    condition: { field: 'houseGrade', op: 'in', value: ['C', 'D'] },
    output: { kind: 'risk_clue', riskTypes: ['other'] },
  }),
  rule({
    code: 'water.unsafe_water', family: 'water', label: '饮水不安全', appliesTo: ALL_GROUPS,
    condition: eq('safeWater', false),
    output: { kind: 'risk_clue', riskTypes: ['other'] },
  }),
  rule({
    code: 'education.dropout', family: 'education', label: '失学辍学', appliesTo: ALL_GROUPS,
    condition: eq('dropout', true),
    output: { kind: 'risk_clue', riskTypes: ['schooling'] },
  }),
  rule({
    code: 'disability.severe_new', family: 'disability', label: '新增或升级为一、二级残疾', appliesTo: ALL_GROUPS,
    condition: { all: [{ field: 'disabilityGrade', op: '<=', value: 2 }, { any: [eq('newlyCertified', true), eq('upgraded', true)] }] },
    output: { kind: 'risk_clue', riskTypes: ['disability'] },
  }),
  rule({
    code: 'emergency.disaster', family: 'emergency', label: '受灾户', appliesTo: ALL_GROUPS,
    condition: eq('disasterAffected', true),
    output: { kind: 'risk_clue', riskTypes: ['disaster_other'] },
  }),
  rule({
    code: 'public_security.accident', family: 'public_security', label: '交通事故受伤、刑事案件致主要劳动力伤残、森林火灾', appliesTo: ALL_GROUPS,
    condition: { any: [eq('trafficInjury', true), eq('crimeDisabledLabourer', true), eq('forestFire', true)] },
    output: { kind: 'risk_clue', riskTypes: ['accident'] },
  }),
  rule({
    code: 'human_resources.job_loss', family: 'human_resources', label: '失业', appliesTo: ALL_GROUPS,
    condition: eq('lostJob', true),
    output: { kind: 'risk_clue', riskTypes: ['unstable_employment'] },
  }),
  rule({
    code: 'public_security.vehicle', family: 'public_security', label: '监测户登记有机动车（疑似问题）', appliesTo: ['monitored'],
    condition: { field: 'vehicleCount', op: '>=', value: 1 },
    output: { kind: 'suspected_problem' },
  }),
  rule({
    code: 'finance.payroll', family: 'finance', label: '家庭成员为财政供养人员（疑似问题）', appliesTo: ['monitored'],
    condition: eq('onPayroll', true),
    output: { kind: 'suspected_problem' },
  }),
  rule({
    code: 'market_regulation.business', family: 'market_regulation', label: '登记有存续市场主体（疑似问题）', appliesTo: ['monitored'],
    condition: eq('businessActive', true),
    output: { kind: 'suspected_problem' },
  }),
];

/** `code@vN`, what a comparison run records for each rule it used. */
export const ruleVersionKey = (r: Pick<ComparisonRule, 'code' | 'version'>) => `${r.code}@v${r.version}`;

// ── reading row values ────────────────────────────────────────────────────────────────────────────

export type RowValue = Scalar | null | undefined;
export type DataRow = Readonly<Record<string, RowValue>>;

const TRUE_WORDS = new Set(['是', 'true', '1', 'y', 'yes', '有']);
const FALSE_WORDS = new Set(['否', 'false', '0', 'n', 'no', '无']);

/** The row value read as the field's type, or null when missing or unreadable. */
export function coerceFieldValue(type: FieldType, raw: RowValue): Scalar | null {
  if (raw === null || raw === undefined) return null;
  if (type === 'number') {
    if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
    if (typeof raw !== 'string') return null;
    const s = raw.trim().replace(/,/g, '');
    return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
  }
  if (type === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    const s = String(raw).trim().toLowerCase();
    if (TRUE_WORDS.has(s)) return true;
    if (FALSE_WORDS.has(s)) return false;
    return null;
  }
  const s = String(raw).trim();
  return s === '' ? null : s;
}

/** 23450 → "23,450"; 1234.5 → "1,234.5". */
export function formatNumber(n: number): string {
  const [int, frac] = String(Math.round(n * 100) / 100).split('.');
  const neg = int!.startsWith('-');
  const digits = neg ? int!.slice(1) : int!;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

function formatValue(def: FieldDef, v: Scalar): string {
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return `${formatNumber(v)}${def.unit ? ` ${def.unit}` : ''}`;
  return v;
}

// ── evaluation ────────────────────────────────────────────────────────────────────────────────────

export interface Trigger {
  field: string;
  label: string;
  op: CompareOp;
  /** The row's value. */
  actual: Scalar;
  /** What it was compared with (the threshold for the subject's group, when the rule uses one). */
  expected: Scalar | readonly Scalar[];
  text: string;
}

export type RuleEvaluation =
  | { hit: false; reason: 'not_applicable' | 'condition_false' }
  | { hit: false; reason: 'missing_data'; missingFields: string[] }
  | { hit: true; ruleCode: string; ruleVersion: number; output: RuleOutput; riskTypes: string[]; triggers: Trigger[]; explanation: string };

type Outcome = { result: boolean | null; triggers: Trigger[]; missing: string[] };

const isThreshold = (v: Comparison['value']): v is ThresholdRef => typeof v === 'object' && v !== null && !Array.isArray(v);
const isList = (v: Comparison['value']): v is readonly Scalar[] => Array.isArray(v);

function compare(op: CompareOp, a: Scalar, b: Scalar | readonly Scalar[]): boolean {
  if (op === 'in' || op === 'not_in') {
    const found = (b as readonly Scalar[]).some((x) => x === a);
    return op === 'in' ? found : !found;
  }
  if (op === '==') return a === b;
  if (op === '!=') return a !== b;
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  return op === '>=' ? a >= b : op === '>' ? a > b : op === '<=' ? a <= b : a < b;
}

function triggerText(def: FieldDef, op: CompareOp, actual: Scalar, expected: Scalar | readonly Scalar[]): string {
  if (typeof actual === 'boolean' && op === '==') return `${def.label}：${formatValue(def, actual)}`;
  if (Array.isArray(expected)) return `${def.label} ${formatValue(def, actual)}（${OP_SYMBOLS[op]} ${expected.map((e) => formatValue(def, e)).join('、')}）`;
  return `${def.label} ${formatValue(def, actual)} ${OP_SYMBOLS[op]} ${formatValue(def, expected as Scalar)}`;
}

function evalCondition(rule: ComparisonRule, group: SubjectGroup, c: Condition, row: DataRow): Outcome {
  if ('all' in c || 'any' in c) {
    const parts = ('all' in c ? c.all : c.any).map((p) => evalCondition(rule, group, p, row));
    const missing = parts.flatMap((p) => p.missing);
    if ('all' in c) {
      if (parts.some((p) => p.result === false)) return { result: false, triggers: [], missing: [] };
      if (parts.some((p) => p.result === null)) return { result: null, triggers: [], missing };
      return { result: true, triggers: parts.flatMap((p) => p.triggers), missing: [] };
    }
    const yes = parts.filter((p) => p.result === true);
    if (yes.length) return { result: true, triggers: yes.flatMap((p) => p.triggers), missing: [] };
    return parts.some((p) => p.result === null) ? { result: null, triggers: [], missing } : { result: false, triggers: [], missing: [] };
  }
  const def = RULE_FIELDS[rule.family][c.field];
  if (!def) return { result: null, triggers: [], missing: [c.field] };
  const actual = coerceFieldValue(def.type, row[c.field]);
  if (actual === null) return { result: null, triggers: [], missing: [c.field] };
  let expected: Scalar | readonly Scalar[];
  if (isThreshold(c.value)) {
    const t = rule.thresholds[c.value.threshold]?.[group];
    if (t === undefined) return { result: null, triggers: [], missing: [`threshold:${c.value.threshold}`] };
    expected = t;
  } else expected = c.value;
  const result = compare(c.op, actual, expected);
  return { result, triggers: result ? [{ field: c.field, label: def.label, op: c.op, actual, expected, text: triggerText(def, c.op, actual, expected) }] : [], missing: [] };
}

/**
 * Whether the rule fires for a subject of `subject.group` on `row`, and why: the triggering values, then the group
 * and the rule with its version, e.g. 「医保个人自付 23,450 元 ≥ 20,000 元（一般农户，规则 medical.out_of_pocket v1）」.
 */
export function evaluateRule(rule: ComparisonRule, subject: { group: SubjectGroup }, row: DataRow): RuleEvaluation {
  if (!rule.appliesTo.includes(subject.group)) return { hit: false, reason: 'not_applicable' };
  const o = evalCondition(rule, subject.group, rule.condition, row);
  if (o.result === null) return { hit: false, reason: 'missing_data', missingFields: [...new Set(o.missing)] };
  if (!o.result) return { hit: false, reason: 'condition_false' };
  const explanation = `${o.triggers.map((t) => t.text).join('，')}（${SUBJECT_GROUP_LABELS[subject.group]}，规则 ${rule.code} v${rule.version}）`;
  return {
    hit: true, ruleCode: rule.code, ruleVersion: rule.version, output: rule.output,
    riskTypes: rule.output.kind === 'risk_clue' ? [...rule.output.riskTypes] : [], triggers: o.triggers, explanation,
  };
}

// ── validation and versions ───────────────────────────────────────────────────────────────────────

const RISK_TYPE_CODES: ReadonlySet<string> = new Set(CODE_LISTS.riskType.map((r) => r.code));
const CODE_RE = /^[a-z][a-z_]*\.[a-z][a-z0-9_]*$/;

export interface ValidateRuleOptions {
  /** The stored version the office edited; the version must then be `nextVersion(previous, rule)`. */
  previous?: ComparisonRule | null;
  /** Known department codes; when given, the rule's department must be one of them. */
  departmentCodes?: readonly string[];
}

function thresholdsUsed(c: Condition, out: Set<string>): Set<string> {
  if ('all' in c) c.all.forEach((p) => thresholdsUsed(p, out));
  else if ('any' in c) c.any.forEach((p) => thresholdsUsed(p, out));
  else if (isThreshold(c.value)) out.add(c.value.threshold);
  return out;
}

function checkCondition(rule: ComparisonRule, c: Condition, depth: number, errors: string[]): void {
  if (depth > MAX_CONDITION_DEPTH) { errors.push(`条件嵌套不能超过${MAX_CONDITION_DEPTH}层`); return; }
  if (typeof c !== 'object' || c === null) { errors.push('条件格式错误'); return; }
  if ('all' in c || 'any' in c) {
    const parts = 'all' in c ? c.all : c.any;
    if (!Array.isArray(parts) || parts.length === 0) { errors.push(`「${'all' in c ? '全部满足' : '任一满足'}」条件组不能为空`); return; }
    parts.forEach((p) => checkCondition(rule, p, depth + 1, errors));
    return;
  }
  const fields = RULE_FIELDS[rule.family] ?? {};
  const def = fields[c.field];
  if (!def) { errors.push(`未知字段「${c.field}」：${RULE_FAMILY_LABELS[rule.family] ?? rule.family}数据可用字段为 ${Object.keys(fields).join('、')}`); return; }
  if (!COMPARE_OPS.includes(c.op)) { errors.push(`字段「${def.label}」的比较方式「${String(c.op)}」无效`); return; }
  if (!OPS_BY_TYPE[def.type].includes(c.op)) { errors.push(`字段「${def.label}」不能使用比较方式「${OP_SYMBOLS[c.op]}」`); return; }
  const listOp = c.op === 'in' || c.op === 'not_in';
  if (isThreshold(c.value)) {
    if (def.type !== 'number' || listOp) errors.push(`字段「${def.label}」不能与阈值比较`);
    else if (!c.value.threshold) errors.push(`字段「${def.label}」引用的阈值缺少名称`);
    return;
  }
  if (listOp !== isList(c.value)) { errors.push(listOp ? `字段「${def.label}」的「${OP_SYMBOLS[c.op]}」须给出取值列表` : `字段「${def.label}」的比较值不能是列表`); return; }
  const values = isList(c.value) ? c.value : [c.value];
  if (values.length === 0) errors.push(`字段「${def.label}」的取值列表不能为空`);
  if (values.some((v) => typeof v !== def.type || (typeof v === 'number' && !Number.isFinite(v)))) {
    errors.push(`字段「${def.label}」的比较值应为${def.type === 'number' ? '数字' : def.type === 'boolean' ? '是/否' : '文字'}`);
  }
}

/** Problems with a rule as the office saved it, in Chinese; empty when it may be used. */
export function validateRule(rule: ComparisonRule, opts: ValidateRuleOptions = {}): string[] {
  const errors: string[] = [];
  if (!CODE_RE.test(rule.code ?? '')) errors.push('规则编码格式应为「类别.名称」，仅含小写字母、数字和下划线');
  const familyKnown = rule.family in RULE_FAMILY_LABELS;
  if (!familyKnown) errors.push(`未知的规则类别「${String(rule.family)}」`);
  else if (!rule.code.startsWith(`${rule.family}.`)) errors.push(`规则编码应以「${rule.family}.」开头`);
  if (!rule.departmentCode?.trim()) errors.push('须指定数据提供部门');
  else if (opts.departmentCodes && !opts.departmentCodes.includes(rule.departmentCode)) errors.push(`未知的部门「${rule.departmentCode}」，请先在部门名单中添加`);
  if (!Number.isInteger(rule.version) || rule.version < 1) errors.push('版本号应为正整数');
  if (!rule.label?.trim()) errors.push('须填写规则名称');
  if (!Array.isArray(rule.appliesTo) || rule.appliesTo.length === 0) errors.push('须选择适用对象（脱贫人口、监测对象、一般农户）');
  else {
    const bad = rule.appliesTo.filter((g) => !SUBJECT_GROUPS.includes(g));
    if (bad.length) errors.push(`未知的适用对象：${bad.join('、')}`);
    if (new Set(rule.appliesTo).size !== rule.appliesTo.length) errors.push('适用对象重复');
  }
  if (familyKnown) checkCondition(rule, rule.condition, 1, errors);
  for (const name of thresholdsUsed(rule.condition, new Set())) {
    const t = rule.thresholds?.[name];
    for (const g of (rule.appliesTo ?? []).filter((x) => SUBJECT_GROUPS.includes(x))) {
      const v = t?.[g];
      if (v === undefined) errors.push(`缺少${SUBJECT_GROUP_LABELS[g]}的阈值「${name}」`);
      else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) errors.push(`${SUBJECT_GROUP_LABELS[g]}的阈值「${name}」应为非负数`);
    }
  }
  if (rule.output?.kind === 'risk_clue') {
    if (!rule.output.riskTypes?.length) errors.push('风险线索须至少指定一项风险类型');
    const bad = (rule.output.riskTypes ?? []).filter((r) => !RISK_TYPE_CODES.has(r));
    if (bad.length) errors.push(`未知的风险类型：${bad.join('、')}`);
  } else if (rule.output?.kind !== 'suspected_problem') errors.push('输出应为风险线索或疑似问题');
  const prev = opts.previous;
  if (prev) {
    if (prev.code !== rule.code) errors.push('修改规则时不能更改规则编码');
    const want = nextVersion(prev, rule);
    if (rule.version !== want) errors.push(want === prev.version ? `规则内容未修改，版本号应保持 v${want}` : `规则已修改，版本号应为 v${want}`);
  }
  return errors;
}

/** JSON with object keys sorted, so equal rules compare equal whatever the key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Same rule content apart from the version number. */
export function sameRuleContent(a: ComparisonRule, b: ComparisonRule): boolean {
  return canonical({ ...a, version: 0 }) === canonical({ ...b, version: 0 });
}

/** The version an edited rule must carry: unchanged → the old version, changed → old + 1. */
export function nextVersion(old: ComparisonRule, changed: ComparisonRule): number {
  return sameRuleContent(old, changed) ? old.version : old.version + 1;
}
