/** STUB — replaced by the sharing work. */
import type { Db } from '../../../db/db.js';
import type { Clock } from '../../../clock.js';

export class SharingService {
  constructor(readonly db: Db, readonly clock: Clock) {}
}
