import { describe, expect, it } from 'vitest';
import {
  decideCaseChange, decideCaseClose, decideOpenedOn, decideTaskDeadline, decideTaskUpdate, isTaskOverdue,
  type CloseCheckTask, type TaskUpdateInput,
} from './coop-case.rules.js';

const TODAY = '2025-04-10';
const task = (title: string, status: CloseCheckTask['status'], departmentName = '县医保局'): CloseCheckTask => ({ title, status, departmentName });

describe('decideCaseClose', () => {
  it.each([
    { name: 'all done', status: 'open', tasks: [task('核实参保', 'done'), task('走访', 'done', '县民政局')], code: null },
    { name: 'done and carried over', status: 'open', tasks: [task('核实参保', 'done'), task('危房改造', 'carried_over', '县住建局')], code: null },
    { name: 'one open', status: 'open', tasks: [task('核实参保', 'done'), task('走访', 'open', '县民政局')], code: 'open_tasks' },
    { name: 'no tasks', status: 'open', tasks: [], code: 'no_tasks' },
    { name: 'already closed', status: 'closed', tasks: [task('核实参保', 'done')], code: 'case_closed' },
  ] as const)('$name → $code', ({ status, tasks, code }) => {
    const d = decideCaseClose(status, tasks);
    if (code === null) expect(d.ok).toBe(true);
    else expect(!d.ok && d.refusal).toMatchObject({ kind: 'conflict', code });
  });

  it('names every open task with its department', () => {
    const d = decideCaseClose('open', [task('核实参保', 'open'), task('已办', 'done'), task('入户走访', 'open', '县民政局')]);
    expect(!d.ok && d.refusal.message).toBe('尚有未完成任务：县医保局「核实参保」、县民政局「入户走访」');
  });
});

describe('decideTaskUpdate', () => {
  const base: TaskUpdateInput = {
    caseKind: 'joint_handling', caseStatus: 'open', current: { status: 'open', closedOn: null }, actor: 'department',
    next: { status: 'open' }, today: TODAY,
  };
  type Row = { name: string; change: Partial<TaskUpdateInput>; kind: 'ok' | 'invalid' | 'forbidden' | 'conflict'; code?: string; field?: string; closedOn?: string | null };
  const rows: Row[] = [
    { name: 'progress note while open', change: {}, kind: 'ok', closedOn: null },
    { name: 'done with a result', change: { next: { status: 'done', resultNote: '已完成参保' } }, kind: 'ok', closedOn: TODAY },
    { name: 'done without a result', change: { next: { status: 'done', resultNote: '  ' } }, kind: 'invalid', code: 'result_note_required', field: 'resultNote' },
    { name: 'carried over with a note', change: { next: { status: 'carried_over', carryNote: '纳入下季度危房改造计划' } }, kind: 'ok', closedOn: TODAY },
    { name: 'carried over without a note', change: { next: { status: 'carried_over' } }, kind: 'invalid', code: 'carry_note_required', field: 'carryNote' },
    { name: 'any change on a closed case', change: { caseStatus: 'closed', next: { status: 'done', resultNote: 'x' } }, kind: 'conflict', code: 'case_closed' },
    { name: 'office on a closed case', change: { caseStatus: 'closed', actor: 'office', current: { status: 'done', closedOn: '2025-04-01' }, next: { status: 'open' } }, kind: 'conflict', code: 'case_closed' },
    { name: 'department reopens a done task', change: { current: { status: 'done', closedOn: '2025-04-01' }, next: { status: 'open' } }, kind: 'forbidden', code: 'reopen_office_only' },
    { name: 'office reopens a done task', change: { actor: 'office', current: { status: 'done', closedOn: '2025-04-01' }, next: { status: 'open' } }, kind: 'ok', closedOn: null },
    { name: 'correcting the result keeps the closing day', change: { current: { status: 'done', closedOn: '2025-04-01' }, next: { status: 'done', resultNote: '补充说明' } }, kind: 'ok', closedOn: '2025-04-01' },
    { name: 'done → carried over closes anew', change: { current: { status: 'done', closedOn: '2025-04-01' }, next: { status: 'carried_over', carryNote: '转入' } }, kind: 'ok', closedOn: TODAY },
    { name: 'department carries over an assignment', change: { caseKind: 'assignment', next: { status: 'carried_over', carryNote: '转入' } }, kind: 'forbidden', code: 'carry_over_office_only' },
    { name: 'office carries over an assignment', change: { caseKind: 'assignment', actor: 'office', next: { status: 'carried_over', carryNote: '转入' } }, kind: 'ok', closedOn: TODAY },
    { name: 'department completes an assignment', change: { caseKind: 'assignment', next: { status: 'done', resultNote: '已整改' } }, kind: 'ok', closedOn: TODAY },
    { name: 'department edits an assignment already carried over', change: { caseKind: 'assignment', current: { status: 'carried_over', closedOn: '2025-04-02' }, next: { status: 'carried_over', carryNote: '补充' } }, kind: 'ok', closedOn: '2025-04-02' },
  ];
  it.each(rows)('$name → $kind', ({ change, kind, code, field, closedOn }) => {
    const d = decideTaskUpdate({ ...base, ...change });
    if (kind === 'ok') {
      expect(d).toEqual({ ok: true, value: { closedOn } });
    } else {
      expect(d.ok).toBe(false);
      expect(!d.ok && d.refusal).toMatchObject({ kind, code, ...(field ? { field } : {}) });
    }
  });
});

describe('dates and overdue', () => {
  it.each([
    { deadline: '2025-04-09', status: 'open', overdue: true },
    { deadline: '2025-04-10', status: 'open', overdue: false },
    { deadline: '2025-04-11', status: 'open', overdue: false },
    { deadline: '2025-04-01', status: 'done', overdue: false },
    { deadline: '2025-04-01', status: 'carried_over', overdue: false },
  ] as const)('task due $deadline, $status → overdue $overdue', ({ deadline, status, overdue }) => {
    expect(isTaskOverdue({ deadline, status }, TODAY)).toBe(overdue);
  });

  it.each([
    { openedOn: '2025-04-10', ok: true },
    { openedOn: '2025-03-01', ok: true },
    { openedOn: '2025-04-11', ok: false },
  ])('opened on $openedOn (today 2025-04-10) → ok $ok', ({ openedOn, ok }) => {
    expect(decideOpenedOn(openedOn, TODAY).ok).toBe(ok);
  });

  it.each([
    { deadline: '2025-04-10', openedOn: '2025-04-10', ok: true },
    { deadline: '2025-04-09', openedOn: '2025-04-10', ok: false },
    { deadline: '2025-05-01', openedOn: '2025-04-10', ok: true },
  ])('deadline $deadline for a case opened $openedOn → ok $ok', ({ deadline, openedOn, ok }) => {
    const d = decideTaskDeadline(deadline, openedOn, 'tasks.0.deadline');
    expect(d.ok).toBe(ok);
    if (!d.ok) expect(d.refusal).toMatchObject({ field: 'tasks.0.deadline', message: '任务期限不能早于立案日期（2025-04-10）' });
  });

  it.each([
    { status: 'open', ok: true },
    { status: 'closed', ok: false },
  ] as const)('changing a $status case → ok $ok', ({ status, ok }) => {
    expect(decideCaseChange(status).ok).toBe(ok);
  });
});
