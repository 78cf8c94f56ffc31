/**
 * The scoring part of the "5+2" linkage: settings, 资料报送, 每月核查, manual score items, scores and evaluations,
 * 每季度排序 and 每季度通报 — one service per concern, composed here.
 */
import type { Db } from '../../../db/db.js';
import type { Clock } from '../../../clock.js';
import { SettingsService } from './settings.service.js';
import { SubmissionService } from './submission.service.js';
import { VerificationService } from './verification.service.js';
import { ManualItemService } from './manual-item.service.js';
import { ScoreService } from './score.service.js';
import { RankingService } from './ranking.service.js';
import { NoticeService } from './notice.service.js';

export class ScoringService {
  readonly settings: SettingsService;
  readonly submissions: SubmissionService;
  readonly verification: VerificationService;
  readonly manualItems: ManualItemService;
  readonly scores: ScoreService;
  readonly rankings: RankingService;
  readonly notices: NoticeService;

  constructor(readonly db: Db, readonly clock: Clock) {
    this.settings = new SettingsService(db);
    this.submissions = new SubmissionService(db, clock);
    this.verification = new VerificationService(db, clock);
    this.manualItems = new ManualItemService(db);
    this.scores = new ScoreService(db, clock);
    this.rankings = new RankingService(db, clock);
    this.notices = new NoticeService(db, clock);
  }
}
