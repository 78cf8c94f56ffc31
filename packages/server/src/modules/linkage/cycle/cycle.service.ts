/** STUB — replaced by the cycle work. */
import type { Db } from '../../../db/db.js';
import type { Clock } from '../../../clock.js';

export class CycleService {
  constructor(readonly db: Db, readonly clock: Clock) {}
}
