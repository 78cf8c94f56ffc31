/**
 * Shapes shared by every workflow-backed API (warnings, monitoring cases, assistance): the recorded steps, the
 * actions a user may take next, deadlines and attachment metadata. Mirrors the server's workflow.schemas.ts.
 */

export type DeadlineStatus = 'on_time' | 'due_soon' | 'overdue';

/** A computed deadline of a workflow state (cases; assistance uses the date/status/text subset). */
export interface Deadline {
  rule: string;
  kind: 'max' | 'min';
  start: string;
  date: string;
  status: DeadlineStatus | null;
  reached: boolean;
  daysRemaining: number;
  text: string;
}

/** One recorded `workflow_step`. */
export interface WorkflowStep {
  seq: number;
  event: string;
  label: string;
  fromState: string | null;
  toState: string;
  actorName: string | null;
  actorRole: string;
  at: string;
  on: string;
  outcome: string;
  outcomeLabel: string;
  remarks: string | null;
  attachments: number[];
  subStep: string | null;
  bypassedGuards: string[];
  payload: unknown;
}

/** An action the current user may take from the current state. */
export interface WorkflowAction {
  event: string;
  label: string;
  to: string;
  outcome: string;
  remarksRequired: boolean;
  blockedReason: string | null;
  /** The deadlines the action would start. */
  deadlines: Deadline[];
}

export interface AttachmentMeta {
  id: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
  uploadedBy: string | null;
}
