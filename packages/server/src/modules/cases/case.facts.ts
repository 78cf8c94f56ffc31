/**
 * What the machines' guards read, gathered fresh for every step, and the county's case settings.
 *
 * Decisions documented here (the elimination criteria's inputs from the stored records):
 * - Income: every `household_assessment` month with a figure is a MonthlyIncome (the 未消除月评估's annualised
 *   人均纯收入); every `household_income` year is a PeriodIncome over that year's twelve months.
 * - 三保障 + 饮水: the latest monthly assessment's flags; without any assessment, the household's recorded flags.
 * - Risks identified (household.risk_types): one is still present when the latest assessment made since the
 *   identification month lists it among its risk types; without such an assessment nobody has checked, so it is
 *   counted as not yet resolved (the criterion names it). New risks: the latest assessment's risk types that were not
 *   identified.
 * - Measures: help_measure rows (planned / implemented / cancelled); labour: the members' recorded 劳动技能, birth date
 *   and 在校 status.
 */
import {
  DEFAULT_ELIMINATION_CONFIG, checkDeadlineConfig, checkEliminationConfig, deadlineConfig, eliminationMachine, evaluateElimination, identificationMachine,
  type DeadlineConfig, type DeadlineConfigInput, type EliminationConfig, type EliminationEvaluation, type EliminationInput, type EliminationMethod,
  type HouseholdMeasure, type MeasureStatus,
} from '@shouwang/domain';
import type { Queryable } from '../../db/db.js';
import * as repo from './case.repository.js';

export interface EliminationSettings {
  stabilityMonths: number;
  eliminateNoLabourHouseholds: boolean;
}

export async function loadDeadlineInput(q: Queryable): Promise<{ input: DeadlineConfigInput; version: number; updatedAt: string | null }> {
  const s = await repo.readSetting<DeadlineConfigInput>(q, 'deadlines');
  return { input: s?.value ?? {}, version: s?.version ?? 0, updatedAt: s?.updatedAt ?? null };
}

export async function loadDeadlineConfig(q: Queryable): Promise<DeadlineConfig> {
  return deadlineConfig((await loadDeadlineInput(q)).input);
}

export async function loadEliminationSettings(q: Queryable): Promise<{ value: EliminationSettings; version: number; updatedAt: string | null }> {
  const s = await repo.readSetting<Partial<EliminationSettings>>(q, 'elimination');
  return {
    value: {
      stabilityMonths: s?.value.stabilityMonths ?? DEFAULT_ELIMINATION_CONFIG.stabilityMonths,
      eliminateNoLabourHouseholds: s?.value.eliminateNoLabourHouseholds ?? DEFAULT_ELIMINATION_CONFIG.eliminateNoLabourHouseholds,
    },
    version: s?.version ?? 0,
    updatedAt: s?.updatedAt ?? null,
  };
}

export function eliminationConfigOf(s: EliminationSettings): EliminationConfig {
  return { ...DEFAULT_ELIMINATION_CONFIG, stabilityMonths: s.stabilityMonths, eliminateNoLabourHouseholds: s.eliminateNoLabourHouseholds };
}

export { checkDeadlineConfig, checkEliminationConfig };

/** Both machines built with the county's deadline configuration. */
export async function machinesOf(q: Queryable) {
  const cfg = await loadDeadlineConfig(q);
  return { config: cfg, identification: identificationMachine(cfg), elimination: eliminationMachine(cfg) };
}

/** The criteria's input for a household on `today`. */
export async function eliminationInput(q: Queryable, h: repo.HouseholdRow, today: string, requestedMethod: EliminationMethod | null = null): Promise<EliminationInput> {
  const f = await repo.eliminationFigures(q, h.id);
  const monthly = f.assessments.filter((a) => a.per_capita_net_income != null).map((a) => ({ month: a.month, perCapitaNetIncome: Number(a.per_capita_net_income) }));
  const periods = f.incomes.map((i) => ({ from: `${i.year}-01`, to: `${i.year}-12`, perCapitaNetIncome: Number(i.per_capita_net_income) }));
  const identifiedMonth = h.monitor_identified_on ? h.monitor_identified_on.slice(0, 7) : null;
  const latest = f.assessments.length ? f.assessments[f.assessments.length - 1]! : null;
  const latestSince = latest && (!identifiedMonth || latest.month >= identifiedMonth) ? latest : null;
  const identified = [...new Set(h.risk_types)];
  const current = new Set(latestSince?.new_risk_types ?? []);
  const risks = identified.map((type) => ({ type, resolved: latestSince !== null && !current.has(type) }));
  const newRisks = [...current].filter((t) => !identified.includes(t)).map((type) => ({ type, resolved: false }));
  const basicNeeds = latest
    ? { housingUnsafe: latest.housing_unsafe, schoolingDropout: latest.schooling_dropout, medicalUninsured: latest.medical_uninsured, waterUnsafe: latest.water_unsafe }
    : { housingUnsafe: h.housing_unsafe, schoolingDropout: h.schooling_dropout, medicalUninsured: h.medical_uninsured, waterUnsafe: h.water_unsafe };
  const measures: HouseholdMeasure[] = f.measures.map((m) => ({ code: m.measure_code, status: m.status as MeasureStatus }));
  const members = f.members.map((m) => ({ labourSkill: m.labour_skill, birthDate: m.birth_date, inSchool: !!m.school_status && m.school_status !== 'none' }));
  return { assessedOn: today, income: [...periods, ...monthly], basicNeeds, risks, newRisks, measures, members, noLabourGuarantee: h.no_labour_guarantee, requestedMethod };
}

export async function evaluateHousehold(q: Queryable, h: repo.HouseholdRow, today: string, requestedMethod: EliminationMethod | null = null): Promise<{ evaluation: EliminationEvaluation; config: EliminationConfig }> {
  const settings = await loadEliminationSettings(q);
  const config = eliminationConfigOf(settings.value);
  return { evaluation: evaluateElimination(await eliminationInput(q, h, today, requestedMethod), config), config };
}
