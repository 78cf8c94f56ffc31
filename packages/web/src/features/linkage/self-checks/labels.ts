/** Colours and options of the self-check statuses (labels come from the domain rules). */
import {
  RECTIFICATION_STATUS_LABELS, SELF_CHECK_OVERVIEW_LABELS, type RectificationStatus, type SelfCheckOverviewStatus,
} from '../shared/linkageDomain';

export const OVERVIEW_STATUS_COLORS: Record<SelfCheckOverviewStatus, string> = {
  on_time: 'green',
  late: 'orange',
  draft: 'blue',
  missing: 'red',
  not_due: 'default',
};

export const OVERVIEW_STATUS_ORDER: SelfCheckOverviewStatus[] = ['on_time', 'late', 'draft', 'missing', 'not_due'];
export const overviewStatusLabel = (s: SelfCheckOverviewStatus) => SELF_CHECK_OVERVIEW_LABELS[s];

export const RECTIFICATION_STATUS_COLORS: Record<RectificationStatus, string> = {
  in_progress: 'orange',
  done: 'green',
  long_term: 'purple',
};

export const RECTIFICATION_STATUS_OPTIONS = (Object.keys(RECTIFICATION_STATUS_LABELS) as RectificationStatus[]).map((value) => ({
  value,
  label: RECTIFICATION_STATUS_LABELS[value],
}));
