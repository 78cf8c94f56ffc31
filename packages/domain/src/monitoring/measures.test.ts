import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPARTMENTS } from '../linkage/departments.js';
import {
  checkDevelopmentalMeasure, DEVELOPMENTAL_MEASURES, isDevelopmentalMeasure, isMeasureCode, MEASURE_CATALOGUE, MEASURE_CODES, measureLabel,
  type DevelopmentalFindingCode, type HouseholdMeasure,
} from './measures.js';

describe('the catalogue (domain.md §6)', () => {
  it('lists the sixteen measures in the order of the domain text', () => {
    expect(MEASURE_CATALOGUE.map((m) => m.label)).toEqual([
      '产业帮扶', '就业帮扶', '金融帮扶', '公益岗位', '技能培训', '健康帮扶', '义务教育保障', '其他教育', '住房安全', '饮水安全', '综合保障',
      '防贫保险', '社会帮扶', '消费帮扶', '搬迁后扶', '其他',
    ]);
    expect(MEASURE_CATALOGUE.map((m) => m.code)).toEqual([...MEASURE_CODES]);
  });

  it('has exactly four 开发式 measures', () => {
    expect(DEVELOPMENTAL_MEASURES).toEqual(['industry', 'employment', 'finance', 'public_welfare_post']);
  });

  it('names what a measure covers and a known default department', () => {
    const codes = new Set(DEFAULT_DEPARTMENTS.map((d) => d.code));
    for (const m of MEASURE_CATALOGUE) if (m.defaultDepartment) expect(codes.has(m.defaultDepartment), m.code).toBe(true);
    expect(MEASURE_CATALOGUE.find((m) => m.code === 'finance')!.includes).toEqual(['小额信贷']);
    expect(MEASURE_CATALOGUE.find((m) => m.code === 'other_education')!.includes).toEqual(['雨露计划']);
    expect(MEASURE_CATALOGUE.find((m) => m.code === 'social_security')!.includes).toEqual(['低保', '特困', '临时救助', '残疾人两项补贴']);
  });

  it.each([
    ['industry', true, true, '产业帮扶'], ['skills_training', true, false, '技能培训'], ['social_security', true, false, '综合保障'], ['nonsense', false, false, 'nonsense'],
  ] as const)('%s: known %s, 开发式 %s, label %s', (code, known, dev, label) => {
    expect([isMeasureCode(code), isDevelopmentalMeasure(code), measureLabel(code)]).toEqual([known, dev, label]);
  });
});

describe('labour capacity ⇒ at least one 开发式 measure', () => {
  const m = (code: string, status: HouseholdMeasure['status'] = 'planned'): HouseholdMeasure => ({ code, status });
  type Row = { name: string; labour: number; measures: HouseholdMeasure[]; countOnly?: 'implemented'; code: DevelopmentalFindingCode; ok: boolean; message: string };
  const rows: Row[] = [
    { name: 'no labour, no measure', labour: 0, measures: [], code: 'not_required', ok: true, message: '家庭无劳动能力成员，不要求开发式帮扶措施' },
    { name: 'no labour, only 综合保障', labour: 0, measures: [m('social_security')], code: 'not_required', ok: true, message: '家庭无劳动能力成员，不要求开发式帮扶措施' },
    { name: 'labour with a planned 开发式 measure', labour: 2, measures: [m('industry'), m('health')], code: 'satisfied', ok: true, message: '有劳动能力成员 2 人，已有开发式帮扶措施：产业帮扶' },
    { name: 'labour with two 开发式 measures', labour: 1, measures: [m('employment', 'implemented'), m('public_welfare_post', 'implemented')], code: 'satisfied', ok: true, message: '有劳动能力成员 1 人，已有开发式帮扶措施：就业帮扶、公益岗位' },
    { name: 'labour with only 综合保障', labour: 2, measures: [m('social_security'), m('social_security', 'implemented')], code: 'only_social_security', ok: false, message: '有劳动能力成员 2 人，但仅有综合保障措施，须至少落实一项开发式帮扶措施（产业帮扶、就业帮扶、金融帮扶、公益岗位）' },
    { name: 'labour with 技能培训 only (not 开发式)', labour: 1, measures: [m('skills_training')], code: 'missing', ok: false, message: '有劳动能力成员 1 人，但没有开发式帮扶措施，须至少安排一项（产业帮扶、就业帮扶、金融帮扶、公益岗位）' },
    { name: 'labour with no measure', labour: 1, measures: [], code: 'missing', ok: false, message: '有劳动能力成员 1 人，但没有开发式帮扶措施，须至少安排一项（产业帮扶、就业帮扶、金融帮扶、公益岗位）' },
    { name: 'a cancelled 开发式 measure does not count', labour: 1, measures: [m('finance', 'cancelled'), m('housing')], code: 'missing', ok: false, message: '有劳动能力成员 1 人，但没有开发式帮扶措施，须至少安排一项（产业帮扶、就业帮扶、金融帮扶、公益岗位）' },
    { name: 'counting only implemented: planned is not enough', labour: 1, measures: [m('industry')], countOnly: 'implemented', code: 'missing', ok: false, message: '有劳动能力成员 1 人，但没有已落实开发式帮扶措施，须至少安排一项（产业帮扶、就业帮扶、金融帮扶、公益岗位）' },
    { name: 'counting only implemented: implemented is', labour: 1, measures: [m('industry', 'implemented')], countOnly: 'implemented', code: 'satisfied', ok: true, message: '有劳动能力成员 1 人，已有已落实开发式帮扶措施：产业帮扶' },
  ];
  it.each(rows)('$name → $code', ({ labour, measures, countOnly, code, ok, message }) => {
    expect(checkDevelopmentalMeasure(labour, measures, { countOnly })).toEqual({ code, ok, message });
  });
});
