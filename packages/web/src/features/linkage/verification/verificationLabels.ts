import { RECTIFICATION_STATUS_LABELS } from '../shared/linkageDomain';
import { SELF_CHECK_STATUS_LABELS } from '../shared/scoringDomain';
import type { TargetType, Verdict, VerifiedStatus } from './types';

export const TARGET_TYPE_LABELS: Record<TargetType, string> = { self_check: '自查报告', rectification: '整改事项' };
export const VERDICT_LABELS: Record<Verdict, string> = { confirms: '属实', contradicts: '不属实' };
export const VERIFIED_STATUS_LABELS: Record<VerifiedStatus, string> = { in_progress: '整改中', done: '已完成' };

/** The reported status of a sampled record, in words. */
export function targetStatusLabel(type: TargetType, status: string | null): string {
  if (!status) return '—';
  const labels: Record<string, string> = type === 'self_check' ? SELF_CHECK_STATUS_LABELS : RECTIFICATION_STATUS_LABELS;
  return labels[status] ?? status;
}
