import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPARTMENTS } from '../linkage/departments.js';
import {
  coerceFieldValue, DEFAULT_COMPARISON_RULES, evaluateRule, formatNumber, nextVersion, ruleVersionKey, sameRuleContent, subjectGroup,
  validateRule, type ComparisonRule, type DataRow, type SubjectGroup,
} from './comparison-rules.js';

const byCode = (code: string): ComparisonRule => {
  const r = DEFAULT_COMPARISON_RULES.find((x) => x.code === code);
  if (!r) throw new Error(code);
  return r;
};
const MEDICAL = byCode('medical.out_of_pocket');
const DEPTS = [...DEFAULT_DEPARTMENTS.map((d) => d.code), 'market_regulation'];

describe('default rules', () => {
  it('every default rule validates against the department list (plus market_regulation)', () => {
    for (const r of DEFAULT_COMPARISON_RULES) expect(validateRule(r, { departmentCodes: DEPTS }), r.code).toEqual([]);
  });
  it('codes are unique and every family has at least one rule', () => {
    const codes = DEFAULT_COMPARISON_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(DEFAULT_COMPARISON_RULES.map((r) => r.family)).size).toBe(11);
  });
  it('market_regulation is not a seeded linkage department', () => {
    expect(validateRule(byCode('market_regulation.business'), { departmentCodes: DEFAULT_DEPARTMENTS.map((d) => d.code) }))
      .toEqual(['未知的部门「market_regulation」，请先在部门名单中添加']);
  });
  it('the run key is code@version', () => expect(ruleVersionKey(MEDICAL)).toBe('medical.out_of_pocket@v1'));
});

describe('subject group', () => {
  it.each([
    [{ householdType: 'alleviated', monitored: false }, 'alleviated'],
    [{ householdType: 'alleviated', monitored: true }, 'monitored'],
    [{ householdType: 'ordinary', monitored: true }, 'monitored'],
    [{ householdType: 'ordinary', monitored: false }, 'ordinary'],
    [{ householdType: null, monitored: false }, 'ordinary'],
  ] as const)('%o → %s', (p, g) => expect(subjectGroup(p)).toBe(g));
});

describe('evaluateRule', () => {
  const cases: { name: string; rule: ComparisonRule; group: SubjectGroup; row: DataRow; hit: boolean; why?: string; reason?: string }[] = [
    { name: 'medical 23,450 for an ordinary household', rule: MEDICAL, group: 'ordinary', row: { outOfPocket12m: 23450 }, hit: true, why: '医保个人自付 23,450 元 ≥ 20,000 元（一般农户，规则 medical.out_of_pocket v1）' },
    { name: 'medical exactly at the threshold', rule: MEDICAL, group: 'ordinary', row: { outOfPocket12m: 20000 }, hit: true, why: '医保个人自付 20,000 元 ≥ 20,000 元（一般农户，规则 medical.out_of_pocket v1）' },
    { name: 'medical 19,999.99 ordinary is below', rule: MEDICAL, group: 'ordinary', row: { outOfPocket12m: 19999.99 }, hit: false, reason: 'condition_false' },
    { name: 'medical 6,000 for 脱贫人口 uses the lower threshold', rule: MEDICAL, group: 'alleviated', row: { outOfPocket12m: '6,000' }, hit: true, why: '医保个人自付 6,000 元 ≥ 5,000 元（脱贫人口，规则 medical.out_of_pocket v1）' },
    { name: 'medical 5,000 for 监测对象', rule: MEDICAL, group: 'monitored', row: { outOfPocket12m: '5000' }, hit: true },
    { name: 'medical value missing', rule: MEDICAL, group: 'ordinary', row: { outOfPocket12m: '' }, hit: false, reason: 'missing_data' },
    { name: 'medical value unreadable', rule: MEDICAL, group: 'ordinary', row: { outOfPocket12m: '两万' }, hit: false, reason: 'missing_data' },
    { name: 'housing D grade', rule: byCode('housing.dangerous_house'), group: 'ordinary', row: { houseGrade: 'D' }, hit: true, why: '房屋安全鉴定等级 D（属于 C、D）（一般农户，规则 housing.dangerous_house v1）' },
    { name: 'housing B grade', rule: byCode('housing.dangerous_house'), group: 'ordinary', row: { houseGrade: 'B' }, hit: false, reason: 'condition_false' },
    { name: 'water unsafe written 否', rule: byCode('water.unsafe_water'), group: 'alleviated', row: { safeWater: '否' }, hit: true, why: '饮水安全：否（脱贫人口，规则 water.unsafe_water v1）' },
    { name: 'disability grade 2 newly certified', rule: byCode('disability.severe_new'), group: 'ordinary', row: { disabilityGrade: 2, newlyCertified: '是', upgraded: '否' }, hit: true, why: '残疾等级 2 级 ≤ 2 级，新办残疾人证：是（一般农户，规则 disability.severe_new v1）' },
    { name: 'disability grade 3 is not severe (any branch missing is irrelevant)', rule: byCode('disability.severe_new'), group: 'ordinary', row: { disabilityGrade: 3 }, hit: false, reason: 'condition_false' },
    { name: 'disability grade 1, upgrade unknown but new card yes', rule: byCode('disability.severe_new'), group: 'ordinary', row: { disabilityGrade: 1, newlyCertified: true }, hit: true },
    { name: 'disability grade 1, neither flag present', rule: byCode('disability.severe_new'), group: 'ordinary', row: { disabilityGrade: 1 }, hit: false, reason: 'missing_data' },
    { name: 'accident: only the true branch is explained', rule: byCode('public_security.accident'), group: 'monitored', row: { trafficInjury: false, crimeDisabledLabourer: false, forestFire: 'Y' }, hit: true, why: '森林火灾受损：是（监测对象，规则 public_security.accident v1）' },
    { name: 'vehicle flag applies to monitored only', rule: byCode('public_security.vehicle'), group: 'ordinary', row: { vehicleCount: 1 }, hit: false, reason: 'not_applicable' },
    { name: 'vehicle flag for a monitored household', rule: byCode('public_security.vehicle'), group: 'monitored', row: { vehicleCount: 2 }, hit: true, why: '登记机动车 2 辆 ≥ 1 辆（监测对象，规则 public_security.vehicle v1）' },
    { name: 'civil affairs new 低保', rule: byCode('civil_affairs.new_assistance'), group: 'ordinary', row: { assistanceType: '低保', newlyApproved: 1 }, hit: true, why: '新纳入：是，救助类别 低保（属于 低保、特困、临时救助）（一般农户，规则 civil_affairs.new_assistance v1）' },
    { name: 'civil affairs renewal is not new', rule: byCode('civil_affairs.new_assistance'), group: 'ordinary', row: { assistanceType: '低保', newlyApproved: 0 }, hit: false, reason: 'condition_false' },
  ];
  it.each(cases)('$name', ({ rule, group, row, hit, why, reason }) => {
    const r = evaluateRule(rule, { group }, row);
    expect(r.hit).toBe(hit);
    if (r.hit && why) expect(r.explanation).toBe(why);
    if (!r.hit && reason) expect(r.reason).toBe(reason);
  });

  it('a hit carries output, risk types and the triggering values', () => {
    const r = evaluateRule(MEDICAL, { group: 'ordinary' }, { outOfPocket12m: 23450 });
    expect(r).toMatchObject({ hit: true, ruleCode: 'medical.out_of_pocket', ruleVersion: 1, riskTypes: ['illness'], triggers: [{ field: 'outOfPocket12m', actual: 23450, expected: 20000, op: '>=' }] });
  });
  it('a consistency flag has no risk types', () => {
    const r = evaluateRule(byCode('finance.payroll'), { group: 'monitored' }, { onPayroll: true });
    expect(r).toMatchObject({ hit: true, output: { kind: 'suspected_problem' }, riskTypes: [] });
  });
  it('missing data names the fields', () => {
    expect(evaluateRule(MEDICAL, { group: 'ordinary' }, {})).toEqual({ hit: false, reason: 'missing_data', missingFields: ['outOfPocket12m'] });
  });
});

describe('value reading', () => {
  it.each([
    ['number', '23,450', 23450], ['number', ' 12.5 ', 12.5], ['number', '1e5', null], ['number', NaN, null], ['number', null, null],
    ['boolean', '是', true], ['boolean', 'N', false], ['boolean', '有', true], ['boolean', 'maybe', null],
    ['string', '  D ', 'D'], ['string', '', null], ['string', 3, '3'],
  ] as const)('%s %o → %o', (t, raw, out) => expect(coerceFieldValue(t, raw)).toBe(out));
  it.each([[23450, '23,450'], [1234.5, '1,234.5'], [999, '999'], [1000000, '1,000,000'], [-5000, '-5,000'], [0.123, '0.12']] as const)(
    'formatNumber(%d) = %s', (n, s) => expect(formatNumber(n)).toBe(s));
});

describe('validateRule', () => {
  const edit = (patch: Partial<ComparisonRule>): ComparisonRule => ({ ...MEDICAL, ...patch });
  it.each([
    { name: 'unknown field', rule: edit({ condition: { field: 'selfPay', op: '>=', value: 1 } }), error: '未知字段「selfPay」：医保数据可用字段为 outOfPocket12m、totalCost12m、seriousIllness' },
    { name: 'unknown operator', rule: edit({ condition: { field: 'outOfPocket12m', op: '=>' as never, value: 1 } }), error: '字段「医保个人自付」的比较方式「=>」无效' },
    { name: 'operator not for the type', rule: edit({ condition: { field: 'seriousIllness', op: '>=', value: true } }), error: '字段「大病」不能使用比较方式「≥」' },
    { name: 'value of the wrong type', rule: edit({ condition: { field: 'outOfPocket12m', op: '>=', value: '20000' } }), error: '字段「医保个人自付」的比较值应为数字' },
    { name: 'in without a list', rule: edit({ condition: { field: 'outOfPocket12m', op: 'in', value: 1 } }), error: '字段「医保个人自付」的「属于」须给出取值列表' },
    { name: 'empty group', rule: edit({ condition: { any: [] } }), error: '「任一满足」条件组不能为空' },
    { name: 'threshold missing for a group', rule: edit({ thresholds: { outOfPocket: { ordinary: 20000, alleviated: 5000 } } }), error: '缺少监测对象的阈值「outOfPocket」' },
    { name: 'threshold negative', rule: edit({ thresholds: { outOfPocket: { ordinary: -1, alleviated: 5000, monitored: 5000 } } }), error: '一般农户的阈值「outOfPocket」应为非负数' },
    { name: 'no group', rule: edit({ appliesTo: [] }), error: '须选择适用对象（脱贫人口、监测对象、一般农户）' },
    { name: 'risk clue without risk types', rule: edit({ output: { kind: 'risk_clue', riskTypes: [] } }), error: '风险线索须至少指定一项风险类型' },
    { name: 'unknown risk type', rule: edit({ output: { kind: 'risk_clue', riskTypes: ['poverty'] } }), error: '未知的风险类型：poverty' },
    { name: 'code of another family', rule: edit({ code: 'water.out_of_pocket' }), error: '规则编码应以「medical.」开头' },
    { name: 'bad version', rule: edit({ version: 0 }), error: '版本号应为正整数' },
    { name: 'empty label', rule: edit({ label: ' ' }), error: '须填写规则名称' },
    { name: 'too deep', rule: edit({ condition: { all: [{ all: [{ all: [{ all: [{ field: 'outOfPocket12m', op: '>=', value: 1 }] }] }] }] } }), error: '条件嵌套不能超过4层' },
  ])('$name', ({ rule, error }) => expect(validateRule(rule)).toContain(error));

  it('a threshold only needs the groups the rule applies to', () => {
    expect(validateRule(edit({ appliesTo: ['ordinary'], thresholds: { outOfPocket: { ordinary: 30000 } } }))).toEqual([]);
  });
});

describe('versions', () => {
  const raised: ComparisonRule = { ...MEDICAL, thresholds: { outOfPocket: { ordinary: 25000, alleviated: 5000, monitored: 5000 } } };
  it.each([
    { name: 'unchanged keeps the version', changed: { ...MEDICAL }, next: 1 },
    { name: 'key order does not matter', changed: Object.fromEntries(Object.entries(MEDICAL).reverse()) as unknown as ComparisonRule, next: 1 },
    { name: 'a threshold change increments', changed: raised, next: 2 },
    { name: 'a label change increments', changed: { ...MEDICAL, label: '医保自付高' }, next: 2 },
    { name: 'only the version differs: still unchanged', changed: { ...MEDICAL, version: 7 }, next: 1 },
  ])('$name', ({ changed, next }) => expect(nextVersion(MEDICAL, changed)).toBe(next));

  it.each([
    { name: 'changed but version kept', rule: { ...raised, version: 1 }, errors: ['规则已修改，版本号应为 v2'] },
    { name: 'changed and incremented', rule: { ...raised, version: 2 }, errors: [] },
    { name: 'changed and skipped a version', rule: { ...raised, version: 3 }, errors: ['规则已修改，版本号应为 v2'] },
    { name: 'unchanged but incremented', rule: { ...MEDICAL, version: 2 }, errors: ['规则内容未修改，版本号应保持 v1'] },
    { name: 'code changed', rule: { ...raised, code: 'medical.other', version: 2 }, errors: ['修改规则时不能更改规则编码'] },
  ])('$name', ({ rule, errors }) => expect(validateRule(rule, { previous: MEDICAL })).toEqual(errors));

  it('sameRuleContent ignores the version only', () => {
    expect(sameRuleContent(MEDICAL, { ...MEDICAL, version: 9 })).toBe(true);
    expect(sameRuleContent(MEDICAL, { ...MEDICAL, appliesTo: ['ordinary'] })).toBe(false);
  });
});
