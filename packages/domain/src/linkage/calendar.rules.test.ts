import { describe, expect, it } from 'vitest';
import { buildLinkageCalendar, deadlineState, helperDays } from './calendar.rules.js';

describe('deadlineState', () => {
  it.each([
    ['2026-11-05', true, '2026-11-20', 'done'],
    ['2026-11-05', false, '2026-11-06', 'overdue'],
    ['2026-11-05', false, '2026-11-05', 'due_soon'],
    ['2026-11-05', false, '2026-11-02', 'due_soon'],
    ['2026-11-05', false, '2026-11-01', 'pending'],
    ['2027-01-02', false, '2026-12-30', 'due_soon'],
  ] as const)('%s done=%s on %s → %s', (date, done, today, state) => expect(deadlineState(date, done, today)).toBe(state));
});

describe('buildLinkageCalendar', () => {
  const base = {
    month: '2026-12', today: '2026-12-04', selfCheckDueDay: 5, meetings: [{ date: '2026-12-18', title: '12月推进会' }],
    submissions: [], tasks: [{ deadline: '2026-12-10', title: '核实危房', departmentCode: 'housing', done: false }],
  };
  const depts = [{ code: 'education', name: '县教育局' }, { code: 'housing', name: '县住建局' }];

  it('for the office: one self-check item with the count, meetings, tasks, quarter end, 帮扶日', () => {
    const items = buildLinkageCalendar({ ...base, departments: depts, selfCheckSubmitted: new Set(['education']) });
    expect(items.map((i) => [i.date, i.kind, i.state])).toEqual([
      ['2026-12-05', 'helper_day', 'pending'],
      ['2026-12-05', 'self_check_due', 'due_soon'],
      ['2026-12-10', 'task_due', 'pending'],
      ['2026-12-15', 'helper_day', 'pending'],
      ['2026-12-18', 'meeting', 'pending'],
      ['2026-12-25', 'helper_day', 'pending'],
      ['2026-12-31', 'quarter_end', 'pending'],
    ]);
    expect(items.find((i) => i.kind === 'self_check_due')!.title).toBe('11月自查报告截止（已提交 1/2）');
  });

  it('for one department: its own self-check state', () => {
    const items = buildLinkageCalendar({ ...base, today: '2026-12-06', departments: [depts[1]!], selfCheckSubmitted: new Set() });
    expect(items.find((i) => i.kind === 'self_check_due')).toMatchObject({ departmentCode: 'housing', state: 'overdue', title: '11月自查报告截止' });
  });

  it('has no quarter end outside the last month of a quarter', () => {
    const items = buildLinkageCalendar({ ...base, month: '2026-11', departments: depts, selfCheckSubmitted: new Set() });
    expect(items.some((i) => i.kind === 'quarter_end')).toBe(false);
  });

  it('helper days end in 5', () => expect(helperDays('2026-02')).toEqual(['2026-02-05', '2026-02-15', '2026-02-25']));
});
