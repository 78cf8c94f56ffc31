/** The imports services, composed from the database, clock and config. */
import type { Db } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import type { ServiceConfig } from '../../services.js';
import { ImportService } from './imports.service.js';

export interface ImportServices {
  imports: ImportService;
}

export function createImportServices(db: Db, clock: Clock, config: ServiceConfig): ImportServices {
  return { imports: new ImportService(db, clock, config.IMPORT_MAX_BYTES ?? 200 * 1_048_576) };
}
