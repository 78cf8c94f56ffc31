import { describe, expect, it } from 'vitest';
import {
  checkEliminationConfig, DEFAULT_ELIMINATION_CONFIG, evaluateElimination, formatYuan,
  type EliminationCriterionId, type EliminationInput, type MonthlyIncome,
} from './elimination.rules.js';

const months = (from: number, to: number, value: number, year = 2024): MonthlyIncome[] =>
  Array.from({ length: to - from + 1 }, (_, k) => ({ month: `${year}-${String(from + k).padStart(2, '0')}`, perCapitaNetIncome: value }));

const BASE: EliminationInput = {
  assessedOn: '2024-10-15',
  income: months(4, 9, 9120),
  basicNeeds: { housingUnsafe: false, schoolingDropout: false, medicalUninsured: false, waterUnsafe: false },
  risks: [{ type: 'illness', resolved: true }, { type: 'schooling', resolved: true }],
  newRisks: [],
  measures: [{ code: 'industry', status: 'implemented' }, { code: 'health', status: 'planned' }],
  members: [{ labourSkill: 'ordinary', birthDate: '1980-05-01' }, { labourSkill: 'lost', birthDate: '1950-01-01' }],
};

const criterion = (i: EliminationInput, id: EliminationCriterionId, cfg = DEFAULT_ELIMINATION_CONFIG) => evaluateElimination(i, cfg).criteria.find((c) => c.id === id)!;

describe('a household that meets every criterion', () => {
  it('is eligible, hinted 帮扶消除, each criterion with its numbers', () => {
    const e = evaluateElimination(BASE);
    expect(e.eligible).toBe(true);
    expect(e.methodHint).toBe('assisted');
    expect(e.failing).toEqual([]);
    expect(e.summary).toBe('符合风险消除标准，建议帮扶消除');
    expect(e.criteria.map((c) => [c.id, c.passed, c.detail])).toEqual([
      ['income_stable', true, '人均纯收入 9,120 元 > 监测线 8,300 元，连续 6 个月（2024-04 至 2024-09，按最低月份计）'],
      ['basic_needs', true, '住房安全、义务教育、基本医疗保险和饮水安全均有保障'],
      ['risks_resolved', true, '识别时的风险均已消除：因病、因学'],
      ['no_new_risk', true, '未出现新的风险'],
      ['measure_implemented', true, '已落实帮扶措施 1 项：产业帮扶'],
      ['labour_capacity', true, '有劳动能力成员 1 人（共 2 人）'],
    ]);
    expect(e.criteria[0]!.numbers).toEqual({ line: 8300, lowest: 9120, lowestMonth: '2024-04', months: 6, consecutive: 6, from: '2024-04', to: '2024-09' });
  });
});

describe('人均纯收入 stably above the line', () => {
  const withMonth = (month: string, value: number): EliminationInput => ({ ...BASE, income: [...BASE.income.filter((x) => !('month' in x) || x.month !== month), { month, perCapitaNetIncome: value }] });
  it.each([
    { name: 'one month below', i: withMonth('2024-07', 7900), passed: false, detail: '人均纯收入 7,900 元（2024-07）≤ 监测线 8,300 元；近 6 个月中 1 个月未超过监测线，最近连续 2 个月超过，需连续 6 个月' },
    { name: 'exactly at the line is not above it', i: withMonth('2024-09', 8300), passed: false, detail: '人均纯收入 8,300 元（2024-09）≤ 监测线 8,300 元；近 6 个月中 1 个月未超过监测线，最近连续 0 个月超过，需连续 6 个月' },
    { name: 'a month missing', i: { ...BASE, income: BASE.income.filter((x) => !('month' in x) || x.month !== '2024-05') }, passed: false, detail: '缺少 2024-05 的人均纯收入数据，无法判断近 6 个月是否稳定超过监测线 8,300 元' },
    { name: 'the assessment month counts when it has a figure', i: { ...BASE, income: months(5, 10, 8400) }, passed: true, detail: '人均纯收入 8,400 元 > 监测线 8,300 元，连续 6 个月（2024-05 至 2024-10，按最低月份计）' },
    { name: 'an annual period covers the months', i: { ...BASE, income: [{ from: '2024-01', to: '2024-12', perCapitaNetIncome: 9500.5 }] }, passed: true, detail: '人均纯收入 9,500.5 元 > 监测线 8,300 元，连续 6 个月（2024-05 至 2024-10，按最低月份计）' },
    { name: 'a monthly figure wins over the period', i: { ...BASE, income: [{ from: '2024-01', to: '2024-12', perCapitaNetIncome: 9500 }, { month: '2024-06', perCapitaNetIncome: 8000 }] }, passed: false, detail: '人均纯收入 8,000 元（2024-06）≤ 监测线 8,300 元；近 6 个月中 1 个月未超过监测线，最近连续 4 个月超过，需连续 6 个月' },
    { name: 'the later period wins', i: { ...BASE, income: [{ from: '2023-10', to: '2024-09', perCapitaNetIncome: 8000 }, { from: '2024-07', to: '2025-06', perCapitaNetIncome: 9000 }] }, passed: false, detail: '人均纯收入 8,000 元（2024-05）≤ 监测线 8,300 元；近 6 个月中 2 个月未超过监测线，最近连续 4 个月超过，需连续 6 个月' },
    { name: 'across the year boundary, the line of the assessment year', i: { ...BASE, assessedOn: '2024-02-10', income: [...months(9, 12, 8350, 2023), ...months(1, 1, 8350)] }, passed: false, detail: '缺少 2023-08 的人均纯收入数据，无法判断近 6 个月是否稳定超过监测线 8,300 元' },
    { name: 'no line configured for the year', i: { ...BASE, assessedOn: '2020-10-15', income: months(4, 9, 9000, 2020) }, passed: false, detail: '未配置 2020 年的监测线，无法判断' },
  ])('$name', ({ i, passed, detail }) => {
    const c = criterion(i, 'income_stable');
    expect([c.passed, c.detail]).toEqual([passed, detail]);
    expect(evaluateElimination(i).eligible).toBe(passed);
  });

  it('the stability period is configurable', () => {
    const i = { ...BASE, income: months(7, 9, 9120) };
    expect(criterion(i, 'income_stable').passed).toBe(false);
    const three = criterion(i, 'income_stable', { ...DEFAULT_ELIMINATION_CONFIG, stabilityMonths: 3 });
    expect([three.passed, three.detail]).toEqual([true, '人均纯收入 9,120 元 > 监测线 8,300 元，连续 3 个月（2024-07 至 2024-09，按最低月份计）']);
  });

  it('reads an edited line table', () => {
    const c = criterion(BASE, 'income_stable', { ...DEFAULT_ELIMINATION_CONFIG, monitoringLines: { 2024: 9200 } });
    expect(c.passed).toBe(false);
    expect(c.numbers.line).toBe(9200);
  });
});

describe('the other criteria', () => {
  type Row = { name: string; i: Partial<EliminationInput>; id: EliminationCriterionId; passed: boolean; detail: string; eligible: boolean };
  const rows: Row[] = [
    { name: '三保障 problems are named', i: { basicNeeds: { housingUnsafe: true, schoolingDropout: false, medicalUninsured: false, waterUnsafe: true } }, id: 'basic_needs', passed: false, detail: '存在问题：住房出现安全问题、饮水出现安全问题', eligible: false },
    { name: 'a risk still open', i: { risks: [{ type: 'illness', resolved: false }, { type: 'schooling', resolved: true }] }, id: 'risks_resolved', passed: false, detail: '尚未消除的风险：因病（共 2 项，未消除 1 项）', eligible: false },
    { name: 'no risk recorded', i: { risks: [] }, id: 'risks_resolved', passed: false, detail: '未登记识别时的风险类型，无法判断风险是否消除', eligible: false },
    { name: 'a new risk open', i: { newRisks: [{ type: 'accident', resolved: false }] }, id: 'no_new_risk', passed: false, detail: '出现新的风险且尚未消除：因意外事故', eligible: false },
    { name: 'a new risk already resolved', i: { newRisks: [{ type: 'disaster_flood', resolved: true }] }, id: 'no_new_risk', passed: true, detail: '新出现的风险已消除：因自然灾害(洪涝)', eligible: true },
    { name: 'no measure implemented: natural is still possible', i: { measures: [{ code: 'industry', status: 'planned' }] }, id: 'measure_implemented', passed: false, detail: '没有已落实的帮扶措施，只能按自然消除', eligible: true },
    { name: 'no measure implemented while 帮扶消除 is requested', i: { measures: [], requestedMethod: 'assisted' }, id: 'measure_implemented', passed: false, detail: '没有已落实的帮扶措施，不能按帮扶消除', eligible: false },
    { name: 'no member with labour capacity', i: { members: [{ labourSkill: 'lost' }, { labourSkill: 'none' }] }, id: 'labour_capacity', passed: false, detail: '整户无劳动能力（2 人中无劳动能力成员），继续兜底保障，默认不标注风险消除', eligible: false },
    { name: 'flagged 兜底 although a member is capable', i: { noLabourGuarantee: true }, id: 'labour_capacity', passed: false, detail: '该户为整户无劳动能力兜底保障户，继续兜底保障，默认不标注风险消除', eligible: false },
    { name: 'only a child recorded as labour', i: { members: [{ labourSkill: 'ordinary', birthDate: '2014-01-01' }, { labourSkill: 'lost' }] }, id: 'labour_capacity', passed: false, detail: '整户无劳动能力（2 人中无劳动能力成员），继续兜底保障，默认不标注风险消除', eligible: false },
  ];
  it.each(rows)('$name', ({ i, id, passed, detail, eligible }) => {
    const input = { ...BASE, ...i };
    const c = criterion(input, id);
    expect([c.passed, c.detail]).toEqual([passed, detail]);
    expect(evaluateElimination(input).eligible).toBe(eligible);
  });

  it('the measure criterion sets the method hint', () => {
    expect(evaluateElimination({ ...BASE, measures: [] }).methodHint).toBe('natural');
    expect(evaluateElimination({ ...BASE, measures: [{ code: 'employment', status: 'cancelled' }] }).methodHint).toBe('natural');
  });

  it('a county may allow households without labour capacity to be eliminated', () => {
    const e = evaluateElimination({ ...BASE, members: [{ labourSkill: 'none' }] }, { ...DEFAULT_ELIMINATION_CONFIG, eliminateNoLabourHouseholds: true });
    expect(e.eligible).toBe(true);
    expect(e.criteria.find((c) => c.id === 'labour_capacity')!.detail).toBe('整户无劳动能力（1 人中无劳动能力成员）；按本地设置可标注风险消除，须继续落实兜底保障');
  });

  it('lists every failing criterion in the summary', () => {
    const e = evaluateElimination({ ...BASE, income: [], risks: [{ type: 'illness', resolved: false }] });
    expect(e.failing.map((c) => c.id)).toEqual(['income_stable', 'risks_resolved']);
    expect(e.summary).toBe('不符合风险消除标准：人均纯收入稳定超过监测线、识别时的风险已消除');
  });
});

describe('formatting and configuration', () => {
  it.each([[9120, '9,120'], [8300.5, '8,300.5'], [1234567.891, '1,234,567.89'], [0, '0'], [-2000, '-2,000'], [999, '999']] as const)('formatYuan(%d) → %s', (n, s) => expect(formatYuan(n)).toBe(s));
  it.each([[6, []], [3, []], [0, ['收入稳定期应为1-12之间的整数月']], [13, ['收入稳定期应为1-12之间的整数月']], [4.5, ['收入稳定期应为1-12之间的整数月']]] as const)('stability %d months → %j', (n, p) => {
    expect(checkEliminationConfig({ ...DEFAULT_ELIMINATION_CONFIG, stabilityMonths: n })).toEqual(p);
  });
});
