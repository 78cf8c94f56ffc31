/** The screening services, composed from the database, clock and config. */
import type { Db } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import type { ServiceConfig } from '../../services.js';
import { ScreeningService } from './screening.service.js';

export interface ScreeningServices {
  rounds: ScreeningService;
}

export function createScreeningServices(db: Db, clock: Clock, _config: ServiceConfig): ScreeningServices {
  return { rounds: new ScreeningService(db, clock) };
}
