/** The quality services (月度任务, 数据质量检查, 监测统计 and 监测线模拟), composed from the database, clock and config. */
import type { Db } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import type { ServiceConfig } from '../../services.js';
import { FollowupService } from './followup.service.js';
import { QualityCheckService } from './quality-check.service.js';
import { FiguresService } from './figures.service.js';

export interface QualityServices {
  followup: FollowupService;
  checks: QualityCheckService;
  figures: FiguresService;
}

export function createQualityServices(db: Db, clock: Clock, _config: ServiceConfig): QualityServices {
  return { followup: new FollowupService(db, clock), checks: new QualityCheckService(db, clock), figures: new FiguresService(db, clock) };
}
