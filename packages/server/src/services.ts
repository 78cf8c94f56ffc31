/** The composition of services from the database, clock and config. Routes receive this, nothing more. */
import type { Db } from './db/db.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { AuthService } from './modules/auth/auth.service.js';
import { RegistryService } from './modules/registry/registry.service.js';
import { UsersService } from './modules/users/users.service.js';
import { createLinkageServices, type LinkageServices } from './modules/linkage/linkage.services.js';
import { AttachmentService } from './modules/attachments/attachment.service.js';

export interface Services {
  db: Db;
  clock: Clock;
  auth: AuthService;
  users: UsersService;
  registry: RegistryService;
  linkage: LinkageServices;
  attachments: AttachmentService;
}

export function createServices(db: Db, clock: Clock, config: Pick<Config, 'SESSION_TTL_HOURS'> & Partial<Pick<Config, 'ATTACHMENT_MAX_BYTES'>>): Services {
  return {
    db,
    clock,
    auth: new AuthService(db, clock, config.SESSION_TTL_HOURS),
    users: new UsersService(db),
    registry: new RegistryService(db, clock),
    linkage: createLinkageServices(db, clock),
    attachments: new AttachmentService(db, config.ATTACHMENT_MAX_BYTES ?? 5 * 1_048_576),
  };
}
