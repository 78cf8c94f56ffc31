/**
 * Overdue and due-soon cases per level (domain.md §5: "overdue steps are visible to the level above"): a case's
 * urgency is the worst status among its running `max` deadlines (`caseDeadlines`); the county sees its townships'
 * counts, a township its villages', a village its own. Pure: the caller evaluates the deadlines with the county's
 * configuration and today's date.
 *
 * Decisions documented here:
 * - A case counts once, under its worst status: overdue beats due soon beats on time.
 * - A paused case (an objection open) is still counted: the 15-day limit keeps running while an objection is handled
 *   (the policy limit is for the whole process); the list shows it as paused so the level above can see why.
 * - The child area of a case is the area one level below the viewer's (county → township, township → village); a
 *   viewer at village level (or a code deeper than expected) sees the village itself.
 */
import type { DeadlineEvaluation, DeadlineStatus } from './deadline.rules.js';

const STATUS_RANK: Record<DeadlineStatus, number> = { on_time: 0, due_soon: 1, overdue: 2 };

/** The worst status of the running deadlines, or null when none runs (e.g. a terminal case). */
export function worstDeadlineStatus(deadlines: readonly Pick<DeadlineEvaluation, 'status'>[]): DeadlineStatus | null {
  let worst: DeadlineStatus | null = null;
  for (const d of deadlines) {
    if (!d.status) continue;
    if (worst === null || STATUS_RANK[d.status] > STATUS_RANK[worst]) worst = d.status;
  }
  return worst;
}

/** The area one level below the viewer's scope that contains the village (the village itself at the bottom). */
export function childAreaOf(villageCode: string, scopeCode: string): string {
  const next = scopeCode.length < 6 ? scopeCode.length + 2 : scopeCode.length === 6 ? 9 : 12;
  return villageCode.slice(0, Math.min(next, villageCode.length));
}

export interface CaseUrgency {
  villageCode: string;
  kind: string;
  status: DeadlineStatus | null;
}

export interface AreaOverdueCount {
  areaCode: string;
  open: number;
  overdue: number;
  dueSoon: number;
  /** By kind of case (identification / elimination). */
  overdueByKind: Record<string, number>;
}

/** Counts per child area of the viewer's scope, sorted by overdue (desc), then due soon (desc), then code. */
export function summariseOverdue(cases: readonly CaseUrgency[], scopeCode: string): AreaOverdueCount[] {
  const by = new Map<string, AreaOverdueCount>();
  for (const c of cases) {
    const areaCode = childAreaOf(c.villageCode, scopeCode);
    const row = by.get(areaCode) ?? { areaCode, open: 0, overdue: 0, dueSoon: 0, overdueByKind: {} };
    row.open++;
    if (c.status === 'overdue') {
      row.overdue++;
      row.overdueByKind[c.kind] = (row.overdueByKind[c.kind] ?? 0) + 1;
    } else if (c.status === 'due_soon') row.dueSoon++;
    by.set(areaCode, row);
  }
  return [...by.values()].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || a.areaCode.localeCompare(b.areaCode));
}
