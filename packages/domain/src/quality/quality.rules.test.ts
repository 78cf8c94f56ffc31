import { describe, expect, it } from 'vitest';
import {
  QUALITY_RULE_CODES, QUALITY_RULES, evaluateQuality, minusMonths, qualityMessage, type QualityHousehold, type QualityPerson, type QualityRuleCode,
} from './quality.rules.js';

const TODAY = '2024-12-15';
const person = (id: number, p: Partial<QualityPerson> = {}): QualityPerson => ({
  id, birthDate: '1980-05-01', health: 'healthy', labourSkill: 'ordinary', schoolStatus: 'none', workLocation: 'in_county', workMonths: 6,
  tekun: false, publicWelfarePost: false, ...p,
});
/** A clean monitored household: no rule fires. */
const base = (h: Partial<QualityHousehold> = {}): QualityHousehold => ({
  id: 1, householdType: 'alleviated', monitorCategory: 'marginal', monitorIdentifiedOn: '2024-06-01', riskTypes: ['accident'],
  riskEliminated: false, eliminationMethod: null, monitorContact: '张三', incomeYear: 2024, perCapitaNetIncome: 9000, wageIncome: 12000,
  outOfPocketExpense: 500, members: [person(10), person(11, { birthDate: '1982-01-01' })],
  measures: [{ code: 'industry', status: 'implemented' }], ...h,
});
const rules = (h: QualityHousehold, today = TODAY) => evaluateQuality(h, { today }).map((x) => x.personId == null ? x.rule : `${x.rule}@${x.personId}`);

describe('data-quality rules', () => {
  it('a clean household has no finding', () => expect(rules(base())).toEqual([]));
  it('every rule is defined once, with a Chinese name', () => {
    expect(QUALITY_RULES.map((r) => r.code)).toEqual([...QUALITY_RULE_CODES]);
    for (const r of QUALITY_RULES) expect(r.name).toMatch(/[\u4e00-\u9fa5]/);
  });
  it('一般农户 never monitored are not checked', () => {
    expect(rules(base({ householdType: 'ordinary', monitorCategory: null, monitorContact: null, wageIncome: 50 }))).toEqual([]);
  });

  const eliminated = { riskEliminated: true, eliminationMethod: 'assisted' };
  it.each<{ name: string; h: Partial<QualityHousehold>; today?: string; expected: string[] }>([
    { name: '帮扶消除, income below the line', h: { ...eliminated, perCapitaNetIncome: 8000 }, expected: ['assisted_income_below_line'] },
    { name: '帮扶消除, income at the line', h: { ...eliminated, perCapitaNetIncome: 8300 }, expected: ['assisted_income_below_line'] },
    { name: '帮扶消除, income above the line', h: { ...eliminated, perCapitaNetIncome: 8300.01 }, expected: [] },
    { name: '帮扶消除, 2023 line', h: { ...eliminated, incomeYear: 2023, perCapitaNetIncome: 7600 }, expected: [] },
    { name: '自然消除, income below the line', h: { riskEliminated: true, eliminationMethod: 'natural', perCapitaNetIncome: 8000 }, expected: [] },
    { name: '帮扶消除, no income row', h: { ...eliminated, perCapitaNetIncome: null, incomeYear: null, wageIncome: null, outOfPocketExpense: null }, expected: [] },
    { name: '帮扶消除, measure only planned', h: { ...eliminated, measures: [{ code: 'industry', status: 'planned' }] }, expected: ['assisted_no_measure'] },
    { name: '帮扶消除, no measure', h: { ...eliminated, measures: [] }, expected: ['assisted_no_measure'] },
    { name: 'labour, only 综合保障', h: { measures: [{ code: 'social_security', status: 'implemented' }] }, expected: ['labour_no_developmental', 'identified_no_developmental'] },
    { name: 'labour, developmental cancelled', h: { measures: [{ code: 'industry', status: 'cancelled' }, { code: 'health', status: 'implemented' }] }, expected: ['labour_no_developmental', 'identified_no_developmental'] },
    { name: 'no labour, only 综合保障', h: { members: [person(10, { labourSkill: 'lost' })], measures: [{ code: 'social_security', status: 'implemented' }] }, expected: [] },
    { name: 'labour is a student only', h: { members: [person(10, { labourSkill: 'ordinary', schoolStatus: 'highvoc1', birthDate: '2005-01-01' })], measures: [{ code: 'health', status: 'implemented' }] }, expected: [] },
    { name: 'labour, developmental planned, identified long ago', h: { measures: [{ code: 'employment', status: 'planned' }] }, expected: ['identified_no_developmental'] },
    { name: 'labour, no measure, identified exactly a month ago', h: { measures: [], monitorIdentifiedOn: '2024-11-15' }, expected: ['identified_no_developmental'] },
    { name: 'labour, no measure, identified less than a month ago', h: { measures: [], monitorIdentifiedOn: '2024-11-16' }, expected: [] },
    { name: 'month clamp: identified 02-29, today 03-31', today: '2024-03-31', h: { measures: [], monitorIdentifiedOn: '2024-02-29' }, expected: ['identified_no_developmental'] },
    { name: '因病 with no ill member', h: { riskTypes: ['illness'] }, expected: ['illness_without_evidence'] },
    { name: '因病 with ill member, zero out-of-pocket', h: { riskTypes: ['illness'], outOfPocketExpense: 0, members: [person(10, { health: 'serious_illness' })] }, expected: ['illness_without_evidence'] },
    { name: '因病 with ill member and expense', h: { riskTypes: ['illness'], members: [person(10, { health: 'chronic' })] }, expected: [] },
    { name: '因病, disabled member is not ill', h: { riskTypes: ['illness'], members: [person(10, { health: 'disabled' })] }, expected: ['illness_without_evidence'] },
    { name: '务工就业不稳, nobody working', h: { riskTypes: ['unstable_employment'], members: [person(10, { workLocation: 'none', workMonths: 0 })] }, expected: ['unstable_employment_nobody_working'] },
    { name: '务工就业不稳, one working months only', h: { riskTypes: ['unstable_employment'], members: [person(10, { workLocation: 'none', workMonths: 2 })] }, expected: [] },
    { name: '雨露计划, no vocational student', h: { measures: [{ code: 'industry', status: 'implemented' }, { code: 'other_education', status: 'planned' }] }, expected: ['yulu_non_vocational'] },
    { name: '雨露计划, a 中职 student', h: { measures: [{ code: 'industry', status: 'implemented' }, { code: 'other_education', status: 'implemented' }], members: [person(10), person(12, { birthDate: '2008-03-01', schoolStatus: 'secvoc2', labourSkill: 'none' })] }, expected: [] },
    { name: '雨露计划, a 本科 student only', h: { measures: [{ code: 'industry', status: 'implemented' }, { code: 'other_education', status: 'implemented' }], members: [person(10), person(12, { birthDate: '2004-03-01', schoolStatus: 'undergrad2', labourSkill: 'none' })] }, expected: ['yulu_non_vocational'] },
    { name: 'no 监测联系人', h: { monitorContact: '  ' }, expected: ['no_monitor_contact'] },
    { name: '脱贫户 not monitored, no contact', h: { monitorCategory: null, monitorContact: null, monitorIdentifiedOn: null }, expected: [] },
    { name: 'wage 50', h: { wageIncome: 50 }, expected: ['tiny_wage_income'] },
    { name: 'wage 0', h: { wageIncome: 0 }, expected: [] },
    { name: 'wage 100', h: { wageIncome: 100 }, expected: [] },
    { name: 'two 公益岗位 measures, one holder', h: { members: [person(10, { publicWelfarePost: true }), person(11)], measures: [{ code: 'public_welfare_post', status: 'implemented' }, { code: 'public_welfare_post', status: 'planned' }] }, expected: ['duplicate_public_welfare_post@10'] },
    { name: 'two posts, two holders', h: { members: [person(10, { publicWelfarePost: true }), person(11, { publicWelfarePost: true })], measures: [{ code: 'public_welfare_post', status: 'implemented' }, { code: 'public_welfare_post', status: 'implemented' }] }, expected: [] },
    { name: 'two posts, one cancelled', h: { members: [person(10, { publicWelfarePost: true })], measures: [{ code: 'public_welfare_post', status: 'implemented' }, { code: 'public_welfare_post', status: 'cancelled' }] }, expected: [] },
  ])('$name → $expected', ({ h, today, expected }) => {
    expect(rules(base(h), today)).toEqual(expected);
  });

  it.each<{ name: string; p: Partial<QualityPerson>; expected: string[] }>([
    { name: 'child 10, not in school', p: { birthDate: '2014-03-01', labourSkill: 'none', schoolStatus: 'none' }, expected: ['child_out_of_school@12'] },
    { name: 'child 6 today (birthday), dropout', p: { birthDate: '2018-12-15', labourSkill: 'none', schoolStatus: 'dropout' }, expected: ['child_out_of_school@12'] },
    { name: 'child 5 (birthday tomorrow)', p: { birthDate: '2018-12-16', labourSkill: 'none', schoolStatus: 'none' }, expected: [] },
    { name: 'child 16, not in school', p: { birthDate: '2008-01-01', labourSkill: 'none', schoolStatus: 'none' }, expected: ['child_out_of_school@12'] },
    { name: 'youth 17, not in school', p: { birthDate: '2007-12-15', labourSkill: 'ordinary', schoolStatus: 'none' }, expected: [] },
    { name: 'child 10 in grade 4', p: { birthDate: '2014-03-01', labourSkill: 'none', schoolStatus: 'grade4' }, expected: [] },
    { name: 'healthy 30 with 无劳动力', p: { labourSkill: 'none' }, expected: ['healthy_adult_no_labour@12'] },
    { name: 'healthy 18 today with 无劳动力', p: { birthDate: '2006-12-15', labourSkill: 'none' }, expected: ['healthy_adult_no_labour@12'] },
    { name: 'healthy 60 with 无劳动力', p: { birthDate: '1964-12-15', labourSkill: 'none' }, expected: [] },
    { name: 'healthy 20, 本科 student, 无劳动力', p: { birthDate: '2004-03-01', labourSkill: 'none', schoolStatus: 'undergrad2' }, expected: [] },
    { name: 'chronic 30 with 无劳动力', p: { health: 'chronic', labourSkill: 'none' }, expected: [] },
    { name: 'healthy 30 with 丧失劳动力', p: { labourSkill: 'lost' }, expected: [] },
    { name: '特困 healthy 40', p: { tekun: true }, expected: ['tekun_healthy_adult@12'] },
    { name: '特困 disabled 40', p: { tekun: true, health: 'disabled' }, expected: [] },
    { name: '特困 healthy 70', p: { tekun: true, birthDate: '1954-01-01' }, expected: [] },
  ])('person: $name → $expected', ({ p, expected }) => {
    expect(rules(base({ members: [person(10), person(12, p)] }))).toEqual(expected);
  });

  it('messages carry the numbers', () => {
    const [x] = evaluateQuality(base({ riskEliminated: true, eliminationMethod: 'assisted', perCapitaNetIncome: 8000 }), { today: TODAY });
    expect(qualityMessage(x!.rule, x!.values)).toBe('帮扶消除户2024年人均纯收入8,000元，未高于当年监测线8,300元');
    expect(qualityMessage('child_out_of_school', { age: 10, schoolStatus: 'dropout' }, '李四')).toBe('成员李四10周岁，在校生状况为失学辍学');
    for (const code of QUALITY_RULE_CODES) expect(qualityMessage(code as QualityRuleCode, {})).toMatch(/[\u4e00-\u9fa5]/);
  });
  it('uses an edited line table', () => {
    const h = base({ riskEliminated: true, eliminationMethod: 'assisted', incomeYear: 2025, perCapitaNetIncome: 8500 });
    expect(evaluateQuality(h, { today: TODAY }).map((x) => x.rule)).toEqual([]);
    expect(evaluateQuality(h, { today: TODAY, monitoringLines: { 2024: 8300, 2025: 8800 } }).map((x) => x.rule)).toEqual(['assisted_income_below_line']);
  });
});

describe('minusMonths (as PostgreSQL date − interval)', () => {
  it.each([['2024-12-15', 1, '2024-11-15'], ['2024-03-31', 1, '2024-02-29'], ['2023-03-31', 1, '2023-02-28'], ['2024-01-10', 1, '2023-12-10'], ['2024-05-31', 13, '2023-04-30']] as const)(
    '%s − %i → %s', (d, n, r) => expect(minusMonths(d, n)).toBe(r));
});
