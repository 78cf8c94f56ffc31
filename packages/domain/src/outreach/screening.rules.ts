/**
 * Village screening (基层干部排查, domain.md §4.2): the monthly 村级月排查 (one round per month) and the 集中排查
 * campaigns (at least two a year), who is on a round's list of households to visit, whether a round takes visits
 * today, the checks on a visit result, and coverage (visited ÷ planned).
 */
import { isMonth, type Month } from '../linkage/period.rules.js';

export type RoundKind = 'monthly' | 'campaign';
export const ROUND_KIND_LABELS: Record<RoundKind, string> = { monthly: '村级月排查', campaign: '集中排查' };

/** At least this many 集中排查 campaigns a year (seed 000 / domain.md §9). */
export const CAMPAIGNS_PER_YEAR = 2;
/** A campaign lasts at most this many days. */
export const CAMPAIGN_MAX_DAYS = 92;

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day of a month. */
export function monthRange(month: Month): { startsOn: string; endsOn: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { startsOn: `${month}-01`, endsOn: `${month}-${pad(last)}` };
}

/** The monthly round of a month: name and dates. */
export function monthlyRound(month: Month): { kind: 'monthly'; month: Month; name: string; startsOn: string; endsOn: string } {
  if (!isMonth(month)) throw new Error(`not a month: ${month}`);
  const [y, m] = month.split('-');
  return { kind: 'monthly', month, name: `${y}年${Number(m)}月村级月排查`, ...monthRange(month) };
}

export interface PlanFacts {
  householdType: 'alleviated' | 'ordinary';
  monitorCategory: string | null;
  hasOpenWarning: boolean;
}

/**
 * Whether a household is on a round's list of households to visit. Monthly: 脱贫户, 监测户 (any category) and
 * households with an open warning; campaign: every household. A household already visited in the round stays on it.
 */
export function isPlanned(kind: RoundKind, h: PlanFacts, visited = false): boolean {
  if (kind === 'campaign' || visited) return true;
  return h.householdType === 'alleviated' || h.monitorCategory !== null || h.hasOpenWarning;
}

export type RoundPhase = 'upcoming' | 'open' | 'finished';
export const ROUND_PHASE_LABELS: Record<RoundPhase, string> = { upcoming: '未开始', open: '进行中', finished: '已结束' };

export function roundPhase(r: { startsOn: string; endsOn: string }, today: string): RoundPhase {
  if (today < r.startsOn) return 'upcoming';
  if (today > r.endsOn) return 'finished';
  return 'open';
}

/** Why a visit cannot be recorded in the round today, or null. */
export function visitRefusal(r: { startsOn: string; endsOn: string }, today: string): string | null {
  const phase = roundPhase(r, today);
  if (phase === 'upcoming') return `本轮排查尚未开始（${r.startsOn} 开始）`;
  if (phase === 'finished') return `本轮排查已于 ${r.endsOn} 结束，不能再记录走访结果`;
  return null;
}

export interface CampaignInput {
  name: string;
  startsOn: string;
  endsOn: string;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Field errors of a new campaign (empty when it may be created). */
export function checkCampaign(c: CampaignInput): { field: keyof CampaignInput; message: string }[] {
  const errors: { field: keyof CampaignInput; message: string }[] = [];
  const name = c.name.trim();
  if (!name) errors.push({ field: 'name', message: '请填写排查名称' });
  else if ([...name].length > 100) errors.push({ field: 'name', message: '排查名称不能超过100字' });
  if (!isDate(c.startsOn)) errors.push({ field: 'startsOn', message: '开始日期无效' });
  if (!isDate(c.endsOn)) errors.push({ field: 'endsOn', message: '结束日期无效' });
  if (isDate(c.startsOn) && isDate(c.endsOn)) {
    if (c.endsOn < c.startsOn) errors.push({ field: 'endsOn', message: '结束日期不能早于开始日期' });
    else if (daysBetween(c.startsOn, c.endsOn) + 1 > CAMPAIGN_MAX_DAYS) errors.push({ field: 'endsOn', message: `集中排查时间不能超过${CAMPAIGN_MAX_DAYS}天` });
  }
  return errors;
}

/** The 集中排查 requirement of a year: how many campaigns started in it, and whether the minimum is met. */
export function campaignYearStatus(startDates: readonly string[], year: number): { year: number; count: number; required: number; met: boolean; message: string } {
  const count = startDates.filter((d) => d.startsWith(`${year}-`)).length;
  const met = count >= CAMPAIGNS_PER_YEAR;
  const message = met ? `${year}年已开展集中排查${count}次` : `${year}年已开展集中排查${count}次，全年至少${CAMPAIGNS_PER_YEAR}次，还需${CAMPAIGNS_PER_YEAR - count}次`;
  return { year, count, required: CAMPAIGNS_PER_YEAR, met, message };
}

export type ScreeningVisitResult = 'no_risk' | 'risk_found';
export const SCREENING_RESULT_LABELS: Record<ScreeningVisitResult, string> = { no_risk: '未发现风险', risk_found: '发现风险' };

/** Field errors of a visit result: a risk found needs 1-5 known risk types; the note is at most 500 characters. */
export function checkScreeningVisit(v: { result: ScreeningVisitResult; riskTypes: readonly string[]; note?: string | null }, knownRiskTypes: readonly string[]): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const unknown = v.riskTypes.filter((r) => !knownRiskTypes.includes(r));
  if (unknown.length) errors.push({ field: 'riskTypes', message: `风险类型无效：${unknown.join('、')}` });
  else if (v.result === 'risk_found' && v.riskTypes.length === 0) errors.push({ field: 'riskTypes', message: '发现风险时请至少选择一项风险类型' });
  else if (v.result === 'risk_found' && new Set(v.riskTypes).size > 5) errors.push({ field: 'riskTypes', message: '风险类型最多选择5项' });
  else if (v.result === 'no_risk' && v.riskTypes.length > 0) errors.push({ field: 'riskTypes', message: '未发现风险时不应选择风险类型' });
  if (v.note && [...v.note].length > 500) errors.push({ field: 'note', message: '走访情况说明不能超过500字' });
  if (v.result === 'risk_found' && !v.note?.trim()) errors.push({ field: 'note', message: '发现风险时请简要说明情况' });
  return errors;
}

export interface Coverage {
  planned: number;
  visited: number;
  /** visited ÷ planned, 0..1; 1 when nothing is planned (nothing left to do). */
  ratio: number;
  /** Percent with one decimal, e.g. 66.7. */
  percent: number;
}

export function coverageOf(planned: number, visited: number): Coverage {
  if (visited > planned) throw new Error(`visited (${visited}) exceeds planned (${planned})`);
  const ratio = planned === 0 ? 1 : visited / planned;
  return { planned, visited, ratio, percent: Math.round(ratio * 1000) / 10 };
}
