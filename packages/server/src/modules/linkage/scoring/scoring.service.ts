/** STUB — replaced by the scoring work. */
import type { Db } from '../../../db/db.js';
import type { Clock } from '../../../clock.js';

export class ScoringService {
  constructor(readonly db: Db, readonly clock: Clock) {}
}
