import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPARTMENTS, type DepartmentClass } from './departments.js';
import { DEPARTMENT_DUTIES, DUTY_LIST_LIMITS, defaultDutiesOf, normalizeDutyList } from './department-duties.js';

describe('department duty lists (seed 004 附件1-3)', () => {
  it('covers exactly the 26 departments, 9 close / 15 related / 2 emergency', () => {
    expect(Object.keys(DEPARTMENT_DUTIES).sort()).toEqual(DEFAULT_DEPARTMENTS.map((d) => d.code).sort());
    const byClass = (c: DepartmentClass) => DEFAULT_DEPARTMENTS.filter((d) => d.class === c && DEPARTMENT_DUTIES[d.code]).length;
    expect([byClass('close'), byClass('related'), byClass('emergency')]).toEqual([9, 15, 2]);
  });

  it.each(DEFAULT_DEPARTMENTS.map((d) => [d.name, d.code] as const))('%s (%s) has at least one clean duty', (_name, code) => {
    const duties = defaultDutiesOf(code);
    expect(duties.length).toBeGreaterThanOrEqual(1);
    for (const text of duties) {
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/^\d+[.、．]/); // no item numbers
      expect(text).not.toMatch(/[；。;.]$/); // no closing punctuation
      expect(text).not.toMatch(/[a-zA-Z]/); // no stray Latin text from the source
    }
    expect(new Set(duties).size).toBe(duties.length);
  });

  it.each([
    ['education', 4], ['health', 6], ['medical_insurance', 6], ['housing', 5], ['water', 4], ['civil_affairs', 9],
    ['human_resources', 8], ['agriculture', 6], ['disabled_federation', 5], ['discipline', 4], ['organization', 3],
    ['publicity', 4], ['development_reform', 2], ['finance', 4], ['natural_resources', 2], ['transport', 5],
    ['commerce', 3], ['culture_tourism', 5], ['science', 3], ['power_supply', 2], ['financial_work', 5],
    ['rural_revitalization', 6], ['public_security', 5], ['emergency_management', 2],
  ] as const)('%s has %i duties as numbered in the source', (code, n) => expect(defaultDutiesOf(code)).toHaveLength(n));

  it('shares one list among 县金融工作局、南召银保监分局、人行南召县支行', () => {
    expect(DEPARTMENT_DUTIES.banking_regulation).toEqual(DEPARTMENT_DUTIES.financial_work);
    expect(DEPARTMENT_DUTIES.pboc_branch).toEqual(DEPARTMENT_DUTIES.financial_work);
    expect(DEPARTMENT_DUTIES.financial_work![0]).toContain('脱贫人口小额信贷');
  });

  it('keeps texts as published', () => {
    expect(defaultDutiesOf('education')[0]).toBe('承担因学返贫致贫风险的监测预警工作');
    expect(defaultDutiesOf('emergency_management')[0]).toContain('自然灾害风险信息和受灾农户数据（户数）');
    expect(defaultDutiesOf('unknown')).toEqual([]);
  });
});

describe('normalizeDutyList', () => {
  it.each([
    [['  甲职责 ', '', '乙职责'], { ok: true, duties: ['甲职责', '乙职责'] }],
    [[], { ok: false, index: 0, message: '职责清单至少需要一项职责' }],
    [['   ', ''], { ok: false, index: 0, message: '职责清单至少需要一项职责' }],
    [['甲', '乙', '甲'], { ok: false, index: 2, message: '第3项职责与前面的职责重复' }],
    [['甲', 'x'.repeat(DUTY_LIST_LIMITS.maxLength + 1)], { ok: false, index: 1, message: `第2项职责超过${DUTY_LIST_LIMITS.maxLength}字` }],
    [Array.from({ length: DUTY_LIST_LIMITS.maxItems + 1 }, (_, i) => `职责${i}`), { ok: false, index: DUTY_LIST_LIMITS.maxItems, message: `职责清单最多${DUTY_LIST_LIMITS.maxItems}项` }],
  ] as const)('%j → %j', (input, out) => expect(normalizeDutyList(input)).toEqual(out));
});
