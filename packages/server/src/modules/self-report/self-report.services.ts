/** The self-report services, composed from the database, clock and config. */
import type { Db } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import type { ServiceConfig } from '../../services.js';
import { SelfReportService } from './self-report.service.js';

export interface SelfReportServices {
  reports: SelfReportService;
}

export function createSelfReportServices(db: Db, clock: Clock, config: ServiceConfig): SelfReportServices {
  return {
    reports: new SelfReportService(db, clock, {
      maxPerClient: config.SELF_REPORT_MAX_PER_CLIENT ?? 10,
      maxPerHousehold: config.SELF_REPORT_MAX_PER_HOUSEHOLD ?? 5,
      windowMinutes: config.SELF_REPORT_WINDOW_MINUTES ?? 60,
    }, config.ATTACHMENT_MAX_BYTES ?? 5 * 1_048_576),
  };
}
