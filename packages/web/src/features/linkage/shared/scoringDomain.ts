/**
 * The pure scoring/period/ranking rules of packages/domain re-exported for the web bundle (plain TS, no runtime
 * dependencies): quarter arithmetic, the 1224 ranking used for provisional ranks, and the 附件4 catalogue types.
 */
export {
  monthsOfQuarter,
  quarterEnd,
  quarterLabel,
  quarterOfMonth,
  previousQuarter,
  type Month,
  type Quarter,
} from '../../../../../domain/src/linkage/period.rules.js';
export { rankByScore, type Ranked } from '../../../../../domain/src/linkage/ranking.rules.js';
export type { FactRef, ScoreLine, QuarterScore } from '../../../../../domain/src/linkage/scoring.rules.js';
export { SELF_CHECK_STATUS_LABELS } from '../../../../../domain/src/linkage/self-check.rules.js';
