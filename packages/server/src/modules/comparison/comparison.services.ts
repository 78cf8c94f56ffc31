/** The comparison services, composed from the database, clock and config. */
import type { Db } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import type { ServiceConfig } from '../../services.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ComparisonServices {}

export function createComparisonServices(_db: Db, _clock: Clock, _config: ServiceConfig): ComparisonServices {
  return {};
}
