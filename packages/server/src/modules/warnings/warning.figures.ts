/**
 * The warning funnel (domain.md §4, §10): pushed → verified (an outcome recorded) → included, with the households and
 * persons included (persons = members of the included households, each household once), open warnings past their
 * verification date, and outcomes recorded after it — by source, by pushing department and by area. Plus screening
 * coverage (排查覆盖) of the 村级月排查 rounds and 集中排查 campaigns in the period, computed by the screening module.
 */
import {
  coverageOf, isVerificationOverdue, roundPhase, verificationDeadline, ROUND_KIND_LABELS, ROUND_PHASE_LABELS,
  type RoundKind, type WarningDeadlineConfig, type WarningState,
} from '@shouwang/domain';
import type { Queryable } from '../../db/db.js';
import type { AuthUser } from '../../http/context.js';
import { findArea } from '../areas/area.repository.js';
import { childAreas, coverageByChild, listRounds, type CoverageAggRow } from '../screening/screening.repository.js';
import type { FigureRow } from './warnings.repository.js';
import type { CoverageCell, Funnel, ScreeningFigures } from './warnings.schemas.js';

export interface PeriodRange { kind: 'year' | 'quarter' | 'month'; from: string; to: string; label: string }

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The period of the figures: a year, a quarter or a month (defaults: the current one). */
export function periodRange(kind: 'year' | 'quarter' | 'month', today: string, o: { year?: number; quarter?: number; month?: number }): PeriodRange {
  const year = o.year ?? Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  if (kind === 'month') {
    const m = o.month ?? thisMonth;
    return { kind, from: `${year}-${pad(m)}-01`, to: `${year}-${pad(m)}-${pad(lastDay(year, m))}`, label: `${year}年${m}月` };
  }
  if (kind === 'quarter') {
    const qn = o.quarter ?? Math.floor((thisMonth - 1) / 3) + 1;
    const first = (qn - 1) * 3 + 1;
    return { kind, from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}`, label: `${year}年第${'一二三四'[qn - 1]}季度` };
  }
  return { kind, from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` };
}

export const emptyFunnel = (): Funnel => ({ pushed: 0, verified: 0, included: 0, alreadyMonitored: 0, notIncluded: 0, duplicate: 0, households: 0, persons: 0, overdueOpen: 0, verifiedLate: 0 });

class Acc {
  readonly f = emptyFunnel();
  private readonly households = new Map<number, number>();
  add(r: FigureRow, today: string, config: WarningDeadlineConfig) {
    const f = this.f;
    f.pushed++;
    const c = { state: r.state as WarningState, openedOn: r.opened_on, stateEnteredOn: r.closed_on ?? r.opened_on };
    if (r.terminal) {
      f.verified++;
      if (verificationDeadline(c, today, config).status === 'overdue') f.verifiedLate++;
    } else if (isVerificationOverdue(c, today, config)) f.overdueOpen++;
    if (r.state === 'included') {
      f.included++;
      if (r.household_id != null) this.households.set(Number(r.household_id), Number(r.member_count ?? 0));
    }
    if (r.state === 'already_monitored') f.alreadyMonitored++;
    if (r.state === 'not_included') f.notIncluded++;
    if (r.state === 'duplicate') f.duplicate++;
    f.households = this.households.size;
    f.persons = [...this.households.values()].reduce((a, b) => a + b, 0);
  }
}

export function aggregate<K extends string>(rows: readonly FigureRow[], keyOf: (r: FigureRow) => K | null, today: string, config: WarningDeadlineConfig): Map<K, Funnel> {
  const accs = new Map<K, Acc>();
  for (const r of rows) {
    const k = keyOf(r);
    if (k === null) continue;
    let a = accs.get(k);
    if (!a) accs.set(k, (a = new Acc()));
    a.add(r, today, config);
  }
  return new Map([...accs].map(([k, a]) => [k, a.f]));
}

// ── screening coverage (排查覆盖) ───────────────────────────────────────────────────────────────

/** Child code length of an area code: county → townships, township → villages (a village is its own row). */
const CHILD_LENGTH: Record<number, number> = { 2: 4, 4: 6, 6: 9, 9: 12, 12: 12 };

interface Sums { planned: number; visited: number; riskFound: number }
const cell = (s: Sums): CoverageCell => ({ planned: s.planned, visited: s.visited, percent: coverageOf(s.planned, s.visited).percent, riskFound: s.riskFound });
const addTo = (s: Sums, a: CoverageAggRow | undefined) => {
  s.planned += Number(a?.planned ?? 0);
  s.visited += Number(a?.visited ?? 0);
  s.riskFound += Number(a?.risk_found ?? 0);
};

/**
 * Coverage of the screening rounds overlapping the period (monthly rounds of its months, campaigns running in it),
 * per child area of `scopeCode` and in total, within the user's scope; and per kind, summed over its rounds
 * (visited ÷ planned household-visits). Planned lists come from the screening repository (computed from the registry).
 */
export async function screeningFigures(q: Queryable, user: AuthUser, period: PeriodRange, scopeCode: string, today: string): Promise<ScreeningFigures> {
  const area = await findArea(q, scopeCode);
  const childLength = CHILD_LENGTH[scopeCode.length];
  if (!area || !childLength) return { area: null, rounds: [], byKind: [] };
  const children = childLength === scopeCode.length ? [{ code: area.code, name: area.name }] : await childAreas(q, scopeCode);
  const rounds = (await listRounds(q, user, Number(period.from.slice(0, 4))))
    .filter((r) => r.starts_on <= period.to && r.ends_on >= period.from)
    .sort((a, b) => a.starts_on.localeCompare(b.starts_on) || Number(a.id) - Number(b.id));
  const kinds = new Map<RoundKind, { rounds: number; total: Sums; byArea: Map<string, Sums> }>(
    (['monthly', 'campaign'] as const).map((k) => [k, { rounds: 0, total: { planned: 0, visited: 0, riskFound: 0 }, byArea: new Map(children.map((c) => [c.code, { planned: 0, visited: 0, riskFound: 0 }])) }]));
  const out: ScreeningFigures['rounds'] = [];
  for (const r of rounds) {
    // One query per round (PGlite serialises anyway); a year holds at most 12 monthly rounds and a few campaigns.
    const agg = new Map((await coverageByChild(q, user, r, scopeCode, childLength)).map((a) => [a.code, a]));
    const k = kinds.get(r.kind)!;
    k.rounds++;
    const total: Sums = { planned: 0, visited: 0, riskFound: 0 };
    const rows = children.map((c) => {
      const s: Sums = { planned: 0, visited: 0, riskFound: 0 };
      addTo(s, agg.get(c.code));
      addTo(total, agg.get(c.code));
      addTo(k.byArea.get(c.code)!, agg.get(c.code));
      return { areaCode: c.code, label: c.name, ...cell(s) };
    });
    k.total.planned += total.planned;
    k.total.visited += total.visited;
    k.total.riskFound += total.riskFound;
    const phase = roundPhase({ startsOn: r.starts_on, endsOn: r.ends_on }, today);
    out.push({
      id: Number(r.id), kind: r.kind, kindLabel: ROUND_KIND_LABELS[r.kind], name: r.name, startsOn: r.starts_on, endsOn: r.ends_on,
      phase, phaseLabel: ROUND_PHASE_LABELS[phase], total: cell(total), rows,
    });
  }
  return {
    area: { code: area.code, name: area.name, level: area.level },
    rounds: out,
    byKind: [...kinds].map(([kind, k]) => ({
      kind, kindLabel: ROUND_KIND_LABELS[kind], rounds: k.rounds, total: cell(k.total),
      rows: children.map((c) => ({ areaCode: c.code, label: c.name, ...cell(k.byArea.get(c.code)!) })),
    })),
  };
}
