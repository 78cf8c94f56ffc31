/** Ranks of provisional scores within each class (office score only, 1224 ranking as the quarterly ranking does). */
import { rankByScore } from '../shared/scoringDomain';
import type { DepartmentScore } from './types';

export function provisionalRanks(items: readonly DepartmentScore[]): Map<string, number> {
  const out = new Map<string, number>();
  const classes = new Set(items.map((i) => i.class));
  for (const cls of classes) {
    const ranked = rankByScore(items.filter((i) => i.class === cls).map((i) => ({ departmentCode: i.departmentCode, officeScore: i.total })));
    for (const r of ranked) out.set(r.departmentCode, r.rank);
  }
  return out;
}
