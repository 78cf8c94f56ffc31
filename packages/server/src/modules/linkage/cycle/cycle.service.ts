/** The monthly "5+2" cycle: departments and duty lists, self-checks with rectifications, township rankings, meetings. */
import type { Db } from '../../../db/db.js';
import type { Clock } from '../../../clock.js';
import { DepartmentService } from './department.service.js';
import { MeetingService } from './meeting.service.js';
import { SelfCheckService } from './self-check.service.js';
import { TownshipRankingService } from './township-ranking.service.js';

export class CycleService {
  readonly departments: DepartmentService;
  readonly selfChecks: SelfCheckService;
  readonly townshipRankings: TownshipRankingService;
  readonly meetings: MeetingService;

  constructor(readonly db: Db, readonly clock: Clock) {
    this.departments = new DepartmentService(db);
    this.selfChecks = new SelfCheckService(db, clock);
    this.townshipRankings = new TownshipRankingService(db, clock);
    this.meetings = new MeetingService(db, clock);
  }
}

export { seedDepartmentDuties } from './department.repository.js';
