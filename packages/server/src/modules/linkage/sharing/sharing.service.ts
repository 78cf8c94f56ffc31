/** The "2" of "5+2": 信息共享 (the policy library) and 协同处置 (joint-handling cases). */
import type { Db } from '../../../db/db.js';
import type { Clock } from '../../../clock.js';
import { PolicyService } from './policy.service.js';
import { CoopService } from './coop.service.js';

export class SharingService {
  readonly policies: PolicyService;
  readonly coop: CoopService;

  constructor(db: Db, clock: Clock) {
    this.policies = new PolicyService(db, clock);
    this.coop = new CoopService(db, clock);
  }
}
