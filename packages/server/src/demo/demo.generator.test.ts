import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CODE_LISTS,
  ageOn,
  monitoringLineFor,
  netIncome,
  perCapitaNetIncome,
  validateDisabilityCard,
  validateIdCard,
} from '@shouwang/domain';
import { loadCountyAreas } from '../areas/area-source.js';
import { generateDemo, generateDemoBatches, plannedHouseholdsByVillage, type DemoArea, type DemoData, type DemoHousehold } from './demo.generator.js';
import { DEMO_HELPER_HOUSEHOLDS, demoAreas, demoUserLabel, demoUserSpecs, pickHelperHouseholds } from './demo.users.js';
import { Random } from './random.js';

const AS_OF = '2024-12-31';
const LINE = monitoringLineFor(2024)!;
const hashOf = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex');
/** Collects failed checks so that loops over 200,000 rows stay fast; assert once with `expect(p.list).toEqual([])`. */
class Problems {
  readonly list: string[] = [];
  check(ok: boolean, what: string | (() => string)): void {
    if (!ok && this.list.length < 10) this.list.push(typeof what === 'string' ? what : what());
  }
}

const within = (actual: number, target: number, tolerance = 0.1) =>
  expect(Math.abs(actual - target) / target, `${actual} vs ${target}`).toBeLessThanOrEqual(tolerance);

async function areasOf(codes: string[]): Promise<Map<string, DemoArea[]>> {
  const out = new Map<string, DemoArea[]>();
  for (const a of await loadCountyAreas(codes)) {
    if (a.level !== 'county' && a.level !== 'township' && a.level !== 'village') continue;
    const list = out.get(a.countyCode) ?? [];
    list.push({ code: a.code, name: a.name, level: a.level, parent_code: a.parentCode });
    out.set(a.countyCode, list);
  }
  return out;
}

let nanzhao: DemoArea[];
let data: DemoData;
let byHousehold: Map<number, DemoData['persons']>;

beforeAll(async () => {
  nanzhao = (await areasOf(['411321'])).get('411321')!;
  data = generateDemo([{ countyCode: '411321', areas: nanzhao }], { scale: 1, asOf: AS_OF });
  byHousehold = new Map();
  for (const p of data.persons) {
    const list = byHousehold.get(p.householdId) ?? [];
    list.push(p);
    byHousehold.set(p.householdId, list);
  }
}, 60_000);

describe('random', () => {
  it('is deterministic per seed and label', () => {
    const a = new Random(42);
    const b = new Random(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(new Random(42).fork('x').next()).toBe(new Random(42).fork('x').next());
    expect(new Random(42).fork('x').next()).not.toBe(new Random(42).fork('y').next());
  });

  it('samples distinct indexes without replacement and never picks zero weights', () => {
    const picked = new Random(1).sampleIndexes([0, 1, 1, 0, 5, 2], 3);
    expect(new Set(picked).size).toBe(3);
    expect(picked).not.toContain(0);
    expect(picked).not.toContain(3);
  });
});

describe('demo generator', () => {
  it('is deterministic: the same seed gives the same county, another seed a different one', () => {
    const villages = nanzhao.filter((a) => a.level !== 'village' || a.code < '411321103');
    const run = (seed?: number) => generateDemo([{ countyCode: '411321', areas: villages }], { scale: 0.3, asOf: AS_OF, seed });
    const a = run();
    const b = run();
    expect(a.households.length).toBeGreaterThan(500);
    expect(hashOf(a.households.slice(0, 500))).toBe(hashOf(b.households.slice(0, 500)));
    expect(hashOf(a)).toBe(hashOf(b));
    expect(hashOf(run(7).households.slice(0, 500))).not.toBe(hashOf(a.households.slice(0, 500)));
    // the full-size run agrees with a fresh one on its first 500 households
    const again = generateDemo([{ countyCode: '411321', areas: nanzhao }], { scale: 1, asOf: AS_OF });
    expect(hashOf(again.households.slice(0, 500))).toBe(hashOf(data.households.slice(0, 500)));
  }, 60_000);

  it('uses the real 343 villages of 南召 and hits the target counts within 10%', () => {
    expect(nanzhao.filter((a) => a.level === 'village')).toHaveLength(343);
    const h = data.households;
    within(h.length, 60_000);
    within(data.persons.length, 200_000);
    within(h.filter((x) => x.householdType === 'alleviated').length, 7000);
    within(h.filter((x) => x.monitorCategory).length, 951);
    within(h.filter((x) => x.monitorCategory === 'marginal').length, 289);
    within(h.filter((x) => x.monitorCategory === 'unstable').length, 39);
    within(h.filter((x) => x.monitorCategory === 'sudden').length, 623);
    const monitored = h.filter((x) => x.monitorCategory);
    within(monitored.filter((x) => x.riskEliminated).length / monitored.length, 0.55);
    within(data.persons.length / h.length, 3.3, 0.05);
    within(h.filter((x) => x.dibao).length / h.length, 0.04, 0.25);
    within(h.filter((x) => x.relocated).length / h.length, 0.03, 0.25);
    within(h.filter((x) => x.phone).length / h.length, 0.7);
    expect(new Set(h.map((x) => x.villageCode)).size).toBe(343);
  });

  it('keeps 脱贫不稳定户 among 脱贫户 and 边缘易致贫户 among 一般农户', () => {
    const bad = new Problems();
    for (const h of data.households) {
      if (h.monitorCategory === 'unstable') bad.check(h.householdType === 'alleviated', `unstable ${h.householdNo}`);
      if (h.monitorCategory === 'marginal') bad.check(h.householdType === 'ordinary', `marginal ${h.householdNo}`);
      if (h.householdType === 'alleviated') bad.check(h.alleviationYear !== null && h.alleviationYear >= 2014 && h.alleviationYear <= 2020, `year ${h.householdNo}`);
      else bad.check(h.alleviationYear === null, `year ${h.householdNo}`);
    }
    expect(bad.list).toEqual([]);
    const sudden = data.households.filter((h) => h.monitorCategory === 'sudden');
    expect(sudden.some((h) => h.householdType === 'alleviated')).toBe(true);
    expect(sudden.some((h) => h.householdType === 'ordinary')).toBe(true);
  });

  it('gives monitored households risks, dates, a contact and a consistent elimination', () => {
    const bad = new Problems();
    const riskCodes = new Set<string>(CODE_LISTS.riskType.map((r) => r.code));
    const methods = { assisted: 0, natural: 0 };
    for (const h of data.households) {
      const why = (rule: string) => () => `${rule}: ${JSON.stringify(h)}`;
      if (!h.monitorCategory) {
        bad.check(h.riskTypes.length === 0 && !h.riskEliminated && h.eliminationMethod === null && h.monitorIdentifiedOn === null && h.monitorContact === null, why('not monitored'));
        continue;
      }
      bad.check(h.riskTypes.length >= 1 && h.riskTypes.length <= 3 && new Set(h.riskTypes).size === h.riskTypes.length && h.riskTypes.every((r) => riskCodes.has(r)), why('risk types'));
      bad.check(h.monitorIdentifiedOn! >= '2021-06-01' && h.monitorIdentifiedOn! <= '2024-10-31', why('identified on'));
      bad.check(!!h.monitorContact && !!h.helperName, why('contact and helper'));
      if (h.riskEliminated) {
        bad.check(h.eliminationMethod !== null && h.eliminatedOn! > h.monitorIdentifiedOn! && h.eliminatedOn! <= AS_OF, why('elimination'));
        if (h.eliminationMethod) methods[h.eliminationMethod]++;
      } else {
        bad.check(h.eliminationMethod === null && h.eliminatedOn === null, why('not eliminated'));
      }
    }
    expect(bad.list).toEqual([]);
    within(methods.assisted / (methods.assisted + methods.natural), 0.8);
  });

  it('writes valid, unique ID numbers whose sex and birth date match the person', () => {
    const bad = new Problems();
    const keys = new Set<string>();
    let otherPrefix = 0;
    for (const p of data.persons) {
      const r = validateIdCard(p.identityKey, { today: AS_OF });
      bad.check(r.ok, `invalid ${p.identityKey}`);
      if (!r.ok) continue;
      bad.check(r.value.sex === p.sex, `sex ${p.identityKey}`);
      bad.check(r.value.birthDate === p.birthDate, `birth date ${p.identityKey}`);
      if (r.value.areaPrefix !== '411321') otherPrefix++;
      keys.add(p.identityKey);
      if (p.idType === 'disability_card') {
        const d = validateDisabilityCard(p.idNumber, { today: AS_OF });
        bad.check(d.ok && d.value.id === p.identityKey && d.value.disabilityCategory === p.disabilityCategory
          && d.value.disabilityGrade === p.disabilityGrade && p.health === 'disabled', `disability card ${p.idNumber}`);
      } else {
        bad.check(p.idType === 'resident_id' && p.idNumber === p.identityKey, `id number ${p.idNumber}`);
      }
    }
    expect(bad.list).toEqual([]);
    expect(keys.size).toBe(data.persons.length);
    within(otherPrefix / data.persons.length, 0.03, 0.35);
    within(data.persons.filter((p) => p.idType === 'disability_card').length / data.persons.length, 0.01, 0.35);
  }, 30_000);

  it('streams the same data in batches of whole villages, following the planned village sizes', () => {
    const county = { countyCode: '411321', areas: nanzhao };
    const batches = [...generateDemoBatches([county], { asOf: AS_OF }, 10_000)];
    expect(batches.length).toBeGreaterThan(3);
    const villagesSeen = new Set<string>();
    for (const b of batches) {
      const mine = new Set(b.households.map((h) => h.villageCode));
      for (const v of mine) expect(villagesSeen.has(v)).toBe(false);
      for (const v of mine) villagesSeen.add(v);
    }
    expect(hashOf(batches.flatMap((b) => b.households))).toBe(hashOf(data.households));
    expect(batches.reduce((n, b) => n + b.persons.length, 0)).toBe(data.persons.length);
    const perVillage = new Map<string, number>();
    for (const h of data.households) perVillage.set(h.villageCode, (perVillage.get(h.villageCode) ?? 0) + 1);
    expect([...plannedHouseholdsByVillage(county, { asOf: AS_OF })]).toEqual([...perVillage]);
  }, 30_000);

  it('keeps identity keys unique across several counties', async () => {
    const areas = await areasOf(['411321', '411323']);
    const d = generateDemo([...areas].map(([countyCode, a]) => ({ countyCode, areas: a })), { scale: 0.3, asOf: AS_OF });
    expect(new Set(d.persons.map((p) => p.identityKey)).size).toBe(d.persons.length);
    expect(new Set(d.households.map((h) => h.householdNo)).size).toBe(d.households.length);
    expect(new Set(d.households.map((h) => h.id)).size).toBe(d.households.length);
    expect(d.households.some((h) => h.villageCode.startsWith('411323'))).toBe(true);
  });

  it('has exactly one head per household and member_count equal to its persons', () => {
    const bad = new Problems();
    const seqByVillage = new Map<string, number>();
    for (const h of data.households) {
      const members = byHousehold.get(h.id) ?? [];
      bad.check(h.memberCount === members.length && members.length >= 1 && members.length <= 8, `member_count ${h.householdNo}`);
      bad.check(members.filter((p) => p.relation === 'head').length === 1, `heads ${h.householdNo}`);
      const seq = (seqByVillage.get(h.villageCode) ?? 0) + 1;
      seqByVillage.set(h.villageCode, seq);
      bad.check(h.householdNo === h.villageCode + String(seq).padStart(4, '0'), `household_no ${h.householdNo}`);
      bad.check(!h.phone || /^1[3-9]\d{9}$/.test(h.phone), `phone ${h.phone}`);
      bad.check(h.address.startsWith('南召县'), `address ${h.address}`);
    }
    expect(bad.list).toEqual([]);
  }, 30_000);

  it('gives relatives ages that fit their relation to the head', () => {
    const bad = new Problems();
    for (const members of byHousehold.values()) {
      const head = members.find((p) => p.relation === 'head')!;
      const headAge = ageOn(head.birthDate, AS_OF);
      bad.check(headAge >= 18, `head age ${head.identityKey}`);
      for (const p of members) {
        const age = ageOn(p.birthDate, AS_OF);
        const why = () => `${p.relation} ${age} of head ${headAge} (${p.identityKey})`;
        if (p.relation === 'son' || p.relation === 'daughter') bad.check(headAge - age >= 16, why);
        if (p.relation === 'grandson' || p.relation === 'granddaughter') bad.check(headAge - age >= 36, why);
        if (p.relation === 'father' || p.relation === 'mother') bad.check(age - headAge >= 16, why);
        if (p.relation === 'spouse') bad.check(age >= 18 && p.sex !== head.sex, why);
      }
    }
    expect(bad.list).toEqual([]);
  }, 30_000);

  it('obeys the person CHECK constraints and keeps school, labour and work consistent', () => {
    const bad = new Problems();
    const healthCodes = new Set<string>(CODE_LISTS.health.map((c) => c.code));
    const schoolCodes = new Set<string>(CODE_LISTS.schoolStatus.map((c) => c.code));
    const dropoutHouseholds = new Set(data.households.filter((h) => h.schoolingDropout).map((h) => h.id));
    for (const p of data.persons) {
      const why = (rule: string) => () => `${rule}: ${JSON.stringify(p)}`;
      bad.check(healthCodes.has(p.health) && schoolCodes.has(p.schoolStatus), why('codes'));
      bad.check((p.health === 'disabled') === (p.disabilityCategory !== null) && (p.health === 'disabled') === (p.disabilityGrade !== null), why('disability'));
      bad.check(p.workMonths >= 0 && p.workMonths <= 12 && (p.workLocation === 'none') === (p.workMonths === 0), why('work'));
      bad.check(p.publicWelfarePost === p.postMonths > 0 && (!p.publicWelfarePost || p.postMonths >= 6), why('post'));
      const age = ageOn(p.birthDate, AS_OF);
      if (age >= 6 && age <= 16 && !dropoutHouseholds.has(p.householdId)) bad.check(p.schoolStatus !== 'none', why('school age'));
      if (age < 16) bad.check(p.labourSkill === 'none', why('child labour'));
      if (age >= 18 && age <= 59 && p.health === 'healthy' && p.schoolStatus === 'none') bad.check(p.labourSkill !== 'none', why('healthy adult without labour'));
      if (p.tekun) bad.check(p.health !== 'healthy' || age >= 60, why('tekun'));
    }
    expect(bad.list).toEqual([]);
    within(data.persons.filter((p) => p.residentMedicalInsurance).length / data.persons.length, 0.99, 0.01);
    within(data.persons.filter((p) => p.health === 'chronic').length / data.persons.length, 0.08, 0.25);
  }, 30_000);

  it('keeps household flags consistent with the members', () => {
    const bad = new Problems();
    for (const h of data.households) {
      const members = byHousehold.get(h.id)!;
      const why = (rule: string) => () => `${rule}: ${h.householdNo}`;
      bad.check(members.some((p) => p.dibao) === h.dibao && members.some((p) => p.tekun) === h.tekun && !(h.dibao && h.tekun), why('dibao/tekun'));
      bad.check(h.relocated === (h.relocationSite !== null), why('relocation'));
      const problem = h.housingUnsafe || h.waterUnsafe || h.schoolingDropout || h.medicalUninsured;
      if (problem) bad.check(h.monitorCategory !== null && !h.riskEliminated, why('三保障 outside unresolved monitoring'));
      bad.check(members.some((p) => p.schoolStatus === 'dropout') === h.schoolingDropout, why('dropout'));
      bad.check(members.some((p) => !p.residentMedicalInsurance && !p.employeeMedicalInsurance) === h.medicalUninsured, why('uninsured'));
      if (h.noLabourGuarantee) bad.check(members.every((p) => p.labourSkill === 'none' || p.labourSkill === 'lost'), why('no labour'));
      if (h.riskTypes.includes('illness')) bad.check(members.some((p) => p.health === 'chronic' || p.health === 'serious_illness'), why('illness'));
      if (h.riskTypes.includes('disability')) bad.check(members.some((p) => p.health === 'disabled'), why('disability'));
      if (h.riskTypes.includes('unstable_employment')) bad.check(members.some((p) => p.workLocation !== 'none'), why('employment'));
    }
    expect(bad.list).toEqual([]);
  }, 30_000);

  it('computes incomes with the domain rules and a distribution per category', () => {
    const bad = new Problems();
    const latest = new Map<number, DemoData['incomes'][number]>();
    const years = new Map<number, number[]>();
    for (const x of data.incomes) {
      const why = (rule: string) => () => `${rule}: ${JSON.stringify(x)}`;
      bad.check(x.perCapitaNetIncome === perCapitaNetIncome(x, x.memberCount) && x.netIncome === netIncome(x), why('per capita'));
      bad.check(x.wageIncome === 0 || x.wageIncome >= 100, why('wage between 0 and 100'));
      bad.check([x.wageIncome, x.businessIncome, x.propertyIncome, x.transferIncome, x.businessExpense, x.claimIncome, x.outOfPocketExpense].every((v) => v >= 0), why('negative'));
      if (x.year === 2024) latest.set(x.householdId, x);
      years.set(x.householdId, [...(years.get(x.householdId) ?? []), x.year]);
    }
    const median = (hs: DemoHousehold[]) => {
      const s = hs.map((h) => h.perCapitaNetIncome).sort((a, b) => a - b);
      return s[Math.floor(s.length / 2)]!;
    };
    for (const h of data.households) {
      const x = latest.get(h.id)!;
      const why = (rule: string) => () => `${rule}: ${h.householdNo} ${h.perCapitaNetIncome}`;
      bad.check(h.incomeYear === 2024 && h.perCapitaNetIncome === x.perCapitaNetIncome && x.memberCount === h.memberCount, why('latest'));
      const expected = h.householdType === 'alleviated' || h.monitorCategory ? '2023,2024' : '2024';
      bad.check(years.get(h.id)!.slice().sort().join(',') === expected, why('years'));
      if (h.riskEliminated || !h.monitorCategory) bad.check(h.perCapitaNetIncome > LINE, why('above the line'));
    }
    expect(bad.list).toEqual([]);
    const ordinary = data.households.filter((h) => !h.monitorCategory && h.householdType === 'ordinary');
    const alleviated = data.households.filter((h) => !h.monitorCategory && h.householdType === 'alleviated');
    const stuck = data.households.filter((h) => (h.monitorCategory === 'marginal' || h.monitorCategory === 'unstable') && !h.riskEliminated);
    const inBand = (hs: DemoHousehold[], lo: number, hi: number) => hs.filter((h) => h.perCapitaNetIncome >= lo && h.perCapitaNetIncome <= hi).length / hs.length;
    expect(inBand(ordinary, 12_000, 30_000)).toBeGreaterThan(0.75);
    expect(inBand(alleviated, 9_000, 18_000)).toBeGreaterThan(0.75);
    expect(median(stuck)).toBeLessThanOrEqual(LINE);
    expect(stuck.filter((h) => h.perCapitaNetIncome > LINE).length / stuck.length).toBeLessThan(0.05);
    const illness = data.households.filter((h) => h.riskTypes.includes('illness'));
    const oop = (hs: DemoHousehold[]) => hs.reduce((s, h) => s + latest.get(h.id)!.outOfPocketExpense / h.memberCount, 0) / hs.length;
    expect(oop(illness)).toBeGreaterThan(2 * oop(ordinary));
  }, 30_000);
});

describe('demo users', () => {
  it('puts the cadres in 留山镇 and one of its villages, and gives the helper households there', () => {
    const { township, village } = demoAreas(nanzhao, '411321', plannedHouseholdsByVillage({ countyCode: '411321', areas: nanzhao }, { asOf: AS_OF }).keys());
    expect(township.code).toBe('411321101');
    expect(township.name).toBe('留山镇');
    expect(village.parent_code).toBe('411321101');
    const specs = demoUserSpecs('411321', township, village);
    expect(specs.map((s) => s.username)).toEqual(['admin', 'county', 'leader', 'township', 'village', 'dept', 'helper', 'inspector']);
    expect(specs.find((s) => s.username === 'village')!.areaCode).toBe(village.code);
    expect(specs.find((s) => s.username === 'dept')!.departmentCode).toBe('medical_insurance');
    const mine = pickHelperHouseholds(data.households, village.code);
    expect(mine).toHaveLength(DEMO_HELPER_HOUSEHOLDS);
    expect(mine.every((h) => h.villageCode === village.code)).toBe(true);
    expect(demoUserLabel({ username: 'village', role: 'village_cadre', areaLevel: 'village', areaName: village.name, parentName: township.name, departmentName: null }))
      .toMatch(/^村干部 · 留山镇 \S+村$/);
    expect(village.name).toMatch(/村$/);
  });
});
