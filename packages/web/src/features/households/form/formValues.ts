/** Form values ⇄ API inputs: dates as dayjs in the form and 'YYYY-MM-DD' on the wire, blanks as null, n/a fields cleared. */
import dayjs, { type Dayjs } from 'dayjs';
import type { Household, HouseholdInput, IncomeInput, PersonInput } from '../types';

export type HouseholdDraft = Omit<HouseholdInput, 'monitorIdentifiedOn' | 'eliminatedOn'> & {
  monitorIdentifiedOn?: Dayjs | null;
  eliminatedOn?: Dayjs | null;
};
export type PersonDraft = Partial<PersonInput>;
export type IncomeDraft = Partial<IncomeInput> & { year?: number };

export interface HouseholdFormValues {
  household: HouseholdDraft;
  members?: PersonDraft[];
  withIncome?: boolean;
  income?: IncomeDraft;
}

const text = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
const date = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);
const day = (v: string | null | undefined) => (v ? dayjs(v) : null);

export const NEW_HOUSEHOLD: HouseholdDraft = {
  villageCode: '',
  householdType: 'ordinary',
  riskTypes: [],
  riskEliminated: false,
  relocated: false,
  noLabourGuarantee: false,
  dibao: false,
  tekun: false,
  housingUnsafe: false,
  schoolingDropout: false,
  waterUnsafe: false,
  medicalUninsured: false,
};

export function newPerson(isHead: boolean): PersonDraft {
  return {
    relation: isHead ? 'head' : undefined,
    idType: 'resident_id',
    ethnicity: 'han',
    politicalStatus: 'masses',
    schoolStatus: 'none',
    health: 'healthy',
    workLocation: 'none',
    workMonths: 0,
    residentMedicalInsurance: false,
    employeeMedicalInsurance: false,
    criticalIllnessInsurance: false,
    pensionInsurance: false,
    dibao: false,
    tekun: false,
    publicWelfarePost: false,
    postMonths: 0,
    skillCertificate: false,
  };
}

export function toHouseholdInput(h: HouseholdDraft): HouseholdInput {
  const monitored = !!h.monitorCategory;
  const eliminated = monitored && !!h.riskEliminated;
  return {
    villageCode: h.villageCode,
    address: text(h.address),
    phone: text(h.phone),
    householdType: h.householdType,
    alleviationYear: h.householdType === 'alleviated' ? (h.alleviationYear ?? null) : null,
    monitorCategory: h.monitorCategory ?? null,
    monitorIdentifiedOn: monitored ? date(h.monitorIdentifiedOn) : null,
    riskTypes: h.riskTypes ?? [],
    riskEliminated: eliminated,
    eliminationMethod: eliminated ? (h.eliminationMethod ?? null) : null,
    eliminatedOn: eliminated ? date(h.eliminatedOn) : null,
    monitorContact: text(h.monitorContact),
    helperName: text(h.helperName),
    relocated: !!h.relocated,
    relocationSite: h.relocated ? text(h.relocationSite) : null,
    noLabourGuarantee: !!h.noLabourGuarantee,
    dibao: !!h.dibao,
    tekun: !!h.tekun,
    housingUnsafe: !!h.housingUnsafe,
    schoolingDropout: !!h.schoolingDropout,
    waterUnsafe: !!h.waterUnsafe,
    medicalUninsured: !!h.medicalUninsured,
  };
}

export function toHouseholdDraft(h: Household): HouseholdDraft {
  const input: HouseholdInput = {
    villageCode: h.villageCode,
    address: h.address ?? null,
    phone: null, // the stored phone arrives masked: the edit form starts blank (blank = keep, see HouseholdEditPage)
    householdType: h.householdType,
    alleviationYear: h.alleviationYear ?? null,
    monitorCategory: h.monitorCategory ?? null,
    riskTypes: h.riskTypes ?? [],
    riskEliminated: !!h.riskEliminated,
    eliminationMethod: h.eliminationMethod ?? null,
    monitorContact: h.monitorContact ?? null,
    helperName: h.helperName ?? null,
    relocated: !!h.relocated,
    relocationSite: h.relocationSite ?? null,
    noLabourGuarantee: !!h.noLabourGuarantee,
    dibao: !!h.dibao,
    tekun: !!h.tekun,
    housingUnsafe: !!h.housingUnsafe,
    schoolingDropout: !!h.schoolingDropout,
    waterUnsafe: !!h.waterUnsafe,
    medicalUninsured: !!h.medicalUninsured,
  };
  return { ...input, monitorIdentifiedOn: day(h.monitorIdentifiedOn), eliminatedOn: day(h.eliminatedOn) };
}

export function toPersonInput(p: PersonDraft): PersonInput {
  const disabled = p.health === 'disabled';
  const working = !!p.workLocation && p.workLocation !== 'none';
  return {
    name: (p.name ?? '').trim(),
    idType: p.idType ?? 'resident_id',
    idNumber: (p.idNumber ?? '').trim().toUpperCase(),
    relation: p.relation ?? '',
    ethnicity: p.ethnicity ?? 'han',
    politicalStatus: p.politicalStatus ?? 'masses',
    education: p.education ?? null,
    schoolStatus: p.schoolStatus ?? 'none',
    health: p.health ?? 'healthy',
    disabilityCategory: disabled ? (p.disabilityCategory ?? null) : null,
    disabilityGrade: disabled ? (p.disabilityGrade ?? null) : null,
    labourSkill: p.labourSkill ?? '',
    workLocation: p.workLocation ?? 'none',
    workMonths: working ? (p.workMonths ?? 0) : 0,
    residentMedicalInsurance: !!p.residentMedicalInsurance,
    employeeMedicalInsurance: !!p.employeeMedicalInsurance,
    criticalIllnessInsurance: !!p.criticalIllnessInsurance,
    pensionInsurance: !!p.pensionInsurance,
    dibao: !!p.dibao,
    tekun: !!p.tekun,
    publicWelfarePost: !!p.publicWelfarePost,
    postMonths: p.publicWelfarePost ? (p.postMonths ?? 0) : 0,
    skillCertificate: !!p.skillCertificate,
  };
}

export function toIncomeInput(i: IncomeDraft): IncomeInput {
  return {
    wageIncome: i.wageIncome ?? 0,
    businessIncome: i.businessIncome ?? 0,
    propertyIncome: i.propertyIncome ?? 0,
    transferIncome: i.transferIncome ?? 0,
    businessExpense: i.businessExpense ?? 0,
    claimIncome: i.claimIncome ?? 0,
    outOfPocketExpense: i.outOfPocketExpense ?? 0,
  };
}
