/** The comparison services, composed from the database, clock and config. */
import type { Db } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import type { ServiceConfig } from '../../services.js';
import { ComparisonRuleService } from './comparison-rule.service.js';
import { ComparisonRunService } from './comparison-run.service.js';

export interface ComparisonServices {
  rules: ComparisonRuleService;
  runs: ComparisonRunService;
}

/** Default upload limit when the config gives none (IMPORT_MAX_BYTES' default). */
const DEFAULT_IMPORT_MAX_BYTES = 200 * 1_048_576;

export function createComparisonServices(db: Db, clock: Clock, config: ServiceConfig): ComparisonServices {
  const rules = new ComparisonRuleService(db);
  return { rules, runs: new ComparisonRunService(db, clock, rules, config.IMPORT_MAX_BYTES ?? DEFAULT_IMPORT_MAX_BYTES) };
}
