/** Placeholder replaced by the demo generator work — see demo/README in the brief. */
import type { Db } from '../db/db.js';
import type { Clock } from '../clock.js';

export interface DemoUser { username: string; role: string; label: string }
export interface DemoResult { loaded: boolean; households: number; persons: number; users: DemoUser[] }

export async function loadDemoIfEmpty(_db: Db, _o: { counties: string[]; scale: number; password: string; clock: Clock }): Promise<DemoResult> {
  throw new Error('demo generator not written yet');
}
