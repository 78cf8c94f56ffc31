/**
 * The verification deadline as list filters: whether an OPEN warning is overdue or due soon depends only on the day it
 * was pushed (the rule is monotonic in that day), so each status is a range of `opened_on` computed once per request
 * with the domain's own `verificationDeadline` — the same rule the detail page shows, on both engines, without
 * re-implementing working-day arithmetic in SQL.
 */
import { addCalendarDays, verificationDeadline, type WarningDeadlineConfig } from '@shouwang/domain';

export interface DeadlineCutoffs {
  /** Open warnings pushed on or before this day are overdue today. */
  overdueOnOrBefore: string;
  /** Open warnings pushed after `overdueOnOrBefore` and on or before this day are due soon (equal: none). */
  dueSoonOnOrBefore: string;
}

export function deadlineCutoffs(today: string, config: WarningDeadlineConfig): DeadlineCutoffs {
  // Scan back from today: the newest pushed-day with each status. A working-day rule spans at most ~3× its days.
  const span = config.verification.days * 3 + 30;
  let overdue: string | null = null;
  let dueSoon: string | null = null;
  for (let i = 0; i <= span && overdue === null; i++) {
    const d = addCalendarDays(today, -i);
    const s = verificationDeadline({ state: 'pushed', openedOn: d, stateEnteredOn: d }, today, config).status;
    if (s === 'due_soon' && dueSoon === null) dueSoon = d;
    if (s === 'overdue') overdue = d;
  }
  const overdueOnOrBefore = overdue ?? addCalendarDays(today, -span - 1);
  return { overdueOnOrBefore, dueSoonOnOrBefore: dueSoon ?? overdueOnOrBefore };
}
