import { describe, expect, it } from 'vitest';
import { codesOf } from '@shouwang/domain';
import { householdInput, incomeInput, personInput } from '../registry/registry.schemas.js';
import { fastHousehold, fastIncome, fastPerson } from './registry.fast-validate.js';

/** Deterministic PRNG (mulberry32) so a failure is reproducible. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pools = Record<string, unknown[]>;
const U = undefined;
const codes = (list: Parameters<typeof codesOf>[0], ...extra: unknown[]) => [U, U, ...codesOf(list), ...extra];
/** A required code: valid values first (the typical choices), then absent and invalid ones. */
const required = (list: Parameters<typeof codesOf>[0]) => [...codesOf(list), U, 'bogus'];
const BOOLS = [U, U, true, false, 'yes', 1];
const MONTHS = [U, U, 0, 0, 6, 12, 13, -1, 1.5, '3'];

const PERSON: Pools = {
  name: ['张三', '张三', ' 李四 ', U, '', '   ', 'x'.repeat(64), 'x'.repeat(65), 7],
  idNumber: ['411321198001010011', '411321198001010011', ' 41132119800101001X ', U, '', '  ', 5],
  relation: required('relation'),
  labourSkill: required('labourSkill'),
  idType: codes('idType', 'bogus'),
  ethnicity: codes('ethnicity', 'bogus'),
  politicalStatus: codes('politicalStatus', 'bogus'),
  education: codes('education', 'bogus', null),
  schoolStatus: codes('schoolStatus', 'bogus'),
  health: codes('health', 'bogus'),
  disabilityCategory: [U, U, U, 1, 4, 7, 8, 0, 2.5, null],
  disabilityGrade: [U, U, U, 1, 4, 5, null],
  workLocation: codes('workLocation', 'bogus'),
  workMonths: MONTHS,
  postMonths: MONTHS,
  residentMedicalInsurance: BOOLS, employeeMedicalInsurance: BOOLS, criticalIllnessInsurance: BOOLS, pensionInsurance: BOOLS,
  dibao: BOOLS, tekun: BOOLS, publicWelfarePost: BOOLS, skillCertificate: BOOLS,
  extra: [U, U, U, U, U, U, U, U, U, 'unknown key'],
};

const HOUSEHOLD: Pools = {
  villageCode: ['411321101200', '411321101200', '411321101200', U, '41132110120', '41132110120a', 5],
  address: [U, '测试村1号', ' 带空格 ', '', 'x'.repeat(200), 'x'.repeat(201), 3],
  phone: [U, '13800001234', '0371-12345678', '03711234567', '12345', ' 13800001234 ', null],
  householdType: required('householdType'),
  alleviationYear: [U, U, 2013, 2016, 2020, 2012, 2021, 2016.5, null],
  monitorCategory: [U, U, U, U, U, U, 'unstable', 'marginal', 'bogus'],
  monitorIdentifiedOn: [U, U, U, U, U, U, '2024-03-05', '2024-02-30'],
  riskTypes: [U, U, [], ['illness'], ['illness', 'schooling'], ['illness', 'illness'], ['bogus'], ['illness', 'schooling', 'disability', 'lack_of_labour', 'accident', 'disaster_flood'], 'illness'],
  riskEliminated: BOOLS,
  eliminationMethod: [U, U, U, U, U, 'assisted', 'bogus'],
  eliminatedOn: [U, U, U, U, U, '2024-05-01'],
  monitorContact: [U, '王五', 'x'.repeat(65)],
  helperName: [U, '赵六', 'x'.repeat(64)],
  relocated: BOOLS, relocationSite: [U, '安置区', 'x'.repeat(101)],
  noLabourGuarantee: BOOLS, dibao: BOOLS, tekun: BOOLS, housingUnsafe: BOOLS, schoolingDropout: BOOLS, waterUnsafe: BOOLS, medicalUninsured: BOOLS,
  extra: [U, U, U, U, U, U, U, U, U, 'unknown key'],
};

const MONEY = [U, U, 0, 1200, 12345.67, -1, 100_000_000, 100_000_001, Infinity, NaN, '100'];
const INCOME: Pools = {
  wageIncome: MONEY, businessIncome: MONEY, propertyIncome: MONEY, transferIncome: MONEY, businessExpense: MONEY, claimIncome: MONEY, outOfPocketExpense: MONEY,
  extra: [U, U, U, U, U, U, U, U, U, 'unknown key'],
};

/** Mostly-valid inputs: each field takes its first "typical" choices more often, so both paths are exercised. */
function sample(pools: Pools, next: () => number, wildness: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, pool] of Object.entries(pools)) {
    const typical = pool.slice(0, 3);
    const from = next() < wildness ? pool : typical;
    const v = from[Math.floor(next() * from.length)];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function checkContract(name: string, pools: Pools, fast: (x: Record<string, unknown>) => unknown, schema: { safeParse: (x: unknown) => { success: boolean; data?: unknown } }) {
  it(`${name}: the fast path equals the schema's output or defers to it`, () => {
    const next = rng(20241122);
    let fastHits = 0;
    let schemaOk = 0;
    for (let i = 0; i < 8000; i++) {
      const input = sample(pools, next, i % 2 ? 0.3 : 0.02);
      const snapshot = JSON.stringify(input);
      const f = fast(input);
      const z = schema.safeParse(input);
      expect(JSON.stringify(input), 'the input is not modified').toBe(snapshot);
      if (z.success) schemaOk++;
      if (f === null) continue;
      fastHits++;
      if (!z.success) throw new Error(`fast path accepted what the schema refuses: ${JSON.stringify(input)}`);
      expect(f).toStrictEqual(z.data);
      expect(Object.keys(f as object)).toEqual(Object.keys(z.data as object));
    }
    // the fast path must actually be taken for ordinary rows, or it is useless
    expect(schemaOk).toBeGreaterThan(400);
    expect(fastHits).toBeGreaterThan(schemaOk * 0.3);
  });
}

describe('registry import fast validation', () => {
  checkContract('person', PERSON, fastPerson, personInput);
  checkContract('household', HOUSEHOLD, fastHousehold, householdInput);
  checkContract('income', INCOME, fastIncome, incomeInput);

  it('takes the fast path for the template\'s ordinary rows', () => {
    expect(fastPerson({ name: '张三', idNumber: '411321198001010011', relation: 'head', labourSkill: 'ordinary', residentMedicalInsurance: true, workLocation: 'in_county', workMonths: 8 })).not.toBeNull();
    expect(fastHousehold({ villageCode: '411321101200', householdType: 'alleviated', alleviationYear: 2016, address: '测试村1号' })).not.toBeNull();
    expect(fastIncome({ wageIncome: 10000, transferIncome: 1200 })).not.toBeNull();
  });

  it('defers to the schema for disabled members and monitored households (their messages come from zod)', () => {
    expect(fastPerson({ name: '张三', idNumber: '1', relation: 'head', labourSkill: 'ordinary', health: 'disabled', disabilityCategory: 4, disabilityGrade: 2 })).toBeNull();
    expect(fastHousehold({ villageCode: '411321101200', householdType: 'ordinary', monitorCategory: 'marginal', monitorIdentifiedOn: '2024-03-05', riskTypes: ['illness'] })).toBeNull();
  });
});
