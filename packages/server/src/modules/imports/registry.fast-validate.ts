/**
 * Fast paths for the registry import's row validation (issue 3 benchmark). The import validates every row with the
 * registry's zod schemas (`personInput`, `householdInput`, `incomeInput`); at 100k rows zod's generic machinery and
 * its allocations cost seconds. These functions check the same rules with plain code and, when a value passes,
 * return exactly what the schema's `parse` would return. When anything is unusual or invalid they return `null` and
 * the caller runs the zod schema, which produces the precise (Chinese) messages — so the schemas stay the single
 * source of the error texts, and these functions never have to reproduce them.
 *
 * Contract (checked by registry.fast-validate.test.ts against the schemas on generated inputs): for every input,
 * `fastX(input)` is either `null` or deep-equal to `schema.parse(input)`, and it is `null` whenever the schema fails.
 */
import { codesOf } from '@shouwang/domain';
import type { HouseholdInput, IncomeInput, PersonInput } from '../registry/registry.schemas.js';

type In = Record<string, unknown>;
const codeSet = (list: Parameters<typeof codesOf>[0]) => new Set(codesOf(list));

const ID_TYPES = codeSet('idType');
const RELATIONS = codeSet('relation');
const ETHNICITIES = codeSet('ethnicity');
const POLITICAL = codeSet('politicalStatus');
const EDUCATION = codeSet('education');
const SCHOOL = codeSet('schoolStatus');
const HEALTH = codeSet('health');
const LABOUR = codeSet('labourSkill');
const WORK_LOCATION = codeSet('workLocation');
const HOUSEHOLD_TYPES = codeSet('householdType');
const MONITOR_CATEGORIES = codeSet('monitorCategory');
const RISK_TYPES = codeSet('riskType');
const ELIMINATION = codeSet('eliminationMethod');

const PERSON_KEYS = new Set([
  'name', 'idType', 'idNumber', 'relation', 'ethnicity', 'politicalStatus', 'education', 'schoolStatus', 'health', 'disabilityCategory',
  'disabilityGrade', 'labourSkill', 'workLocation', 'workMonths', 'residentMedicalInsurance', 'employeeMedicalInsurance',
  'criticalIllnessInsurance', 'pensionInsurance', 'dibao', 'tekun', 'publicWelfarePost', 'postMonths', 'skillCertificate',
]);
const PERSON_BOOLS = ['residentMedicalInsurance', 'employeeMedicalInsurance', 'criticalIllnessInsurance', 'pensionInsurance', 'dibao', 'tekun', 'publicWelfarePost', 'skillCertificate'] as const;

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
/** A code (or the default when absent); `undefined` = not acceptable here. */
const codeOr = (v: unknown, set: Set<string>, dflt: string): string | undefined => (v === undefined ? dflt : typeof v === 'string' && set.has(v) ? v : undefined);
const boolOr = (v: unknown): boolean | undefined => (v === undefined ? false : typeof v === 'boolean' ? v : undefined);

/** `personInput.parse(input)` when it certainly succeeds, else null. */
export function fastPerson(input: In): PersonInput | null {
  for (const k in input) if (!PERSON_KEYS.has(k)) return null;
  const name = typeof input.name === 'string' ? input.name.trim() : null;
  if (name === null || name.length < 1 || name.length > 64) return null;
  const idNumber = typeof input.idNumber === 'string' ? input.idNumber.trim() : null;
  if (idNumber === null || idNumber.length < 1) return null;
  const relation = input.relation;
  if (typeof relation !== 'string' || !RELATIONS.has(relation)) return null;
  const labourSkill = input.labourSkill;
  if (typeof labourSkill !== 'string' || !LABOUR.has(labourSkill)) return null;
  const idType = codeOr(input.idType, ID_TYPES, 'resident_id');
  const ethnicity = codeOr(input.ethnicity, ETHNICITIES, 'han');
  const politicalStatus = codeOr(input.politicalStatus, POLITICAL, 'masses');
  const schoolStatus = codeOr(input.schoolStatus, SCHOOL, 'none');
  const health = codeOr(input.health, HEALTH, 'healthy');
  const workLocation = codeOr(input.workLocation, WORK_LOCATION, 'none');
  if (!idType || !ethnicity || !politicalStatus || !schoolStatus || !health || !workLocation) return null;
  const workMonths = input.workMonths === undefined ? 0 : input.workMonths;
  const postMonths = input.postMonths === undefined ? 0 : input.postMonths;
  if (!isInt(workMonths, 0, 12) || !isInt(postMonths, 0, 12)) return null;
  // uncommon fields: let zod decide (null/absent only on the fast path)
  const { education, disabilityCategory, disabilityGrade } = input;
  if (education !== undefined && (typeof education !== 'string' || !EDUCATION.has(education))) return null;
  if (disabilityCategory !== undefined || disabilityGrade !== undefined || health === 'disabled') return null;
  if (workLocation === 'none' && workMonths > 0) return null; // the schema's cross-field rules
  const bools: boolean[] = [];
  for (const k of PERSON_BOOLS) {
    const b = boolOr(input[k]);
    if (b === undefined) return null;
    bools.push(b);
  }
  const [residentMedicalInsurance, employeeMedicalInsurance, criticalIllnessInsurance, pensionInsurance, dibao, tekun, publicWelfarePost, skillCertificate] = bools;
  if (!publicWelfarePost && postMonths > 0) return null;
  // in the schema's key order
  const out: Record<string, unknown> = { name, idType, idNumber, relation, ethnicity, politicalStatus };
  if (education !== undefined) out.education = education;
  out.schoolStatus = schoolStatus;
  out.health = health;
  out.labourSkill = labourSkill;
  out.workLocation = workLocation;
  out.workMonths = workMonths;
  out.residentMedicalInsurance = residentMedicalInsurance;
  out.employeeMedicalInsurance = employeeMedicalInsurance;
  out.criticalIllnessInsurance = criticalIllnessInsurance;
  out.pensionInsurance = pensionInsurance;
  out.dibao = dibao;
  out.tekun = tekun;
  out.publicWelfarePost = publicWelfarePost;
  out.postMonths = postMonths;
  out.skillCertificate = skillCertificate;
  return out as PersonInput;
}

const HOUSEHOLD_BOOLS = ['riskEliminated', 'relocated', 'noLabourGuarantee', 'dibao', 'tekun', 'housingUnsafe', 'schoolingDropout', 'waterUnsafe', 'medicalUninsured'] as const;
const HOUSEHOLD_TEXT: Record<string, number> = { address: 200, monitorContact: 64, helperName: 64, relocationSite: 100 };
const HOUSEHOLD_KEYS = new Set([
  'villageCode', 'address', 'phone', 'householdType', 'alleviationYear', 'monitorCategory', 'monitorIdentifiedOn', 'riskTypes',
  'riskEliminated', 'eliminationMethod', 'eliminatedOn', 'monitorContact', 'helperName', 'relocated', 'relocationSite',
  'noLabourGuarantee', 'dibao', 'tekun', 'housingUnsafe', 'schoolingDropout', 'waterUnsafe', 'medicalUninsured',
]);
const SHAPE_ORDER = [...HOUSEHOLD_KEYS];
const VILLAGE_RE = /^\d{12}$/;
const PHONE_RE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/**
 * `householdInput.parse(input)` when it certainly succeeds, else null. Households under monitoring (category, dates,
 * elimination) are rare in an import and always go through zod.
 */
export function fastHousehold(input: In): HouseholdInput | null {
  for (const k in input) if (!HOUSEHOLD_KEYS.has(k)) return null;
  if (input.monitorCategory !== undefined || input.monitorIdentifiedOn !== undefined || input.eliminationMethod !== undefined || input.eliminatedOn !== undefined) return null;
  const v: Record<string, unknown> = {};
  if (typeof input.villageCode !== 'string' || !VILLAGE_RE.test(input.villageCode)) return null;
  v.villageCode = input.villageCode;
  const householdType = input.householdType;
  if (typeof householdType !== 'string' || !HOUSEHOLD_TYPES.has(householdType)) return null;
  for (const [k, max] of Object.entries(HOUSEHOLD_TEXT)) {
    const s = input[k];
    if (s === undefined) continue;
    if (typeof s !== 'string') return null;
    const t = s.trim();
    if (t.length > max) return null;
    v[k] = t;
  }
  if (input.phone !== undefined) {
    if (typeof input.phone !== 'string') return null;
    const t = input.phone.trim();
    if (!PHONE_RE.test(t)) return null;
    v.phone = t;
  }
  v.householdType = householdType;
  const year = input.alleviationYear;
  if (year !== undefined) {
    if (!isInt(year, 2013, 2020)) return null;
    v.alleviationYear = year;
  }
  const risks = input.riskTypes === undefined ? [] : input.riskTypes;
  if (!Array.isArray(risks) || risks.length > 5 || risks.some((r) => typeof r !== 'string' || !RISK_TYPES.has(r)) || new Set(risks).size !== risks.length) return null;
  v.riskTypes = [...risks];
  for (const k of HOUSEHOLD_BOOLS) {
    const b = boolOr(input[k]);
    if (b === undefined) return null;
    v[k] = b;
  }
  // the schema's cross-field rules (no monitoring fields on this path)
  if (householdType === 'alleviated' && !v.alleviationYear) return null;
  if (householdType !== 'alleviated' && v.alleviationYear) return null;
  if (v.riskEliminated) return null;
  const out: Record<string, unknown> = {};
  for (const k of SHAPE_ORDER) if (k in v) out[k] = v[k];
  return out as HouseholdInput;
}

const INCOME_KEYS = ['wageIncome', 'businessIncome', 'propertyIncome', 'transferIncome', 'businessExpense', 'claimIncome', 'outOfPocketExpense'] as const;
const INCOME_KEY_SET = new Set<string>(INCOME_KEYS);

/** `incomeInput.parse(input)` when it certainly succeeds, else null. */
export function fastIncome(input: In): IncomeInput | null {
  for (const k in input) if (!INCOME_KEY_SET.has(k)) return null;
  const out: Record<string, number> = {};
  for (const k of INCOME_KEYS) {
    const x = input[k] === undefined ? 0 : input[k];
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > 100_000_000) return null;
    out[k] = x;
  }
  return out as unknown as IncomeInput;
}
