import { describe, expect, it } from 'vitest';
import { checkHeaders } from '../files/spreadsheet-input.rules.js';
import { formatCell, normaliseDate, parseCell, parseRow, REGISTRY_COLUMNS, ROSTER_COLUMNS, templateExplanation, type TemplateColumn } from './import-templates.rules.js';

const C = (key: string): TemplateColumn => REGISTRY_COLUMNS.find((c) => c.key === key)!;

describe('parseCell', () => {
  it.each([
    ['householdType', '脱贫户', 'alleviated'],
    ['householdType', 'ordinary', 'ordinary'],
    ['householdType', ' 一般农户 ', 'ordinary'],
    ['riskTypes', '因病、因学，缺劳动力', ['illness', 'schooling', 'lack_of_labour']],
    ['riskEliminated', '是', true],
    ['riskEliminated', 'N', false],
    ['relocated', '√', true],
    ['workMonths', '6', 6],
    ['workMonths', '6.0', 6],
    ['wageIncome', '12,345.5', 12345.5],
    ['monitorIdentifiedOn', '2024/3/5', '2024-03-05'],
    ['monitorIdentifiedOn', '20240305', '2024-03-05'],
    ['disabilityCategory', '肢体残疾', '4'],
    ['disabilityGrade', '2', '2'],
    ['address', "'=SUM(A1)", '=SUM(A1)'],
    ['address', '', undefined],
    ['perCapitaNetIncome', '999', undefined],
  ])('%s %j → %j', (key, raw, value) => {
    expect(parseCell(C(key), raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['householdType', '贫困户', '「户类型」取值无效，可选：脱贫户、一般农户'],
    ['riskTypes', '因病、因穷', '「风险类型」中的「因穷」无效'],
    ['riskEliminated', '也许', '「风险是否消除」应填写“是”或“否”'],
    ['workMonths', '六', '「务工月数」应为整数'],
    ['wageIncome', '1.234', '「工资性收入」最多保留两位小数'],
    ['wageIncome', 'abc', '「工资性收入」应为金额数字（元）'],
    ['monitorIdentifiedOn', '2024-02-30', '「识别监测时间」应为日期，如 2024-03-15'],
  ])('%s %j is refused', (key, raw, message) => {
    const r = parseCell(C(key), raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});

describe('formatCell is the inverse of parseCell', () => {
  it.each([
    ['householdType', 'alleviated'], ['riskTypes', ['illness', 'disaster_flood']], ['dibao', true], ['dibao', false],
    ['alleviationYear', 2016], ['wageIncome', 1234.56], ['monitorIdentifiedOn', '2023-12-01'], ['relation', 'daughter_in_law'],
    ['disabilityCategory', '7'], ['schoolStatus', 'grade3'], ['address', '-3号院'],
  ])('%s %j', (key, value) => {
    const cell = formatCell(C(key), value);
    expect(parseCell(C(key), cell === null ? '' : String(cell))).toEqual({ ok: true, value });
  });
});

describe('templates', () => {
  it('every required column has a unique Chinese label and the headers check finds them', () => {
    for (const cols of [REGISTRY_COLUMNS, ROSTER_COLUMNS]) {
      expect(new Set(cols.map((c) => c.label)).size).toBe(cols.length);
      expect(new Set(cols.map((c) => c.key)).size).toBe(cols.length);
      const check = checkHeaders(cols, cols.map((c) => c.label));
      expect(check.ok).toBe(true);
      expect(check.unknown).toEqual([]);
    }
    const missing = checkHeaders(REGISTRY_COLUMNS, REGISTRY_COLUMNS.filter((c) => c.key !== 'idNumber').map((c) => c.label));
    expect(missing.errors).toEqual(['缺少必填列「证件号码」']);
  });

  it('parses a row with its errors by column', () => {
    const mapping = { name: 0, idNumber: 1, relation: 2, workMonths: 3 };
    const r = parseRow(REGISTRY_COLUMNS, mapping, ['张三', '411321198001010011', '户主', 'x']);
    expect(r.values).toEqual({ name: '张三', idNumber: '411321198001010011', relation: 'head' });
    expect(r.errors).toEqual([{ column: '务工月数', value: 'x', message: '「务工月数」应为整数' }]);
  });

  it('explains each column', () => {
    const rows = templateExplanation(REGISTRY_COLUMNS);
    expect(rows.find((r) => r[0] === '户类型')).toEqual(['户类型', '必填', '', '脱贫户、一般农户']);
    expect(normaliseDate('2024年3月5日')).toBe('2024-03-05');
  });
});
