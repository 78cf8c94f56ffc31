/**
 * 协同处置 (joint handling, seed 004 §三(二)2): a case routes work to departments as tasks and is closed only
 * when every task is 办结 (done) or 转入后续计划 (carried over) — 闭环管理. Pure rules; "today" is passed in.
 *
 * Decisions documented here:
 * - A case is opened with at least one task, and is closed only with at least one task: a case that routed no
 *   work to any department has nothing to show for its closure.
 * - A task marked done needs a result note; carried over needs a carry note (what follow-up plan takes it).
 * - Once a case is closed, neither the case nor its tasks change, and no task is added.
 * - A done / carried-over task of an open case may be reopened by the county office only (e.g. after a
 *   verification finds it not done); a department cannot reopen it.
 * - For 交办 (assignment) cases, only the county office may carry a task over: an assigned item still open after
 *   its deadline costs the department 3 points, and a department may not excuse itself from that.
 */
export type CoopCaseKind = 'joint_prevention' | 'consultation' | 'joint_handling' | 'assignment';
export type CoopCaseStatus = 'open' | 'closed';
export type CoopTaskStatus = 'open' | 'done' | 'carried_over';

export const COOP_CASE_KINDS: readonly CoopCaseKind[] = ['joint_prevention', 'consultation', 'joint_handling', 'assignment'];
export const COOP_TASK_STATUSES: readonly CoopTaskStatus[] = ['open', 'done', 'carried_over'];

export const COOP_CASE_KIND_LABELS: Record<CoopCaseKind, string> = {
  joint_prevention: '联防联控',
  consultation: '联席会商',
  joint_handling: '联合处置',
  assignment: '交办',
};

export const COOP_TASK_STATUS_LABELS: Record<CoopTaskStatus, string> = {
  open: '办理中',
  done: '已办结',
  carried_over: '转入后续计划',
};

/** Why a change is refused: `invalid` → 400, `forbidden` → 403, `conflict` → 409. */
export interface CoopRefusal {
  kind: 'invalid' | 'forbidden' | 'conflict';
  code: string;
  message: string;
  field?: string;
}

export type CoopDecision<T> = { ok: true; value: T } | { ok: false; refusal: CoopRefusal };

const ok = <T>(value: T): CoopDecision<T> => ({ ok: true, value });
const refuse = (kind: CoopRefusal['kind'], code: string, message: string, field?: string): CoopDecision<never> => ({
  ok: false,
  refusal: { kind, code, message, ...(field ? { field } : {}) },
});

const CASE_CLOSED_MESSAGE = '该协同处置事项已办结，不能再修改';

export const isTaskClosed = (status: CoopTaskStatus) => status !== 'open';

/** An open task whose deadline (inclusive) has passed as of `today` (YYYY-MM-DD). */
export const isTaskOverdue = (t: { status: CoopTaskStatus; deadline: string }, today: string) => t.status === 'open' && t.deadline < today;

/** Editing a case or adding a task to it: only while it is open. */
export function decideCaseChange(caseStatus: CoopCaseStatus): CoopDecision<true> {
  return caseStatus === 'closed' ? refuse('conflict', 'case_closed', CASE_CLOSED_MESSAGE) : ok(true);
}

/** A case may be opened (YYYY-MM-DD) up to today, not in the future. */
export function decideOpenedOn(openedOn: string, today: string): CoopDecision<string> {
  return openedOn > today ? refuse('invalid', 'opened_in_future', '立案日期不能晚于今天', 'openedOn') : ok(openedOn);
}

/** A task's deadline may not precede the day its case was opened. */
export function decideTaskDeadline(deadline: string, openedOn: string, field = 'deadline'): CoopDecision<string> {
  return deadline < openedOn ? refuse('invalid', 'deadline_before_opened', `任务期限不能早于立案日期（${openedOn}）`, field) : ok(deadline);
}

export interface CloseCheckTask {
  title: string;
  departmentName: string;
  status: CoopTaskStatus;
}

/** Closing a case: open, with at least one task, every task done or carried over; names the open ones. */
export function decideCaseClose(caseStatus: CoopCaseStatus, tasks: readonly CloseCheckTask[]): CoopDecision<true> {
  if (caseStatus === 'closed') return refuse('conflict', 'case_closed', '该协同处置事项已办结');
  if (tasks.length === 0) return refuse('conflict', 'no_tasks', '尚未分派任何部门任务，不能办结');
  const open = tasks.filter((t) => !isTaskClosed(t.status));
  if (open.length) return refuse('conflict', 'open_tasks', `尚有未完成任务：${open.map((t) => `${t.departmentName}「${t.title}」`).join('、')}`);
  return ok(true);
}

export interface TaskUpdateInput {
  caseKind: CoopCaseKind;
  caseStatus: CoopCaseStatus;
  current: { status: CoopTaskStatus; closedOn: string | null };
  actor: 'office' | 'department';
  next: { status: CoopTaskStatus; resultNote?: string | null; carryNote?: string | null };
  today: string;
}

const filled = (s: string | null | undefined) => typeof s === 'string' && s.trim().length > 0;

/** A task update (progress, done, carried over, reopen): allowed or refused, and the resulting closed_on. */
export function decideTaskUpdate(u: TaskUpdateInput): CoopDecision<{ closedOn: string | null }> {
  if (u.caseStatus === 'closed') return refuse('conflict', 'case_closed', CASE_CLOSED_MESSAGE);
  const { current, next } = u;
  const reopening = isTaskClosed(current.status) && next.status === 'open';
  if (reopening && u.actor !== 'office') {
    return refuse('forbidden', 'reopen_office_only', '已办结或已转入后续计划的任务只能由县联动办公室重新打开');
  }
  if (next.status === 'carried_over' && current.status !== 'carried_over' && u.caseKind === 'assignment' && u.actor !== 'office') {
    return refuse('forbidden', 'carry_over_office_only', '交办事项转入后续计划须由县联动办公室确认');
  }
  if (next.status === 'done' && !filled(next.resultNote)) return refuse('invalid', 'result_note_required', '标记办结须填写办理结果', 'resultNote');
  if (next.status === 'carried_over' && !filled(next.carryNote)) {
    return refuse('invalid', 'carry_note_required', '转入后续计划须填写转入说明（转入哪项计划、如何跟进）', 'carryNote');
  }
  if (next.status === 'open') return ok({ closedOn: null });
  // Same closed status again (e.g. correcting the note): keep the day it was closed.
  return ok({ closedOn: next.status === current.status && current.closedOn ? current.closedOn : u.today });
}
