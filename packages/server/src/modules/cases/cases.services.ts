/** The cases services, composed from the database, clock and config. */
import type { Db } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import type { ServiceConfig } from '../../services.js';
import { CaseService } from './case.service.js';
import { NoticeService } from './notice.service.js';

export interface CaseServices {
  cases: CaseService;
  notices: NoticeService;
}

export function createCaseServices(db: Db, clock: Clock, _config: ServiceConfig): CaseServices {
  return { cases: new CaseService(db, clock), notices: new NoticeService(db, clock) };
}
