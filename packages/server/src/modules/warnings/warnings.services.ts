/** The warnings services, composed from the database, clock and config. */
import type { Db } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import type { ServiceConfig } from '../../services.js';
import { WarningService } from './warnings.service.js';

export interface WarningServices {
  warnings: WarningService;
}

export function createWarningServices(db: Db, clock: Clock, _config: ServiceConfig): WarningServices {
  return { warnings: new WarningService(db, clock) };
}
