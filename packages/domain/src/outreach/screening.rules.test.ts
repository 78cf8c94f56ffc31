import { describe, expect, it } from 'vitest';
import { campaignYearStatus, checkCampaign, checkScreeningVisit, coverageOf, isPlanned, monthlyRound, roundPhase, visitRefusal } from './screening.rules.js';

describe('monthly round', () => {
  it.each([
    ['2026-02', '2026年2月村级月排查', '2026-02-01', '2026-02-28'],
    ['2024-02', '2024年2月村级月排查', '2024-02-01', '2024-02-29'],
    ['2026-12', '2026年12月村级月排查', '2026-12-01', '2026-12-31'],
  ])('%s', (month, name, startsOn, endsOn) => {
    expect(monthlyRound(month)).toEqual({ kind: 'monthly', month, name, startsOn, endsOn });
  });
});

describe('plan', () => {
  const ordinary = { householdType: 'ordinary' as const, monitorCategory: null, hasOpenWarning: false };
  it.each([
    ['monthly', ordinary, false, false],
    ['monthly', { ...ordinary, householdType: 'alleviated' as const }, false, true],
    ['monthly', { ...ordinary, monitorCategory: 'sudden' }, false, true],
    ['monthly', { ...ordinary, hasOpenWarning: true }, false, true],
    ['monthly', ordinary, true, true],
    ['campaign', ordinary, false, true],
  ] as const)('%s %o visited=%s → %s', (kind, facts, visited, expected) => {
    expect(isPlanned(kind, facts, visited)).toBe(expected);
  });
});

describe('round phase and visits', () => {
  const r = { startsOn: '2026-03-01', endsOn: '2026-03-31' };
  it.each([['2026-02-28', 'upcoming'], ['2026-03-01', 'open'], ['2026-03-31', 'open'], ['2026-04-01', 'finished']])('%s → %s', (today, phase) => {
    expect(roundPhase(r, today)).toBe(phase);
  });
  it('refuses visits outside the round', () => {
    expect(visitRefusal(r, '2026-03-15')).toBeNull();
    expect(visitRefusal(r, '2026-02-01')).toBe('本轮排查尚未开始（2026-03-01 开始）');
    expect(visitRefusal(r, '2026-04-02')).toBe('本轮排查已于 2026-03-31 结束，不能再记录走访结果');
  });
});

describe('checkCampaign', () => {
  it.each([
    [{ name: '春季集中排查', startsOn: '2026-03-01', endsOn: '2026-03-31' }, []],
    [{ name: ' ', startsOn: '2026-03-01', endsOn: '2026-03-31' }, [{ field: 'name', message: '请填写排查名称' }]],
    [{ name: 'x', startsOn: '2026-02-30', endsOn: '2026-03-31' }, [{ field: 'startsOn', message: '开始日期无效' }]],
    [{ name: 'x', startsOn: '2026-03-10', endsOn: '2026-03-01' }, [{ field: 'endsOn', message: '结束日期不能早于开始日期' }]],
    [{ name: 'x', startsOn: '2026-01-01', endsOn: '2026-04-03' }, [{ field: 'endsOn', message: '集中排查时间不能超过92天' }]],
    [{ name: 'x', startsOn: '2026-01-01', endsOn: '2026-04-02' }, []],
    [{ name: 'x', startsOn: '2026-01-01', endsOn: '2026-03-31' }, []],
  ])('%o', (input, expected) => {
    expect(checkCampaign(input)).toEqual(expected);
  });
  it('counts the campaigns of a year against the minimum of two', () => {
    expect(campaignYearStatus(['2026-03-01', '2025-10-01'], 2026)).toMatchObject({ count: 1, met: false, message: '2026年已开展集中排查1次，全年至少2次，还需1次' });
    expect(campaignYearStatus(['2026-03-01', '2026-10-01'], 2026)).toMatchObject({ count: 2, met: true });
  });
});

describe('checkScreeningVisit', () => {
  const known = ['illness', 'accident', 'other'];
  it.each([
    [{ result: 'no_risk' as const, riskTypes: [], note: null }, []],
    [{ result: 'risk_found' as const, riskTypes: ['illness'], note: '户主住院' }, []],
    [{ result: 'risk_found' as const, riskTypes: [], note: '户主住院' }, [{ field: 'riskTypes', message: '发现风险时请至少选择一项风险类型' }]],
    [{ result: 'risk_found' as const, riskTypes: ['illness'], note: ' ' }, [{ field: 'note', message: '发现风险时请简要说明情况' }]],
    [{ result: 'risk_found' as const, riskTypes: ['lottery'], note: 'x' }, [{ field: 'riskTypes', message: '风险类型无效：lottery' }]],
    [{ result: 'no_risk' as const, riskTypes: ['illness'], note: null }, [{ field: 'riskTypes', message: '未发现风险时不应选择风险类型' }]],
    [{ result: 'no_risk' as const, riskTypes: [], note: '字'.repeat(501) }, [{ field: 'note', message: '走访情况说明不能超过500字' }]],
  ])('%o', (v, expected) => {
    expect(checkScreeningVisit(v, known)).toEqual(expected);
  });
});

describe('coverage', () => {
  it.each([[3, 2, 66.7], [0, 0, 100], [4, 4, 100], [7, 0, 0]])('%i planned, %i visited → %s%%', (planned, visited, percent) => {
    expect(coverageOf(planned, visited).percent).toBe(percent);
  });
  it('refuses visited above planned (a programming error)', () => {
    expect(() => coverageOf(1, 2)).toThrow();
  });
});
