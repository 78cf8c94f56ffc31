/** The composition of services from the database, clock and config. Routes receive this, nothing more. */
import type { Db } from './db/db.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { AuthService } from './modules/auth/auth.service.js';
import { RegistryService } from './modules/registry/registry.service.js';
import { UsersService } from './modules/users/users.service.js';
import { createLinkageServices, type LinkageServices } from './modules/linkage/linkage.services.js';
import { AttachmentService } from './modules/attachments/attachment.service.js';
import { createImportServices, type ImportServices } from './modules/imports/imports.services.js';
import { createComparisonServices, type ComparisonServices } from './modules/comparison/comparison.services.js';
import { createWarningServices, type WarningServices } from './modules/warnings/warnings.services.js';
import { createSelfReportServices, type SelfReportServices } from './modules/self-report/self-report.services.js';
import { createScreeningServices, type ScreeningServices } from './modules/screening/screening.services.js';
import { createCaseServices, type CaseServices } from './modules/cases/cases.services.js';
import { createAssistanceServices, type AssistanceServices } from './modules/assistance/assistance.services.js';
import { createQualityServices, type QualityServices } from './modules/quality/quality.services.js';

export interface Services {
  db: Db;
  clock: Clock;
  auth: AuthService;
  users: UsersService;
  registry: RegistryService;
  linkage: LinkageServices;
  attachments: AttachmentService;
  imports: ImportServices;
  comparison: ComparisonServices;
  warnings: WarningServices;
  selfReport: SelfReportServices;
  screening: ScreeningServices;
  cases: CaseServices;
  assistance: AssistanceServices;
  quality: QualityServices;
}

/** The configuration services read (tests pass a partial one; defaults apply). */
export type ServiceConfig = Pick<Config, 'SESSION_TTL_HOURS'> &
  Partial<Pick<Config, 'ATTACHMENT_MAX_BYTES' | 'IMPORT_MAX_BYTES' | 'SELF_REPORT_MAX_PER_CLIENT' | 'SELF_REPORT_MAX_PER_HOUSEHOLD' | 'SELF_REPORT_WINDOW_MINUTES'>>;

export function createServices(db: Db, clock: Clock, config: ServiceConfig): Services {
  return {
    db,
    clock,
    auth: new AuthService(db, clock, config.SESSION_TTL_HOURS),
    users: new UsersService(db),
    registry: new RegistryService(db, clock),
    linkage: createLinkageServices(db, clock),
    attachments: new AttachmentService(db, config.ATTACHMENT_MAX_BYTES ?? 5 * 1_048_576),
    imports: createImportServices(db, clock, config),
    comparison: createComparisonServices(db, clock, config),
    warnings: createWarningServices(db, clock, config),
    selfReport: createSelfReportServices(db, clock, config),
    screening: createScreeningServices(db, clock, config),
    cases: createCaseServices(db, clock, config),
    assistance: createAssistanceServices(db, clock, config),
    quality: createQualityServices(db, clock, config),
  };
}
