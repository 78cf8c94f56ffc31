/** The "5+2" linkage services: the monthly cycle, verification + scoring + ranking + notices, sharing + joint handling. */
import type { Db } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import { CycleService } from './cycle/cycle.service.js';
import { ScoringService } from './scoring/scoring.service.js';
import { SharingService } from './sharing/sharing.service.js';
import { CalendarService } from './calendar/calendar.service.js';

export interface LinkageServices {
  cycle: CycleService;
  scoring: ScoringService;
  sharing: SharingService;
  calendar: CalendarService;
}

export function createLinkageServices(db: Db, clock: Clock): LinkageServices {
  return { cycle: new CycleService(db, clock), scoring: new ScoringService(db, clock), sharing: new SharingService(db, clock), calendar: new CalendarService(db, clock) };
}
