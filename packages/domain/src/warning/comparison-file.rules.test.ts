import { describe, expect, it } from 'vitest';
import { checkHeaders } from '../files/spreadsheet-input.rules.js';
import { DEFAULT_COMPARISON_RULES, type ComparisonRule } from './comparison-rules.js';
import { checkFamilyRun, comparisonColumns, fieldsOfCondition, isRuleFamily, runnableFamilies } from './comparison-file.rules.js';
import { DuplicateTracker, duplicateIdRows, RunCounter, runCounts, type HitDecision, type RowMatch } from './matching.rules.js';

const rule = (code: string) => DEFAULT_COMPARISON_RULES.find((r) => r.code === code)!;

describe('fieldsOfCondition', () => {
  it.each([
    { code: 'medical.out_of_pocket', want: ['outOfPocket12m'] },
    { code: 'civil_affairs.new_assistance', want: ['assistanceType', 'newlyApproved'] },
    { code: 'disability.severe_new', want: ['disabilityGrade', 'newlyCertified', 'upgraded'] },
    { code: 'public_security.accident', want: ['crimeDisabledLabourer', 'forestFire', 'trafficInjury'] },
  ])('$code reads $want', ({ code, want }) => expect([...fieldsOfCondition(rule(code).condition)].sort()).toEqual(want));
});

describe('comparisonColumns', () => {
  it('medical: 证件号码 and 医保个人自付 required, the rest optional', () => {
    const cols = comparisonColumns('medical', DEFAULT_COMPARISON_RULES);
    expect(cols.map((c) => [c.label, c.required])).toEqual([['证件号码', true], ['姓名', false], ['医保个人自付', true], ['医疗总费用', false], ['大病', false]]);
  });
  it('a field read only by an inactive rule is optional', () => {
    expect(comparisonColumns('medical', []).filter((c) => c.required).map((c) => c.label)).toEqual(['证件号码']);
  });
  it('public_security: the vehicle rule and the accident rule both make their fields required', () => {
    const req = comparisonColumns('public_security', DEFAULT_COMPARISON_RULES).filter((c) => c.required).map((c) => c.key);
    expect(req.sort()).toEqual(['crimeDisabledLabourer', 'forestFire', 'idNumber', 'trafficInjury', 'vehicleCount']);
  });
  it('rules of other families do not count', () => {
    const other: ComparisonRule = { ...rule('education.dropout') };
    expect(comparisonColumns('medical', [other]).filter((c) => c.required)).toHaveLength(1);
  });
  it('works with checkHeaders: 身份证号 is accepted for 证件号码, a missing required column is one error naming it', () => {
    const cols = comparisonColumns('medical', DEFAULT_COMPARISON_RULES);
    expect(checkHeaders(cols, ['身份证号', '姓名', '医保个人自付'])).toMatchObject({ ok: true, mapping: { idNumber: 0, name: 1, outOfPocket12m: 2 } });
    expect(checkHeaders(cols, ['证件号码', '医疗总费用']).errors).toEqual(['缺少必填列「医保个人自付」']);
  });
});

describe('who may run a family', () => {
  const dept = (code: string) => ({ role: 'department_user' as const, departmentCode: code });
  it.each([
    { user: dept('medical_insurance'), family: 'medical', want: { ok: true } },
    { user: dept('public_security'), family: 'public_security', want: { ok: true } },
    { user: dept('medical_insurance'), family: 'education', want: { ok: false, status: 403 } },
    { user: { role: 'county_office' as const, departmentCode: null }, family: 'education', want: { ok: true } },
    { user: { role: 'township_cadre' as const, departmentCode: null }, family: 'medical', want: { ok: false, status: 403 } },
    { user: dept('medical_insurance'), family: 'lottery', want: { ok: false, status: 400 } },
    { user: dept('medical_insurance'), family: 'toString', want: { ok: false, status: 400 } },
  ])('$user.role $user.departmentCode → $family', ({ user, family, want }) => expect(checkFamilyRun(user, family)).toMatchObject(want));

  it('the refusal names the family in Chinese', () => {
    const r = checkFamilyRun(dept('medical_insurance'), 'education');
    expect(r.ok === false && r.message).toContain('教育');
    const u = checkFamilyRun(dept('medical_insurance'), 'lottery');
    expect(u.ok === false && u.message).toContain('未知的比对数据类别「lottery」');
  });

  it('runnableFamilies: a department user gets its own families only', () => {
    expect(runnableFamilies(dept('public_security'))).toEqual(['public_security']);
    expect(runnableFamilies(dept('medical_insurance'))).toEqual(['medical']);
    expect(runnableFamilies({ role: 'department_user', departmentCode: null })).toEqual([]);
    expect(runnableFamilies({ role: 'county_office', departmentCode: null })).toHaveLength(11);
    expect(isRuleFamily('medical') && !isRuleFamily('constructor')).toBe(true);
  });
});

describe('DuplicateTracker', () => {
  it('reports the first row of a repeated ID, and agrees with duplicateIdRows', () => {
    const rows = [{ rowNumber: 2, idNumber: 'A' }, { rowNumber: 3, idNumber: 'B' }, { rowNumber: 4, idNumber: 'A' }, { rowNumber: 5, idNumber: 'A' }];
    const t = new DuplicateTracker();
    expect(rows.map((r) => t.see(r.idNumber, r.rowNumber))).toEqual([null, null, 2, 2]);
    expect(t.size).toBe(2);
    expect(duplicateIdRows(rows)).toEqual([{ idNumber: 'A', firstRow: 2, row: 4 }, { idNumber: 'A', firstRow: 2, row: 5 }]);
  });
});

describe('RunCounter', () => {
  it('counts a streamed run exactly as runCounts counts the arrays', () => {
    const matches = [{ kind: 'invalid_id' }, { kind: 'unmatched' }, { kind: 'matched' }, { kind: 'matched' }] as RowMatch[];
    const decisions = [{ action: 'create' }, { action: 'attach' }, { action: 'attach' }, { action: 'skip' }] as HitDecision[];
    const c = new RunCounter();
    matches.forEach((m) => c.addMatch(m));
    decisions.forEach((d) => c.addDecision(d));
    expect(c.counts()).toEqual({ rows: 4, invalidIds: 1, unmatched: 1, matched: 2, created: 1, attached: 2, skipped: 1 });
    expect(runCounts(matches, decisions)).toEqual(c.counts());
    expect(new RunCounter().counts()).toEqual({ rows: 0, invalidIds: 0, unmatched: 0, matched: 0, created: 0, attached: 0, skipped: 0 });
  });
});
