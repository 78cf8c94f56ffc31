import { COOP_CASE_KINDS, COOP_CASE_KIND_LABELS, type CoopCaseKind, type CoopTaskStatus } from '../shared/linkageDomain';
import type { CoopCaseStatus } from './types';

export const CASE_KIND_OPTIONS = COOP_CASE_KINDS.map((k) => ({ value: k, label: COOP_CASE_KIND_LABELS[k] }));
export const caseKindLabel = (k: string) => COOP_CASE_KIND_LABELS[k as CoopCaseKind] ?? k;
export const CASE_KIND_COLORS: Record<CoopCaseKind, string> = { joint_prevention: 'cyan', consultation: 'blue', joint_handling: 'purple', assignment: 'magenta' };

export const CASE_STATUS_LABELS: Record<CoopCaseStatus, string> = { open: '办理中', closed: '已办结' };
export const CASE_STATUS_OPTIONS = (Object.keys(CASE_STATUS_LABELS) as CoopCaseStatus[]).map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }));

export const TASK_STATUS_COLORS: Record<CoopTaskStatus, string> = { open: 'orange', done: 'green', carried_over: 'geekblue' };
