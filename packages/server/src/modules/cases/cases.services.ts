/** The cases services, composed from the database, clock and config. */
import type { Db } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import type { ServiceConfig } from '../../services.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CaseServices {}

export function createCaseServices(_db: Db, _clock: Clock, _config: ServiceConfig): CaseServices {
  return {};
}
