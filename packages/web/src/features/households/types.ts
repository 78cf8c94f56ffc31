/** Registry shapes of docs/api.md and registry.schemas.ts (field names exactly as the API spells them). */
import type { Amount } from '../../api/types';

export interface HouseholdRow {
  id: number;
  householdNo: string;
  villageCode: string;
  villageName: string;
  townshipName: string;
  headName: string | null;
  headIdNumber: string | null;
  phone: string | null;
  memberCount: number;
  householdType: string;
  monitorCategory: string | null;
  riskTypes: string[];
  riskEliminated: boolean;
  perCapitaNetIncome: Amount | null;
  incomeYear: number | null;
}

export interface HouseholdListQuery {
  area?: string;
  householdType?: string;
  monitorCategory?: string;
  riskType?: string;
  eliminated?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/** What the editor types (HouseholdInput of the server). */
export interface HouseholdInput {
  villageCode: string;
  address?: string | null;
  phone?: string | null;
  householdType: string;
  alleviationYear?: number | null;
  monitorCategory?: string | null;
  monitorIdentifiedOn?: string | null;
  riskTypes: string[];
  riskEliminated: boolean;
  eliminationMethod?: string | null;
  eliminatedOn?: string | null;
  monitorContact?: string | null;
  helperName?: string | null;
  relocated: boolean;
  relocationSite?: string | null;
  noLabourGuarantee: boolean;
  dibao: boolean;
  tekun: boolean;
  housingUnsafe: boolean;
  schoolingDropout: boolean;
  waterUnsafe: boolean;
  medicalUninsured: boolean;
}

/** A stored household as GET /api/households/:id returns it (phone masked). */
export interface Household extends HouseholdInput {
  id: number;
  householdNo: string;
  villageName?: string | null;
  townshipName?: string | null;
  memberCount: number;
  incomeYear: number | null;
  perCapitaNetIncome: Amount | null;
  version: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface PersonInput {
  name: string;
  idType: string;
  idNumber: string;
  relation: string;
  ethnicity: string;
  politicalStatus: string;
  education?: string | null;
  schoolStatus: string;
  health: string;
  disabilityCategory?: number | null;
  disabilityGrade?: number | null;
  labourSkill: string;
  workLocation: string;
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

/** A stored person (ID number masked); sex and birth date are derived from the ID by the server. */
export interface Person extends PersonInput {
  id: number;
  householdId: number;
  sex: 'male' | 'female';
  birthDate: string;
}

export interface IncomeInput {
  wageIncome: number;
  businessIncome: number;
  propertyIncome: number;
  transferIncome: number;
  businessExpense: number;
  claimIncome: number;
  outOfPocketExpense: number;
}

export interface Income {
  year: number;
  wageIncome: Amount;
  businessIncome: Amount;
  propertyIncome: Amount;
  transferIncome: Amount;
  businessExpense: Amount;
  claimIncome: Amount;
  outOfPocketExpense: Amount;
  memberCount: number;
  netIncome: Amount;
  perCapitaNetIncome: Amount;
  updatedAt?: string;
}

export interface HouseholdDetail {
  household: Household;
  members: Person[];
  incomes: Income[];
  canReveal: boolean;
}

export interface HistoryItem {
  at: string;
  username: string | null;
  entityType: 'household' | 'person' | 'income' | string;
  entityId: string;
  action: 'create' | 'update' | 'delete' | string;
  changes: Record<string, { from: unknown; to: unknown }>;
}
