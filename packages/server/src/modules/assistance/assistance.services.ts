/** The assistance services (早帮扶), composed from the database, clock and config. */
import type { Db } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import type { ServiceConfig } from '../../services.js';
import { HelperService } from './helper.service.js';
import { PlanService } from './plan.service.js';
import { VisitService } from './visit.service.js';

export interface AssistanceServices {
  helpers: HelperService;
  plans: PlanService;
  visits: VisitService;
}

export function createAssistanceServices(db: Db, clock: Clock, _config: ServiceConfig): AssistanceServices {
  const plans = new PlanService(db, clock);
  return { helpers: new HelperService(db, clock), plans, visits: new VisitService(db, clock, plans) };
}
