/**
 * The pure "5+2" rules and labels of packages/domain, re-exported in one place for the web bundle
 * (they are plain TS without runtime dependencies, so Vite bundles them as they are).
 */
export {
  DEPARTMENT_CLASS_LABELS,
  type DepartmentClass,
} from '../../../../../domain/src/linkage/departments.js';
export {
  RECTIFICATION_STATUS_LABELS,
  SELF_CHECK_OVERVIEW_LABELS,
  type RectificationStatus,
  type SelfCheckOverviewStatus,
  type SelfCheckStatus,
} from '../../../../../domain/src/linkage/self-check.rules.js';
export {
  COOP_CASE_KINDS,
  COOP_CASE_KIND_LABELS,
  COOP_TASK_STATUS_LABELS,
  type CoopCaseKind,
  type CoopTaskStatus,
} from '../../../../../domain/src/linkage/coop-case.rules.js';
export { deadlineState, type CalendarState } from '../../../../../domain/src/linkage/calendar.rules.js';
