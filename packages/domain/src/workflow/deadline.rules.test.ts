import { describe, expect, it } from 'vitest';
import {
  addCalendarDays, addWorkingDays, checkDeadlineConfig, daysBetween, daysRemaining, deadlineConfig, deadlineStatus, DEFAULT_DEADLINE_CONFIG,
  evaluateDeadline, helpPlanDueOn, identificationDueOn, isIsoDate, isWorkingDay, publicityPeriod, ruleDate, weekdayOf, type WorkCalendar,
} from './deadline.rules.js';

const NONE: WorkCalendar = { holidays: [], extraWorkingDays: [] };
// 2024 清明: 04-04 … 04-06 off, Sunday 04-07 worked.
const QINGMING: WorkCalendar = { holidays: ['2024-04-04', '2024-04-05', '2024-04-06'], extraWorkingDays: ['2024-04-07'] };
const working = deadlineConfig({ rules: { identification: { counting: 'working' }, publicity: { counting: 'working' }, help_plan: { counting: 'working' } } });

describe('calendar arithmetic', () => {
  it.each([
    ['1970-01-01', 4], ['1969-12-31', 3], ['2024-03-01', 5], ['2024-03-02', 6], ['2024-04-07', 0], ['2024-10-01', 2],
  ] as const)('weekday of %s is %i', (d, wd) => expect(weekdayOf(d)).toBe(wd));

  it.each([
    ['2024-02-28', 1, '2024-02-29'], ['2024-02-29', 1, '2024-03-01'], ['2023-12-31', 1, '2024-01-01'], ['2024-03-01', -1, '2024-02-29'], ['2024-03-01', 15, '2024-03-16'],
  ] as const)('%s + %i calendar days = %s', (d, n, out) => expect(addCalendarDays(d, n)).toBe(out));

  it.each([
    { name: 'Friday + 5 skips the weekend', from: '2024-03-01', n: 5, cal: NONE, out: '2024-03-08' },
    { name: 'Saturday + 1 is Monday', from: '2024-03-02', n: 1, cal: NONE, out: '2024-03-04' },
    { name: '0 days is the day itself', from: '2024-03-02', n: 0, cal: NONE, out: '2024-03-02' },
    { name: 'holidays skipped, make-up Sunday counted', from: '2024-04-03', n: 3, cal: QINGMING, out: '2024-04-09' },
    { name: 'without the holiday list', from: '2024-04-03', n: 3, cal: NONE, out: '2024-04-08' },
  ])('$name', ({ from, n, cal, out }) => expect(addWorkingDays(from, n, cal)).toBe(out));

  it.each([
    ['2024-03-02', NONE, false], ['2024-03-04', NONE, true], ['2024-04-04', QINGMING, false], ['2024-04-07', QINGMING, true],
  ] as const)('%s working day → %s', (d, cal, w) => expect(isWorkingDay(d, cal)).toBe(w));

  it.each([
    ['2024-03-01', '2024-03-08', 'calendar', 7], ['2024-03-01', '2024-03-08', 'working', 5], ['2024-03-08', '2024-03-01', 'working', -5],
    ['2024-03-08', '2024-03-09', 'working', 0], ['2024-03-05', '2024-03-05', 'working', 0],
  ] as const)('days in (%s, %s] counted %s = %i', (a, b, c, n) => expect(daysBetween(a, b, c, NONE)).toBe(n));

  it.each([['2024-02-29', true], ['2023-02-29', false], ['2024-13-01', false], ['2024-3-1', false]] as const)('isIsoDate(%s) → %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));
});

describe('due dates of the three rules', () => {
  it.each([
    { name: 'identification: 15 calendar days from the clue', got: () => identificationDueOn('2024-03-01'), out: '2024-03-16' },
    { name: 'identification: 15 working days', got: () => identificationDueOn('2024-03-01', working), out: '2024-03-22' },
    { name: 'identification configured to 10 days', got: () => identificationDueOn('2024-03-01', deadlineConfig({ rules: { identification: { days: 10 } } })), out: '2024-03-11' },
    { name: 'help plan: 10 days after county approval', got: () => helpPlanDueOn('2024-03-20'), out: '2024-03-30' },
    { name: 'help plan: 10 working days over 清明', got: () => helpPlanDueOn('2024-04-01', deadlineConfig({ rules: { help_plan: { counting: 'working' } }, calendar: QINGMING })), out: '2024-04-16' },
    { name: 'publicity minimum: next step from the 6th day', got: () => ruleDate('2024-03-01', DEFAULT_DEADLINE_CONFIG.rules.publicity, NONE), out: '2024-03-06' },
  ])('$name', ({ got, out }) => expect(got()).toBe(out));

  it.each([
    { name: '5 calendar days posted Friday', posted: '2024-03-01', cfg: DEFAULT_DEADLINE_CONFIG, out: { from: '2024-03-01', to: '2024-03-05', earliestNextStepOn: '2024-03-06' } },
    { name: '5 working days posted Friday', posted: '2024-03-01', cfg: working, out: { from: '2024-03-01', to: '2024-03-07', earliestNextStepOn: '2024-03-08' } },
    { name: '5 working days posted Monday ends Friday', posted: '2024-03-04', cfg: working, out: { from: '2024-03-04', to: '2024-03-08', earliestNextStepOn: '2024-03-11' } },
    { name: '7 calendar days (configured)', posted: '2024-03-01', cfg: deadlineConfig({ rules: { publicity: { days: 7 } } }), out: { from: '2024-03-01', to: '2024-03-07', earliestNextStepOn: '2024-03-08' } },
  ])('公示期 $name', ({ posted, cfg, out }) => expect(publicityPeriod(posted, cfg)).toEqual(out));
});

describe('status on an injected today', () => {
  const o = { counting: 'calendar' as const, calendar: NONE, dueSoonDays: 3 };
  it.each([
    { today: '2024-03-10', doneOn: null, status: 'on_time' },
    { today: '2024-03-12', doneOn: null, status: 'on_time' },
    { today: '2024-03-13', doneOn: null, status: 'due_soon' },
    { today: '2024-03-16', doneOn: null, status: 'due_soon' },
    { today: '2024-03-17', doneOn: null, status: 'overdue' },
    { today: '2024-03-30', doneOn: '2024-03-16', status: 'on_time' },
    { today: '2024-03-30', doneOn: '2024-03-17', status: 'overdue' },
  ] as const)('due 2024-03-16, today $today, done $doneOn → $status', ({ today, doneOn, status }) => {
    expect(deadlineStatus('2024-03-16', today, { ...o, doneOn })).toBe(status);
  });

  it('working-day rules count working days for due soon', () => {
    const w = { counting: 'working' as const, calendar: NONE, dueSoonDays: 3 };
    expect(deadlineStatus('2024-03-11', '2024-03-06', w)).toBe('due_soon'); // Thu, Fri, Mon = 3 working days
    expect(deadlineStatus('2024-03-11', '2024-03-05', w)).toBe('on_time');
    expect(deadlineStatus('2024-03-08', '2024-03-09', w)).toBe('overdue'); // a Saturday after a Friday deadline
    expect(daysRemaining('2024-03-08', '2024-03-09', 'working', NONE)).toBe(0);
  });

  it.each([
    { name: 'running', today: '2024-03-10', text: '识别纳入办理时限：2024-03-16 到期，剩余 6 天', status: 'on_time' },
    { name: 'due today', today: '2024-03-16', text: '识别纳入办理时限：今天（2024-03-16）到期', status: 'due_soon' },
    { name: 'overdue', today: '2024-03-18', text: '识别纳入办理时限：2024-03-16 到期，已逾期 2 天', status: 'overdue' },
  ])('evaluateDeadline $name', ({ today, text, status }) => {
    const e = evaluateDeadline('identification', '2024-03-01', today);
    expect(e).toMatchObject({ kind: 'max', date: '2024-03-16', status, text });
  });

  it('evaluateDeadline for a finished step and for a minimum', () => {
    expect(evaluateDeadline('help_plan', '2024-03-20', '2024-04-10', DEFAULT_DEADLINE_CONFIG, '2024-04-02').text).toBe('帮扶计划制定时限：应于 2024-03-30 前完成，2024-04-02 完成，超期');
    expect(evaluateDeadline('publicity', '2024-03-01', '2024-03-04')).toMatchObject({ kind: 'min', reached: false, status: null, daysRemaining: 2, text: '村内公示期未满：2024-03-06 起方可进行下一步，还需 2 天' });
    expect(evaluateDeadline('publicity', '2024-03-01', '2024-03-06')).toMatchObject({ reached: true, text: '村内公示期已满（5天），可进行下一步' });
  });
});

describe('configuration', () => {
  it('lays the settings over the defaults; the kind of a rule stays fixed', () => {
    const c = deadlineConfig({ rules: { publicity: { days: 7, counting: 'working', kind: 'max' } as never }, dueSoonDays: 2 });
    expect(c.rules.publicity).toEqual({ days: 7, counting: 'working', kind: 'min' });
    expect(c.rules.identification).toEqual(DEFAULT_DEADLINE_CONFIG.rules.identification);
    expect(c.dueSoonDays).toBe(2);
  });

  it.each([
    { name: 'defaults', cfg: DEFAULT_DEADLINE_CONFIG, problems: [] },
    { name: 'zero days', cfg: deadlineConfig({ rules: { identification: { days: 0 } } }), problems: ['识别纳入办理时限应为1-365之间的整数天'] },
    { name: 'fractional days', cfg: deadlineConfig({ rules: { help_plan: { days: 2.5 } } }), problems: ['帮扶计划制定时限应为1-365之间的整数天'] },
    { name: 'bad due-soon', cfg: deadlineConfig({ dueSoonDays: -1 }), problems: ['即将到期提醒天数应为0-30之间的整数'] },
    { name: 'bad holiday', cfg: deadlineConfig({ calendar: { holidays: ['2024-02-30'] } }), problems: ['节假日或调休日期格式错误：2024-02-30'] },
    { name: 'holiday and working day at once', cfg: deadlineConfig({ calendar: { holidays: ['2024-04-07'], extraWorkingDays: ['2024-04-07'] } }), problems: ['同一天不能既是节假日又是调休上班日：2024-04-07'] },
  ])('$name', ({ cfg, problems }) => expect(checkDeadlineConfig(cfg)).toEqual(problems));
});
