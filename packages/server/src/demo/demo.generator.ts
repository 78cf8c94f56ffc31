/**
 * Demo county generator: households (户), persons (人) and incomes (收支) for the villages of one or more
 * counties, from a fixed seed. Pure — no I/O, no clock: the reference date (`asOf`) is passed in.
 *
 * Targets at scale 1 for 南召县 (343 villages): ≈ 60,000 households / ≈ 200,000 persons, ≈ 7,000 脱贫户,
 * ≈ 950 监测户 (边缘易致贫 289 : 脱贫不稳定 39 : 突发严重困难 623), ≈ 55 % of them with risk eliminated.
 * Categories are drawn as exact counts (weighted sampling without replacement), so the totals are stable;
 * everything else follows from household composition (ages, health, labour, work) so that the records are
 * consistent with each other and with the data-quality rules of domain.md §7.
 */
import {
  ageOn,
  makeIdCard,
  monitoringLineFor,
  netIncome,
  perCapitaNetIncome,
  type CodeOf,
  type IncomeFigures,
} from '@shouwang/domain';
import { Random, hashString, weightTable } from './random.js';
import { generationChar, givenName, surname as randomSurname, fullName } from './names.js';

// ── public shapes ────────────────────────────────────────────────────────────

/** An area row as the `area` table holds it. */
export interface DemoArea {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

export interface DemoCountyInput {
  countyCode: string;
  /** The county's areas: its own row, its townships and villages (other levels are ignored). */
  areas: readonly DemoArea[];
}

export interface DemoOptions {
  seed?: number;
  /** Multiplies the number of households (1 = a real-sized county). */
  scale?: number;
  /** Reference date (YYYY-MM-DD) for ages and school grades; birth dates never pass it. */
  asOf?: string;
  /** Latest income year (incomes are written for it, and for the year before for 脱贫户/监测户). */
  incomeYear?: number;
  firstHouseholdId?: number;
  firstPersonId?: number;
}

export type HouseholdType = CodeOf<'householdType'>;
export type MonitorCategory = CodeOf<'monitorCategory'>;
export type RiskType = CodeOf<'riskType'>;
type Sex = 'male' | 'female';
type Relation = CodeOf<'relation'>;

export interface DemoHousehold {
  id: number;
  householdNo: string;
  villageCode: string;
  address: string;
  phone: string | null;
  householdType: HouseholdType;
  alleviationYear: number | null;
  monitorCategory: MonitorCategory | null;
  monitorIdentifiedOn: string | null;
  riskTypes: RiskType[];
  riskEliminated: boolean;
  eliminationMethod: CodeOf<'eliminationMethod'> | null;
  eliminatedOn: string | null;
  monitorContact: string | null;
  helperName: string | null;
  helperUserId: number | null;
  relocated: boolean;
  relocationSite: string | null;
  noLabourGuarantee: boolean;
  dibao: boolean;
  tekun: boolean;
  housingUnsafe: boolean;
  schoolingDropout: boolean;
  waterUnsafe: boolean;
  medicalUninsured: boolean;
  memberCount: number;
  incomeYear: number;
  perCapitaNetIncome: number;
}

export interface DemoPerson {
  id: number;
  householdId: number;
  name: string;
  sex: Sex;
  idType: CodeOf<'idType'>;
  idNumber: string;
  identityKey: string;
  birthDate: string;
  relation: Relation;
  ethnicity: CodeOf<'ethnicity'>;
  politicalStatus: CodeOf<'politicalStatus'>;
  education: CodeOf<'education'> | null;
  schoolStatus: string;
  health: CodeOf<'health'>;
  disabilityCategory: number | null;
  disabilityGrade: number | null;
  labourSkill: CodeOf<'labourSkill'>;
  workLocation: CodeOf<'workLocation'>;
  workMonths: number;
  residentMedicalInsurance: boolean;
  employeeMedicalInsurance: boolean;
  criticalIllnessInsurance: boolean;
  pensionInsurance: boolean;
  dibao: boolean;
  tekun: boolean;
  publicWelfarePost: boolean;
  postMonths: number;
  skillCertificate: boolean;
}

export interface DemoIncome extends IncomeFigures {
  householdId: number;
  year: number;
  claimIncome: number;
  outOfPocketExpense: number;
  memberCount: number;
  netIncome: number;
  perCapitaNetIncome: number;
}

export interface DemoData {
  households: DemoHousehold[];
  persons: DemoPerson[];
  incomes: DemoIncome[];
}

export const DEMO_SEED = 20241231;
export const DEMO_AS_OF = '2024-12-31';

/** Shares per household at scale 1 (南召: 60,000 households). */
export const DEMO_TARGETS = {
  householdsPerVillage: 175,
  alleviated: 7000 / 60000,
  unstable: 39 / 60000,
  marginal: 289 / 60000,
  sudden: 623 / 60000,
  eliminated: 0.55,
} as const;

// ── dates ────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;
const dayOf = (ymd: string) => Math.floor(Date.parse(`${ymd}T00:00:00Z`) / DAY_MS);
/** Day number (days since 1970-01-01) → 'YYYY-MM-DD' (civil-from-days, without a Date per call). */
function ymdOf(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

// ── identity numbers: unique across everything one allocator has handed out ─

/**
 * Hands out 18-digit ID numbers that are unique per allocator: the 3-digit sequence for each
 * (prefix, birth date, sex) walks a fixed permutation of 1…499 (odd = male), and a full day moves the birth
 * date one day earlier.
 */
export class IdentityAllocator {
  private readonly used = new Map<string, number>();

  allocate(prefix: string, birthDay: number, sex: Sex): { id: string; birthDay: number } {
    for (let day = birthDay; ; day--) {
      const iso = ymdOf(day);
      const ymd = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10);
      const key = prefix + ymd + (sex === 'male' ? 'm' : 'f');
      const n = this.used.get(key) ?? 0;
      if (n >= 499) continue;
      this.used.set(key, n + 1);
      const k = 1 + ((n * 37 + (hashString(key) % 499)) % 499); // 1…499, a permutation over n
      const seq = sex === 'male' ? 2 * k - 1 : 2 * k;
      return { id: makeIdCard(prefix, ymd, seq), birthDay: day };
    }
  }
}

// ── small helpers ────────────────────────────────────────────────────────────

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round10 = (v: number) => Math.round(v / 10) * 10;

/** "大沟村民委员会" → "大沟村", "北外社区居民委员会" → "北外社区", "建设居民委员会" → "建设社区". */
export function shortVillageName(name: string): string {
  if (name.endsWith('村民委员会')) return name.slice(0, -5) + '村';
  if (name.endsWith('居民委员会')) {
    const s = name.slice(0, -5);
    return s.endsWith('社区') ? s : s + '社区';
  }
  if (name.endsWith('委员会')) return name.slice(0, -3);
  return name;
}

const isCommunity = (name: string) => name.endsWith('居民委员会') || name.includes('社区');

/** Other Henan county prefixes for spouses who married in (南阳 neighbours, 鲁山, 叶县, 嵩县). */
const MARRIED_IN_PREFIXES = ['411302', '411303', '411322', '411323', '411324', '411325', '411326', '411327', '411328', '411330', '411381', '410423', '410422', '410325'];

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '166', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '199'];

export function mobileNumber(rng: Random): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

const SIZE_TABLE = weightTable([[1, 14], [2, 23], [3, 20], [4, 20], [5, 13], [6, 6.5], [7, 2.5], [8, 1]] as const);
const ALLEVIATION_YEARS: readonly (readonly [number, number])[] = [[2014, 8], [2015, 10], [2016, 18], [2017, 20], [2018, 22], [2019, 17], [2020, 5]];

// ── family skeleton ──────────────────────────────────────────────────────────

interface Skeleton {
  relation: Relation;
  sex: Sex;
  age: number;
  surname: string;
  marriedIn: boolean;
}

const other = (s: Sex): Sex => (s === 'male' ? 'female' : 'male');

/** Who lives in the household: relations, sexes, ages and surnames that fit together. */
function familySkeleton(rng: Random, size: number): Skeleton[] {
  const family = randomSurname(rng); // the paternal line's surname
  const out: Skeleton[] = [];
  const add = (relation: Relation, sex: Sex, age: number, surname: string, marriedIn = false) =>
    out.push({ relation, sex, age: clamp(Math.round(age), 0, 98), surname, marriedIn });
  const childRel = (sex: Sex): Relation => (sex === 'male' ? 'son' : 'daughter');
  const grandRel = (sex: Sex): Relation => (sex === 'male' ? 'grandson' : 'granddaughter');
  const randomSex = (pMale = 0.52): Sex => (rng.chance(pMale) ? 'male' : 'female');

  /** Head and (maybe) spouse; returns the head's age and sex. */
  const couple = (headAge: number, pHeadMale: number, pSpouse: number): { H: number; headSex: Sex } => {
    const headSex = randomSex(pHeadMale);
    const married = pSpouse > 0 && rng.chance(pSpouse);
    // A woman heading the household (married or widowed) keeps her own surname; husband and children carry the family's.
    add('head', headSex, headAge, headSex === 'female' ? randomSurname(rng) : family, headSex === 'female');
    if (married) {
      const spouseAge = headSex === 'male' ? headAge - rng.int(-2, 5) : headAge + rng.int(-2, 5);
      add('spouse', other(headSex), Math.max(18, spouseAge), headSex === 'male' ? randomSurname(rng) : family, headSex === 'male');
    }
    return { H: headAge, headSex };
  };

  const fillChildrenOfHead = (H: number, count: number) => {
    let a = H - rng.int(21, 30);
    if (a < 0) a = rng.int(0, 2);
    let added = 0;
    while (added < count && a >= 0) {
      const cs = randomSex();
      add(childRel(cs), cs, a, family);
      added++;
      a -= rng.int(1, 6);
    }
    return added;
  };

  if (size === 1) {
    const old = rng.chance(0.75);
    add('head', randomSex(old ? 0.55 : 0.8), old ? rng.int(60, 88) : rng.int(32, 59), family);
    return out;
  }

  const kind = size === 2
    ? rng.weighted([['old', 60], ['parentChild', 22], ['young', 18]] as const)
    : size <= 4
      ? rng.weighted([['old', 28], ['mid', 72]] as const)
      : rng.weighted([['old', 50], ['mid', 50]] as const);

  if (kind === 'young') {
    couple(rng.int(22, 34), 0.9, 1);
  } else if (kind === 'parentChild') {
    const H = rng.int(45, 82);
    const headSex = randomSex(0.45);
    // a widowed mother keeps her own surname; the child carries the family's
    add('head', headSex, H, headSex === 'female' ? randomSurname(rng) : family, headSex === 'female');
    const c = randomSex(0.6);
    add(childRel(c), c, Math.max(0, H - rng.int(22, 34)), family);
  } else if (kind === 'old') {
    const { H } = couple(Math.round(rng.normalIn(66, 7, 55, 86)), 0.88, size === 2 ? 1 : 0.8);
    let r = size - out.length;
    if (r > 0) {
      const S = Math.max(20, H - rng.int(23, 32));
      const sonSex: Sex = rng.chance(0.85) ? 'male' : 'female';
      if (r >= 2 && S >= 22) {
        add(childRel(sonSex), sonSex, S, family);
        // a daughter who stays brings a son-in-law (上门女婿)
        add(sonSex === 'male' ? 'daughter_in_law' : 'son_in_law', other(sonSex), S - (sonSex === 'male' ? rng.int(-2, 4) : -rng.int(-2, 4)), randomSurname(rng), true);
        r -= 2;
        let g = S - rng.int(21, 30);
        if (g < 0) g = rng.int(0, 2);
        const childSurname = family;
        while (r > 0 && g >= 0) {
          const gs = randomSex();
          add(grandRel(gs), gs, g, childSurname);
          r--;
          g -= rng.int(1, 6);
        }
      } else {
        add(childRel(sonSex), sonSex, S, family);
        r--;
      }
      // further unmarried children of the head, then grandchildren of any age that fits
      while (r > 0) {
        if (rng.chance(0.5)) {
          const cs = randomSex();
          add(childRel(cs), cs, Math.max(16, S - rng.int(1, 8)), family);
        } else {
          const gs = randomSex();
          add(grandRel(gs), gs, rng.int(0, Math.max(0, S - 20)), family);
        }
        r--;
      }
    }
  } else {
    // mid: head 25-58 with spouse, children, perhaps parents
    const { H } = couple(Math.round(rng.normalIn(42, 8, 25, 58)), 0.93, 0.93);
    let r = size - out.length;
    const wanted = rng.weighted([[1, 30], [2, 45], [3, 18], [4, 7]] as const);
    r -= fillChildrenOfHead(H, Math.min(r, wanted));
    if (r > 0) {
      // parents of the head
      const fatherAge = H + rng.int(22, 32);
      const motherAge = fatherAge - rng.int(0, 4);
      const parentSurname = out[0]!.surname;
      const both = r >= 2 && rng.chance(0.55);
      if (both) {
        if (fatherAge <= 95) { add('father', 'male', fatherAge, parentSurname); r--; }
        if (motherAge <= 96) { add('mother', 'female', motherAge, randomSurname(rng), true); r--; }
      } else if (rng.chance(0.6) && motherAge <= 96) {
        add('mother', 'female', motherAge, randomSurname(rng), true); r--;
      } else if (fatherAge <= 95) {
        add('father', 'male', fatherAge, parentSurname); r--;
      }
    }
    while (r > 0) {
      if (rng.chance(0.15)) {
        const ss = randomSex(0.7);
        add('sibling', ss, clamp(H + rng.int(-8, 8), 18, 90), out[0]!.surname);
      } else {
        const cs = randomSex();
        add(childRel(cs), cs, rng.int(0, Math.max(0, H - 20)), family);
      }
      r--;
    }
  }
  return out;
}

// ── education and school ─────────────────────────────────────────────────────

type Education = CodeOf<'education'>;

function adultEducation(rng: Random, birthYear: number, sex: Sex, age: number): Education {
  const f = sex === 'female' && birthYear < 1975 ? 2 : 1;
  if (age <= 20) return rng.weighted([['junior', 45], ['senior', 30], ['vocational', 25]] as const);
  if (age <= 22) return rng.weighted([['junior', 40], ['senior', 24], ['vocational', 20], ['college', 16]] as const);
  if (birthYear >= 1995) return rng.weighted([['junior', 40], ['senior', 22], ['vocational', 18], ['college', 12], ['bachelor', 8]] as const);
  if (birthYear >= 1980) return rng.weighted([['primary', 8], ['junior', 58], ['senior', 17], ['vocational', 8], ['college', 6], ['bachelor', 3]] as const);
  if (birthYear >= 1965) return rng.weighted([['illiterate', 3 * f], ['primary', 25], ['junior', 55], ['senior', 14], ['vocational', 2], ['college', 1]] as const);
  if (birthYear >= 1950) return rng.weighted([['illiterate', 15 * f], ['primary', 45], ['junior', 30], ['senior', 9], ['college', 1]] as const);
  return rng.weighted([['illiterate', 45 * f], ['primary', 40], ['junior', 12], ['senior', 3]] as const);
}

const IN_SCHOOL_ABOVE_COMPULSORY = /^(senior|secvoc|highvoc|tech|undergrad|postgrad)/;

/** School status (for the school year running on `asOf`) and 文化程度. */
function schooling(rng: Random, birthDate: string, asOf: string, sex: Sex): { school: string; education: Education } {
  const by = Number(birthDate.slice(0, 4));
  const schoolYear = Number(asOf.slice(5, 7)) >= 9 ? Number(asOf.slice(0, 4)) : Number(asOf.slice(0, 4)) - 1;
  const a = schoolYear - by - (birthDate.slice(5) > '08-31' ? 1 : 0); // age on 1 September
  if (a < 3) return { school: 'none', education: 'preschool_age' };
  // the year before primary school everyone is in 学前; younger children mostly
  if (a <= 5) return { school: a === 5 || rng.chance(0.85) ? 'preschool' : 'none', education: 'preschool_age' };
  if (a <= 14) return { school: `grade${a - 5}`, education: a - 5 <= 6 ? 'primary' : 'junior' };
  if (a <= 17) {
    const year = a - 14;
    // leaving after 初中 only from 17 on, so nobody of 6-16 is out of school (a data-quality rule)
    if (year === 3 && rng.chance(0.1)) return { school: 'none', education: 'junior' };
    return rng.chance(0.74) ? { school: `senior${year}`, education: 'senior' } : { school: `secvoc${year}`, education: 'vocational' };
  }
  if (a <= 22) {
    const year = a - 17; // 1…5
    const p = year <= 3 ? 0.42 : year === 4 ? 0.2 : 0.03;
    if (rng.chance(p)) {
      const kind = year >= 4 ? (year === 4 && rng.chance(0.2) ? 'tech' : 'undergrad') : rng.weighted([['undergrad', 45], ['highvoc', 45], ['tech', 10]] as const);
      const edu: Education = kind === 'undergrad' ? 'bachelor' : kind === 'highvoc' ? 'college' : 'vocational';
      return { school: `${kind}${year}`, education: edu };
    }
  }
  if (a >= 23 && a <= 26 && rng.chance(0.01)) return { school: 'postgrad', education: 'bachelor' };
  return { school: 'none', education: adultEducation(rng, by, sex, a) };
}

// ── health ───────────────────────────────────────────────────────────────────

const DISABILITY_CATEGORIES: readonly (readonly [number, number])[] = [[4, 45], [1, 12], [2, 10], [3, 3], [5, 12], [6, 12], [7, 6]];
const DISABILITY_GRADES: readonly (readonly [number, number])[] = [[1, 12], [2, 25], [3, 30], [4, 33]];

function baseHealth(rng: Random, age: number, mult: number): CodeOf<'health'> {
  const m = age >= 18 ? mult : 1;
  const [c, s, d] = age < 18 ? [0.01, 0.003, 0.01] : age < 45 ? [0.04, 0.01, 0.025] : age < 60 ? [0.1, 0.025, 0.045] : [0.2, 0.04, 0.07];
  const r = rng.next();
  if (r < d * m) return 'disabled';
  if (r < (d + s) * m) return 'serious_illness';
  if (r < (d + s + c) * m) return 'chronic';
  return 'healthy';
}

// ── risk types ───────────────────────────────────────────────────────────────

function chooseRisks(rng: Random, category: MonitorCategory, f: { students: number; workingAge: number }): RiskType[] {
  const weights: [RiskType, number][] = [
    ['illness', 36],
    ['disability', 14],
    ['accident', category === 'sudden' ? 16 : 6],
    ['schooling', f.students > 0 ? 10 : 0],
    ['unstable_employment', f.workingAge > 0 ? 10 : 0],
    ['lack_of_labour', f.workingAge <= 1 ? (category === 'sudden' ? 8 : 16) : 0],
    ['disaster_flood', 2],
    ['disaster_geological', 1],
    ['disaster_weather', 1],
    ['disaster_biological', 0.5],
    ['industry_failure', 2],
    ['other', 1],
  ];
  const n = rng.weighted([[1, 50], [2, 35], [3, 15]] as const);
  const out: RiskType[] = [];
  for (let i = 0; i < n; i++) {
    const avail = weights.filter(([code, w]) => w > 0 && !out.includes(code));
    if (!avail.length) break;
    out.push(rng.weighted(avail));
  }
  return out;
}

// ── per-county plan ──────────────────────────────────────────────────────────

interface Plan {
  village: number;
  seq: number;
  type: HouseholdType;
  category: MonitorCategory | null;
  identifiedDay: number | null;
  eliminated: boolean;
  eliminatedDay: number | null;
}

interface VillageInfo {
  code: string;
  name: string;
  township: string;
  townshipCode: string;
  groups: number;
  contacts: string[];
}

function planCounty(rng: Random, villages: readonly DemoArea[], scale: number, asOf: string): Plan[] {
  const n = villages.length;
  if (!n) return [];
  const total = Math.max(1, Math.round(DEMO_TARGETS.householdsPerVillage * n * scale));

  // households per village: log-normal weights, communities smaller; largest-remainder allocation
  const sizeRng = rng.fork('village-size');
  const weights = villages.map((v) => sizeRng.logNormal(1, 0.35) * (isCommunity(v.name) ? 0.5 : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    counts[i]!++;
    left--;
  }

  // poverty: townships differ (mountains), villages differ within them
  const povRng = rng.fork('poverty');
  const townshipFactor = new Map<string, number>();
  const poverty = villages.map((v) => {
    const t = v.parent_code ?? '';
    if (!townshipFactor.has(t)) townshipFactor.set(t, povRng.logNormal(1, 0.45));
    return townshipFactor.get(t)! * povRng.logNormal(1, 0.5) * (isCommunity(v.name) ? 0.3 : 1);
  });

  const plans: Plan[] = [];
  villages.forEach((_, vi) => {
    for (let s = 1; s <= counts[vi]!; s++) plans.push({ village: vi, seq: s, type: 'ordinary', category: null, identifiedDay: null, eliminated: false, eliminatedDay: null });
  });
  const N = plans.length;
  const pov = plans.map((p) => poverty[p.village]!);
  const pick = rng.fork('categories');

  for (const i of pick.sampleIndexes(pov, Math.round(N * DEMO_TARGETS.alleviated))) plans[i]!.type = 'alleviated';
  const assign = (category: MonitorCategory, k: number, weight: (p: Plan, i: number) => number) => {
    for (const i of pick.sampleIndexes(plans.map(weight), k)) plans[i]!.category = category;
  };
  assign('unstable', Math.round(N * DEMO_TARGETS.unstable), (p, i) => (p.type === 'alleviated' && !p.category ? pov[i]! : 0));
  assign('marginal', Math.round(N * DEMO_TARGETS.marginal), (p, i) => (p.type === 'ordinary' && !p.category ? pov[i]! : 0));
  assign('sudden', Math.round(N * DEMO_TARGETS.sudden), (p, i) => (p.category ? 0 : Math.sqrt(pov[i]!) * (p.type === 'alleviated' ? 2 : 1)));

  // identification 2021-06 … 2024-10; elimination at least 4 months later, by the end of 2024
  const asOfDay = dayOf(asOf);
  const idFrom = dayOf('2021-06-01');
  const idTo = Math.max(idFrom, Math.min(dayOf('2024-10-31'), asOfDay));
  const elimEnd = Math.min(dayOf('2024-12-31'), asOfDay);
  const dates = rng.fork('dates');
  const monitored = plans.filter((p) => p.category);
  for (const p of monitored) p.identifiedDay = dates.int(idFrom, idTo);
  const room = monitored.map((p) => Math.max(0, elimEnd - p.identifiedDay! - 120));
  for (const i of dates.sampleIndexes(room, Math.round(monitored.length * DEMO_TARGETS.eliminated))) {
    const p = monitored[i]!;
    p.eliminated = true;
    p.eliminatedDay = p.identifiedDay! + 120 + dates.int(0, Math.min(600, room[i]!));
  }
  return plans;
}

// ── household generation ─────────────────────────────────────────────────────

interface CountyContext {
  countyCode: string;
  countyName: string;
  asOf: string;
  asOfDay: number;
  incomeYear: number;
  line: number;
  ids: IdentityAllocator;
  marriedInPrefixes: string[];
  helperPools: Map<string, string[]>;
  rng: Random;
}

interface Built {
  household: DemoHousehold;
  persons: DemoPerson[];
  incomes: DemoIncome[];
}

function buildHousehold(ctx: CountyContext, plan: Plan, v: VillageInfo, householdId: number, firstPersonId: number): Built {
  const householdNo = v.code + String(plan.seq).padStart(4, '0');
  const rng = ctx.rng.fork(householdNo);
  const { asOf, asOfDay } = ctx;
  const monitored = plan.category !== null;
  const alleviated = plan.type === 'alleviated';
  const unresolved = monitored && !plan.eliminated;

  // members
  const size = rng.fromTable(SIZE_TABLE);
  const skel = familySkeleton(rng, size);
  const ethnicity: CodeOf<'ethnicity'> = rng.weighted([['han', 990], ['hui', 8], ['manchu', 1], ['mongol', 1]] as const);
  const genChars = new Map<string, string>();
  const persons: DemoPerson[] = skel.map((s, idx) => {
    const prefix = s.marriedIn && rng.chance(0.09) ? rng.pick(ctx.marriedInPrefixes) : ctx.countyCode;
    const wantDay = asOfDay - Math.floor((s.age + rng.next()) * 365.2425);
    const { id, birthDay } = ctx.ids.allocate(prefix, Math.min(asOfDay, wantDay), s.sex);
    const birthDate = ymdOf(birthDay);
    const by = Number(birthDate.slice(0, 4));
    let name: string;
    const sibling = ['son', 'daughter', 'grandson', 'granddaughter'].includes(s.relation);
    if (sibling && rng.chance(0.35)) {
      const key = `${s.relation.startsWith('grand') ? 'g' : 'c'}${s.sex}`;
      if (!genChars.has(key)) genChars.set(key, generationChar(rng, s.sex, by));
      name = s.surname + givenName(rng, s.sex, by, genChars.get(key));
    } else {
      name = s.surname + givenName(rng, s.sex, by);
    }
    const sch = schooling(rng, birthDate, asOf, s.sex);
    return {
      id: firstPersonId + idx,
      householdId,
      name,
      sex: s.sex,
      idType: 'resident_id',
      idNumber: id,
      identityKey: id,
      birthDate,
      relation: s.relation,
      ethnicity: s.marriedIn && rng.chance(0.5) ? 'han' : ethnicity,
      politicalStatus: 'masses',
      education: sch.education,
      schoolStatus: sch.school,
      health: 'healthy',
      disabilityCategory: null,
      disabilityGrade: null,
      labourSkill: 'none',
      workLocation: 'none',
      workMonths: 0,
      residentMedicalInsurance: true,
      employeeMedicalInsurance: false,
      criticalIllnessInsurance: true,
      pensionInsurance: false,
      dibao: false,
      tekun: false,
      publicWelfarePost: false,
      postMonths: 0,
      skillCertificate: false,
    };
  });
  const ages = persons.map((p) => ageOn(p.birthDate, asOf));
  const isStudent = (i: number) => persons[i]!.schoolStatus !== 'none';
  const adultIdx = persons.map((_, i) => i).filter((i) => ages[i]! >= 18);

  // risks
  let risks: RiskType[] = [];
  if (monitored) {
    const students = persons.filter((p) => IN_SCHOOL_ABOVE_COMPULSORY.test(p.schoolStatus)).length;
    const workingAge = persons.filter((p, i) => ages[i]! >= 18 && ages[i]! <= 59 && !isStudent(i)).length;
    risks = chooseRisks(rng, plan.category!, { students, workingAge });
  }

  // health: base rates (higher in 脱贫户/监测户), then the members the risks point at
  const mult = monitored ? 1.6 : alleviated ? 1.3 : 1;
  persons.forEach((p, i) => (p.health = baseHealth(rng, ages[i]!, mult)));
  const pickMember = (weight: (i: number) => number): number | null => {
    const w = persons.map((_, i) => weight(i));
    return w.some((x) => x > 0) ? rng.weighted(w.map((x, i) => [i, x] as const)) : null;
  };
  if (risks.includes('illness') && !persons.some((p) => p.health === 'serious_illness' || p.health === 'chronic')) {
    const i = pickMember((j) => (persons[j]!.health === 'healthy' ? 1 + ages[j]! / 10 : 0));
    if (i !== null) persons[i]!.health = rng.chance(0.55) ? 'serious_illness' : 'chronic';
    else risks = risks.filter((r) => r !== 'illness').concat(risks.includes('disability') ? [] : ['disability']);
  }
  if (risks.includes('disability') && !persons.some((p) => p.health === 'disabled')) {
    // prefer a healthy member, so that an ill member an illness risk points at stays ill
    const i = pickMember((j) => (persons[j]!.health === 'healthy' ? (ages[j]! >= 3 ? 1 : 0.2) : 0))
      ?? pickMember((j) => (persons[j]!.health === 'chronic' && persons.filter((p) => p.health === 'chronic' || p.health === 'serious_illness').length > 1 ? 1 : 0));
    if (i !== null) persons[i]!.health = 'disabled';
    else risks = risks.filter((r) => r !== 'disability').concat(risks.includes('illness') ? [] : ['illness']); // everyone is ill already
  }
  if (risks.includes('accident')) {
    const i = pickMember((j) => (ages[j]! >= 18 && ages[j]! <= 64 ? 3 : ages[j]! >= 6 ? 1 : 0));
    if (i !== null && persons[i]!.health === 'healthy') persons[i]!.health = rng.weighted([['disabled', 35], ['serious_illness', 30], ['chronic', 35]] as const);
  }
  for (const p of persons) {
    if (p.health !== 'disabled') continue;
    p.disabilityCategory = rng.weighted(DISABILITY_CATEGORIES);
    p.disabilityGrade = rng.weighted(DISABILITY_GRADES);
    if (rng.chance(0.25)) {
      p.idType = 'disability_card';
      p.idNumber = p.identityKey + String(p.disabilityCategory) + String(p.disabilityGrade);
    }
  }

  // 特困: single elderly (or severely disabled) people without support
  const tekun = size === 1 && (ages[0]! >= 60 || (persons[0]!.health === 'disabled' && persons[0]!.disabilityGrade! <= 2))
    && rng.chance(monitored ? 0.2 : alleviated ? 0.15 : 0.035);

  // labour, work, posts, certificates
  const hasSmallChild = ages.some((a) => a < 6);
  persons.forEach((p, i) => {
    const age = ages[i]!;
    if (age < 16 || isStudent(i)) { p.labourSkill = 'none'; return; }
    const h = p.health;
    if (age <= 59) {
      if (h === 'healthy') p.labourSkill = rng.chance(0.22) ? 'skilled' : 'ordinary';
      else if (h === 'chronic') p.labourSkill = rng.chance(0.6) ? 'ordinary' : 'weak';
      else if (h === 'serious_illness') p.labourSkill = rng.chance(0.35) ? 'weak' : 'lost';
      else p.labourSkill = p.disabilityGrade! <= 2 ? 'lost' : p.disabilityGrade === 3 ? (rng.chance(0.7) ? 'weak' : 'lost') : rng.chance(0.5) ? 'weak' : 'ordinary';
    } else if (age <= 65) {
      p.labourSkill = h === 'healthy' ? (rng.chance(0.45) ? 'ordinary' : 'weak') : h === 'chronic' ? (rng.chance(0.7) ? 'weak' : 'lost') : 'lost';
    } else if (age <= 75) {
      p.labourSkill = h === 'healthy' ? (rng.chance(0.35) ? 'weak' : 'none') : h === 'chronic' ? (rng.chance(0.5) ? 'lost' : 'none') : 'lost';
    } else {
      p.labourSkill = h === 'serious_illness' || h === 'disabled' ? 'lost' : 'none';
    }
    if (tekun) p.labourSkill = age >= 60 ? 'none' : 'lost';
    p.skillCertificate = p.labourSkill === 'skilled' ? rng.chance(0.85) : p.labourSkill === 'ordinary' && rng.chance(0.03);

    const workFactor = monitored ? 0.75 : alleviated ? 0.9 : 1;
    const carer = p.sex === 'female' && hasSmallChild && age >= 20 && age <= 45 ? 0.6 : 1;
    if ((p.labourSkill === 'skilled' || p.labourSkill === 'ordinary') && age <= 59) {
      if (rng.chance(0.74 * workFactor * carer)) {
        p.workLocation = rng.weighted([['in_county', 30], ['in_province', 28], ['out_province', p.labourSkill === 'skilled' ? 55 : 42]] as const);
        p.workMonths = p.workLocation === 'out_province' ? rng.weighted([[7, 1], [8, 2], [9, 2], [10, 4], [11, 4], [12, 6]] as const)
          : p.workLocation === 'in_province' ? rng.int(5, 12) : rng.int(3, 12);
      }
    } else if ((p.labourSkill === 'weak' && age <= 64) || (p.labourSkill === 'ordinary' && age <= 65)) {
      if (rng.chance(p.labourSkill === 'weak' ? 0.3 * workFactor : 0.25)) {
        p.workLocation = 'in_county';
        p.workMonths = rng.int(3, 8);
      }
    }
  });
  // 务工就业不稳: someone works, for few months
  if (risks.includes('unstable_employment')) {
    let w = persons.findIndex((p) => p.workLocation !== 'none');
    if (w < 0) w = persons.findIndex((p) => p.labourSkill === 'skilled' || p.labourSkill === 'ordinary' || p.labourSkill === 'weak');
    if (w >= 0) {
      const p = persons[w]!;
      if (p.workLocation === 'none') p.workLocation = rng.pick(['in_county', 'in_province', 'out_province'] as const);
      p.workMonths = rng.int(2, 6);
    } else {
      risks = risks.filter((r) => r !== 'unstable_employment');
      if (!risks.includes('lack_of_labour')) risks.push('lack_of_labour');
    }
  }
  // 公益岗位 for some 脱贫户/监测户 members who stay home
  if ((alleviated || monitored) && rng.chance(0.12)) {
    const cand = persons.map((_, i) => i).filter((i) => ages[i]! >= 35 && ages[i]! <= 70 && (persons[i]!.labourSkill === 'ordinary' || persons[i]!.labourSkill === 'weak') && persons[i]!.workLocation !== 'in_province' && persons[i]!.workLocation !== 'out_province');
    if (cand.length) {
      const p = persons[rng.pick(cand)]!;
      p.publicWelfarePost = true;
      p.postMonths = rng.int(6, 12);
      p.workLocation = 'in_county';
      p.workMonths = p.postMonths;
    }
  }

  // 三保障 + 饮水 problems: rare, and only while the risk is not eliminated
  let housingUnsafe = false;
  let waterUnsafe = false;
  let schoolingDropout = false;
  let medicalUninsured = false;
  if (unresolved) {
    housingUnsafe = rng.chance(0.06);
    waterUnsafe = rng.chance(0.025);
    const pupils = persons.map((_, i) => i).filter((i) => ages[i]! >= 7 && ages[i]! <= 16 && persons[i]!.schoolStatus !== 'none');
    if (pupils.length && rng.chance(0.04)) {
      schoolingDropout = true;
      const p = persons[rng.pick(pupils)]!;
      p.schoolStatus = 'dropout';
    }
    if (adultIdx.length && rng.chance(0.03)) medicalUninsured = true;
  }

  // insurance, pension, political status
  const uninsured = medicalUninsured ? rng.pick(adultIdx) : -1;
  persons.forEach((p, i) => {
    const age = ages[i]!;
    const formalJob = p.workLocation !== 'none' && p.workLocation !== 'in_county' && p.workMonths >= 10 && age >= 20 && age <= 50;
    if (i === uninsured) {
      p.residentMedicalInsurance = false;
      p.criticalIllnessInsurance = false;
    } else if (rng.chance(formalJob ? 0.06 : 0.002)) {
      p.residentMedicalInsurance = false;
      p.employeeMedicalInsurance = true;
    }
    if (age >= 16 && (p.schoolStatus === 'none' || p.schoolStatus === 'dropout')) p.pensionInsurance = rng.chance(age >= 60 ? 0.97 : p.employeeMedicalInsurance ? 0.95 : 0.88);
    if (age >= 25 && rng.chance(p.sex === 'male' ? (age >= 45 ? 0.09 : 0.05) : 0.02)) p.politicalStatus = 'cpc_member';
    else if (age >= 20 && age <= 40 && rng.chance(0.003)) p.politicalStatus = 'cpc_probationary';
    else if (age >= 14 && age <= 28 && rng.chance(IN_SCHOOL_ABOVE_COMPULSORY.test(p.schoolStatus) || /^grade[89]$/.test(p.schoolStatus) ? 0.6 : 0.25)) p.politicalStatus = 'cyl_member';
  });

  // 低保 / 特困
  const dibao = !tekun && rng.chance(monitored ? 0.35 : alleviated ? 0.15 : 0.022);
  if (tekun) persons[0]!.tekun = true;
  if (dibao) {
    if (rng.chance(0.65)) persons.forEach((p) => (p.dibao = true));
    else {
      const needy = persons.filter((p, i) => p.health !== 'healthy' || ages[i]! >= 60);
      (needy.length ? needy.slice(0, 2) : [persons[0]!]).forEach((p) => (p.dibao = true));
    }
  }
  const noLabour = !persons.some((p) => p.labourSkill === 'skilled' || p.labourSkill === 'ordinary' || p.labourSkill === 'weak');
  const noLabourGuarantee = noLabour && (alleviated || monitored || dibao || tekun);

  // place
  const relocated = rng.chance(alleviated ? 0.18 : monitored ? 0.04 : 0.01);
  const relocationSite = relocated
    ? rng.chance(0.45)
      ? `${ctx.countyName}${rng.pick(['城郊集中安置区', '县城北区安置小区', '产业集聚区安置点'])}`
      : `${v.township}${rng.pick(['集镇', '中心'])}安置点`
    : null;
  const address = relocated
    ? `${relocationSite!.startsWith(ctx.countyName) ? '' : ctx.countyName}${relocationSite}${rng.int(1, 12)}号楼${rng.int(1, 3)}单元${rng.int(1, 6)}0${rng.int(1, 2)}室`
    : `${ctx.countyName}${v.township}${shortVillageName(v.name)}${rng.int(1, v.groups)}组${rng.int(1, 80)}号`;
  const allOld = ages.every((a) => a >= 60);
  const phone = rng.chance(allOld ? 0.5 : 0.76) ? mobileNumber(rng) : null;

  // helper (帮扶责任人) for 脱贫户 and 监测户: officials of the township, a few households each
  let helperName: string | null = null;
  if (alleviated || monitored) {
    const pool = ctx.helperPools.get(v.townshipCode) ?? [];
    ctx.helperPools.set(v.townshipCode, pool);
    if (!pool.length || rng.chance(0.55)) pool.push(fullName(rng, rng.chance(0.65) ? 'male' : 'female', rng.int(1968, 1998)));
    helperName = rng.pick(pool);
  }

  const household: DemoHousehold = {
    id: householdId,
    householdNo,
    villageCode: v.code,
    address,
    phone,
    householdType: plan.type,
    alleviationYear: alleviated ? rng.weighted(ALLEVIATION_YEARS) : null,
    monitorCategory: plan.category,
    monitorIdentifiedOn: plan.identifiedDay === null ? null : ymdOf(plan.identifiedDay),
    riskTypes: risks,
    riskEliminated: plan.eliminated,
    eliminationMethod: plan.eliminated ? (rng.chance(0.8) ? 'assisted' : 'natural') : null,
    eliminatedOn: plan.eliminatedDay === null ? null : ymdOf(plan.eliminatedDay),
    monitorContact: monitored ? rng.pick(v.contacts) : null,
    helperName,
    helperUserId: null,
    relocated,
    relocationSite,
    noLabourGuarantee,
    dibao,
    tekun,
    housingUnsafe,
    schoolingDropout,
    waterUnsafe,
    medicalUninsured,
    memberCount: persons.length,
    incomeYear: ctx.incomeYear,
    perCapitaNetIncome: 0,
  };

  const incomes = buildIncomes(rng, ctx, household, persons, ages, plan);
  const latest = incomes.find((x) => x.year === ctx.incomeYear)!;
  household.perCapitaNetIncome = latest.perCapitaNetIncome;
  return { household, persons, incomes };
}

// ── incomes ──────────────────────────────────────────────────────────────────

interface Money extends IncomeFigures {
  claimIncome: number;
  outOfPocketExpense: number;
}

/** Move the net income by `delta` 元, taking from / adding to the components a household would change. */
function shiftNet(m: Money, delta: number, hasWorkers: boolean): void {
  if (delta > 0) {
    if (hasWorkers) m.wageIncome += delta;
    else m.transferIncome += delta; // 赡养 / support from children working elsewhere
    return;
  }
  let need = -delta;
  const take = (key: 'wageIncome' | 'businessIncome' | 'propertyIncome' | 'transferIncome', floor: number) => {
    const t = Math.min(need, Math.max(0, m[key] - floor));
    m[key] -= t;
    need -= t;
  };
  take('wageIncome', 0);
  take('businessIncome', m.businessExpense);
  take('propertyIncome', 0);
  // transfers (pensions, 低保, 特困) are entitlements: they stay even when that keeps a household above the line
  if (m.wageIncome > 0 && m.wageIncome < 100) m.wageIncome = 0;
}

function targetPerCapita(rng: Random, plan: Plan, line: number, noLabour: boolean): number {
  const soft = (v: number, floor: number, band: number) => (v < floor ? floor + rng.next() * band : v);
  if (noLabour && !plan.category) {
    // households living on pensions, 低保/特困 and their children's support
    return plan.type === 'alleviated' ? soft(rng.logNormal(10_000, 0.12), line + 500, 1500) : soft(rng.logNormal(12_500, 0.18), 9500, 2000);
  }
  if (plan.category) {
    if (plan.eliminated) return soft(rng.logNormal(11_500, 0.16), line + 600, 2500);
    if (plan.category === 'sudden' && rng.chance(0.42)) return soft(rng.logNormal(11_000, 0.25), line + 100, 3000);
    return rng.normalIn(line - 1000, 1000, line * 0.5, line);
  }
  if (plan.type === 'alleviated') return soft(rng.logNormal(12_800, 0.2), line + 500, 2500);
  return soft(rng.logNormal(17_500, 0.32), 9500, 3000);
}

function buildIncomes(rng: Random, ctx: CountyContext, h: DemoHousehold, persons: DemoPerson[], ages: number[], plan: Plan): DemoIncome[] {
  const n = persons.length;
  const m: Money = { wageIncome: 0, businessIncome: 0, propertyIncome: 0, transferIncome: 0, businessExpense: 0, claimIncome: 0, outOfPocketExpense: 0 };
  const poorish = h.householdType === 'alleviated' || h.monitorCategory !== null;

  // transfers: pensions, 低保, 特困, disability subsidies, 雨露计划, farmland subsidy
  persons.forEach((p, i) => {
    const age = ages[i]!;
    if (age >= 60) m.transferIncome += rng.int(1750, 2400);
    if (p.dibao) m.transferIncome += rng.int(3000, 4300);
    if (p.tekun) m.transferIncome += rng.int(6800, 7600);
    if (p.health === 'disabled') m.transferIncome += p.disabilityGrade! <= 2 ? rng.int(1500, 2000) : rng.int(600, 1000);
    if (poorish && /^(secvoc|highvoc|tech)/.test(p.schoolStatus)) m.transferIncome += 3000;
  });
  if (!h.relocated) m.transferIncome += rng.int(150, 650);

  // property: collective dividends for 脱贫户/监测户, land rent
  if (poorish && rng.chance(0.6)) m.propertyIncome += rng.int(300, 900);
  if (rng.chance(0.25)) m.propertyIncome += rng.int(300, 3000);
  if (!poorish && !h.dibao && !h.tekun && rng.chance(0.05)) m.propertyIncome += rng.int(2000, 8000);

  // business: farming (and 香菇 / 柞蚕 / 辛夷 / 养殖 / shops for some)
  const farmer = persons.some((p, i) => ages[i]! >= 35 && ages[i]! <= 80 && (p.labourSkill !== 'none' && p.labourSkill !== 'lost') && p.workMonths <= 6);
  // (land rent and dividends aside, members without labour capacity do not farm)
  if (farmer && !h.relocated) {
    const gross = rng.int(3000, 14000);
    m.businessIncome += gross;
    m.businessExpense += Math.round(gross * rng.float(0.35, 0.5));
  } else if (!h.noLabourGuarantee && !h.tekun && rng.chance(0.3)) {
    const gross = rng.int(800, 3000);
    m.businessIncome += gross;
    m.businessExpense += Math.round(gross * 0.4);
  }
  if (!h.monitorCategory && !noWorkingAge(ages) && rng.chance(0.07)) {
    const gross = Math.round(rng.logNormal(45_000, 0.5));
    m.businessIncome += gross;
    m.businessExpense += Math.round(gross * rng.float(0.55, 0.75));
  }

  // wages: rate × months per worker, scaled towards the household's target
  let wageBase = 0;
  let postWage = 0;
  persons.forEach((p) => {
    if (p.publicWelfarePost) { postWage += p.postMonths * rng.int(500, 800); return; }
    if (p.workLocation === 'none') return;
    const rate = p.workLocation === 'in_county' ? rng.int(2300, 3500) : p.workLocation === 'in_province' ? rng.int(3200, 4800) : rng.int(4200, 7000);
    const skill = p.labourSkill === 'skilled' ? 1.25 : p.labourSkill === 'weak' ? 0.7 : 1;
    wageBase += p.workMonths * rate * skill;
  });
  const capable = (p: DemoPerson) => p.labourSkill === 'skilled' || p.labourSkill === 'ordinary' || p.labourSkill === 'weak';
  const target = targetPerCapita(rng, plan, ctx.line, !persons.some(capable)) * n;
  let need = target - (m.transferIncome + m.propertyIncome + m.businessIncome - m.businessExpense + postWage);
  const hasWorkers = wageBase > 0 || postWage > 0;
  if (wageBase > 0) {
    m.wageIncome = round10(wageBase * clamp(need / wageBase, 0.5, 2.2));
    need -= m.wageIncome;
  }
  m.wageIncome += postWage;
  if (need > 0) {
    // what wages do not cover: sideline farming, and support from family working elsewhere (赡养)
    const sideline = Math.round(Math.min(need * rng.float(0.3, 0.6), 20_000));
    const canFarm = persons.some((p, i) => capable(p) && ages[i]! >= 18 && ages[i]! <= 75);
    if (canFarm && sideline >= 500) {
      const gross = Math.round(sideline / 0.6);
      m.businessIncome += gross;
      m.businessExpense += gross - sideline;
      need -= sideline;
    }
    const elderly = ages.filter((a) => a >= 60).length;
    m.transferIncome += Math.min(round10(need), 7000 * elderly + 1500 * n);
  }

  // keep the category's income story: unresolved (except 突发) at or below the line, eliminated above it,
  // households not monitored clear of it
  const pc = netIncome(m) / n;
  const line = ctx.line;
  if (plan.category && !plan.eliminated && plan.category !== 'sudden' && pc > line) shiftNet(m, -Math.ceil((pc - line + rng.int(0, 800)) * n), hasWorkers);
  if (plan.eliminated && pc < line + 300) shiftNet(m, Math.ceil((line + rng.int(300, 2500) - pc) * n), hasWorkers);
  const floor = plan.category ? 0 : plan.type === 'alleviated' ? line + 500 : line + 1500;
  if (pc < floor) shiftNet(m, Math.ceil((floor + rng.int(0, 2500) - pc) * n), hasWorkers);

  // claims and out-of-pocket (medical, education)
  const illnessRisk = h.riskTypes.includes('illness') || h.riskTypes.includes('accident');
  persons.forEach((p) => {
    if (p.health === 'serious_illness') m.outOfPocketExpense += illnessRisk ? rng.int(12_000, 60_000) : rng.int(5000, 40_000);
    else if (p.health === 'chronic') m.outOfPocketExpense += rng.int(600, 4000);
    else if (p.health === 'disabled') m.outOfPocketExpense += rng.int(300, 2000);
    else if (rng.chance(0.5)) m.outOfPocketExpense += rng.int(0, 600);
    if (/^(highvoc|undergrad|tech|postgrad)/.test(p.schoolStatus)) m.outOfPocketExpense += rng.int(4000, 10_000);
  });
  if (h.monitorCategory === 'sudden' && !plan.eliminated && pc > ctx.line) m.outOfPocketExpense += rng.int(15_000, 50_000);
  if (illnessRisk && rng.chance(0.4)) m.claimIncome = rng.int(2000, 30_000);
  else if (rng.chance(0.02)) m.claimIncome = rng.int(500, 5000);

  const year = ctx.incomeYear;
  const out: DemoIncome[] = [row(h.id, year, m, n)];
  if (poorish) {
    // the year before: lower for households that have recovered, higher for those a sudden event hit in the latest year
    const identifiedYear = h.monitorIdentifiedOn ? Number(h.monitorIdentifiedOn.slice(0, 4)) : 0;
    const g = !h.monitorCategory ? rng.float(0.88, 0.97)
      : plan.eliminated ? rng.float(0.62, 0.85)
      : h.monitorCategory === 'sudden' && identifiedYear >= year ? rng.float(1.05, 1.5)
      : rng.float(0.85, 1.1);
    const prev: Money = {
      wageIncome: m.wageIncome > 0 ? Math.max(100, round10(m.wageIncome * g)) : 0,
      businessIncome: Math.round(m.businessIncome * g),
      propertyIncome: Math.round(m.propertyIncome * g),
      transferIncome: Math.round(m.transferIncome * rng.float(0.93, 1)),
      businessExpense: Math.round(m.businessExpense * g),
      claimIncome: rng.chance(0.3) ? Math.round(m.claimIncome * rng.float(0.3, 1)) : 0,
      outOfPocketExpense: Math.round(m.outOfPocketExpense * rng.float(0.6, 1.2)),
    };
    out.push(row(h.id, year - 1, prev, n));
  }
  return out;
}

const noWorkingAge = (ages: number[]) => !ages.some((a) => a >= 18 && a <= 59);

function row(householdId: number, year: number, m: Money, members: number): DemoIncome {
  const figures: IncomeFigures = {
    wageIncome: Math.round(m.wageIncome),
    businessIncome: Math.round(m.businessIncome),
    propertyIncome: Math.round(m.propertyIncome),
    transferIncome: Math.round(m.transferIncome),
    businessExpense: Math.round(m.businessExpense),
  };
  return {
    householdId,
    year,
    ...figures,
    claimIncome: Math.round(m.claimIncome),
    outOfPocketExpense: Math.round(m.outOfPocketExpense),
    memberCount: members,
    netIncome: netIncome(figures),
    perCapitaNetIncome: perCapitaNetIncome(figures, members)!,
  };
}

// ── entry points ─────────────────────────────────────────────────────────────

const sortedVillages = (county: DemoCountyInput) =>
  county.areas.filter((a) => a.level === 'village').slice().sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

const countyRng = (seed: number, countyCode: string) => new Random(seed).fork(`county:${countyCode}`);

/** How many households each village of `county` gets (the same plan `generateDemo` follows). */
export function plannedHouseholdsByVillage(county: DemoCountyInput, opts: DemoOptions = {}): Map<string, number> {
  const villages = sortedVillages(county);
  const out = new Map<string, number>();
  for (const p of planCounty(countyRng(opts.seed ?? DEMO_SEED, county.countyCode), villages, opts.scale ?? 1, opts.asOf ?? DEMO_AS_OF)) {
    const code = villages[p.village]!.code;
    out.set(code, (out.get(code) ?? 0) + 1);
  }
  return out;
}

/**
 * Generate households, persons and incomes for each county, in county then village order, as batches of about
 * `batchSize` households (a village never spans two batches) so that a large deployment streams into the
 * database without holding everything in memory. Identity numbers are unique across all counties of one call;
 * ids run on from `firstHouseholdId` / `firstPersonId`.
 */
export function* generateDemoBatches(counties: readonly DemoCountyInput[], opts: DemoOptions = {}, batchSize = 10_000): Generator<DemoData> {
  const seed = opts.seed ?? DEMO_SEED;
  const scale = opts.scale ?? 1;
  const asOf = opts.asOf ?? DEMO_AS_OF;
  const incomeYear = opts.incomeYear ?? 2024;
  const line = monitoringLineFor(incomeYear) ?? 8300;
  const ids = new IdentityAllocator();
  let batch: DemoData = { households: [], persons: [], incomes: [] };
  let householdId = opts.firstHouseholdId ?? 1;
  let personId = opts.firstPersonId ?? 1;

  for (const county of counties) {
    const rng = countyRng(seed, county.countyCode);
    const byCode = new Map(county.areas.map((a) => [a.code, a]));
    const countyName = byCode.get(county.countyCode)?.name ?? '';
    const villages = sortedVillages(county);
    const plans = planCounty(rng, villages, scale, asOf);
    const infoRng = rng.fork('villages');
    const info: VillageInfo[] = villages.map((v) => {
      const vr = infoRng.fork(v.code);
      const townshipCode = v.parent_code ?? v.code.slice(0, 9);
      return {
        code: v.code,
        name: v.name,
        township: byCode.get(townshipCode)?.name ?? '',
        townshipCode,
        groups: vr.int(4, 14),
        contacts: Array.from({ length: vr.int(2, 3) }, () => fullName(vr, vr.chance(0.6) ? 'male' : 'female', vr.int(1965, 1995))),
      };
    });
    const ctx: CountyContext = {
      countyCode: county.countyCode, countyName, asOf, asOfDay: dayOf(asOf), incomeYear, line, ids, rng,
      marriedInPrefixes: MARRIED_IN_PREFIXES.filter((p) => p !== county.countyCode), helperPools: new Map(),
    };
    let lastVillage = -1;
    for (const plan of plans) {
      if (plan.village !== lastVillage && batch.households.length >= batchSize) {
        yield batch;
        batch = { households: [], persons: [], incomes: [] };
      }
      lastVillage = plan.village;
      const built = buildHousehold(ctx, plan, info[plan.village]!, householdId++, personId);
      personId += built.persons.length;
      batch.households.push(built.household);
      for (const p of built.persons) batch.persons.push(p);
      for (const x of built.incomes) batch.incomes.push(x);
    }
  }
  if (batch.households.length) yield batch;
}

/** Everything `generateDemoBatches` produces, in one object (tests, small deployments). */
export function generateDemo(counties: readonly DemoCountyInput[], opts: DemoOptions = {}): DemoData {
  const data: DemoData = { households: [], persons: [], incomes: [] };
  for (const b of generateDemoBatches(counties, opts, Number.POSITIVE_INFINITY)) {
    for (const h of b.households) data.households.push(h);
    for (const p of b.persons) data.persons.push(p);
    for (const x of b.incomes) data.incomes.push(x);
  }
  return data;
}
