/** A department's submission in words: 按时报送 / 逾期报送 / 未报送 (due passed) / 待报送. */
import { Tag } from 'antd';
import type { Submission } from './types';
import { serverNow } from '../../../lib/today';
import { deadlineState } from '../shared/linkageDomain';

export type SubmissionState = 'on_time' | 'late' | 'missing' | 'pending';

const LABELS: Record<SubmissionState, string> = { on_time: '按时报送', late: '逾期报送', missing: '未报送', pending: '待报送' };
const COLORS: Record<SubmissionState, string> = { on_time: 'green', late: 'orange', missing: 'red', pending: 'default' };

export function submissionState(s: Submission, dueDate: string): SubmissionState {
  if (s.status === 'submitted') return s.late ? 'late' : 'on_time';
  return deadlineState(dueDate, false, serverNow().format('YYYY-MM-DD')) === 'overdue' ? 'missing' : 'pending';
}

export function SubmissionStateTag({ state }: { state: SubmissionState }) {
  return <Tag color={COLORS[state]}>{LABELS[state]}</Tag>;
}
