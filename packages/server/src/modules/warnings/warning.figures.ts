/**
 * The warning funnel (domain.md §4, §10): pushed → verified (an outcome recorded) → included, with the households and
 * persons included (persons = members of the included households, each household once), open warnings past their
 * verification date, and outcomes recorded after it — by source, by pushing department and by area.
 */
import { isVerificationOverdue, verificationDeadline, type WarningDeadlineConfig, type WarningState } from '@shouwang/domain';
import type { FigureRow } from './warnings.repository.js';
import type { Funnel } from './warnings.schemas.js';

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
