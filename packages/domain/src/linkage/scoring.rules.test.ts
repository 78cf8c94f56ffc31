/**
 * The scoring engine against hand-computed quarters (附件4). Quarter: 2026 Q1 (months 01-03, self-checks due
 * 02-05, 03-05, 04-05); evaluated as of 2026-04-10 unless stated.
 */
import { describe, expect, it } from 'vitest';
import { computeQuarterScore, ScoringError, scoreItem, SCORE_ITEMS, type DepartmentQuarterFacts, type SelfCheckFact } from './scoring.rules.js';

const Q1 = { year: 2026, quarter: 1 as const };
const AS_OF = '2026-04-10';
const due = { '2026-01': '2026-02-05', '2026-02': '2026-03-05', '2026-03': '2026-04-05' } as const;

const none = (cls: DepartmentQuarterFacts['departmentClass'] = 'related'): DepartmentQuarterFacts => ({
  departmentClass: cls, selfChecks: [], townshipRankings: [], rectifications: [], assignments: [], attendance: [], submissions: [], warningCredits: [], manualItems: [],
});
const sc = (month: keyof typeof due, submittedOn: string | null, problemCount: number, extra: Partial<SelfCheckFact> = {}): SelfCheckFact => ({
  month, ref: { type: 'self_check', id: month }, status: submittedOn ? 'submitted' : 'draft', submittedOn, dueDate: due[month], problemCount, ...extra,
});
const allGood = (cls: DepartmentQuarterFacts['departmentClass']): DepartmentQuarterFacts => ({
  ...none(cls),
  selfChecks: [sc('2026-01', '2026-02-03', 2), sc('2026-02', '2026-03-04', 1), sc('2026-03', '2026-04-05', 3)],
  townshipRankings: cls === 'close' ? (['2026-01', '2026-02', '2026-03'] as const).map((m) => ({ month: m, ref: { type: 'township_ranking', id: m } })) : [],
});
const codes = (s: ReturnType<typeof computeQuarterScore>) => Object.fromEntries(s.lines.map((l) => [l.code + (l.month ? `@${l.month}` : ''), l.points]));

describe('computeQuarterScore', () => {
  it('a related department with no activity at all: 100 − 3×8 = 76', () => {
    const s = computeQuarterScore(Q1, none('related'), AS_OF);
    expect(s.total).toBe(76);
    expect(codes(s)).toEqual({ 'no_self_check@2026-01': -8, 'no_self_check@2026-02': -8, 'no_self_check@2026-03': -8 });
  });

  it('a close department with no activity: 76 − 3×5 (no township ranking) = 61', () => {
    expect(computeQuarterScore(Q1, none('close'), AS_OF).total).toBe(61);
  });

  it('counts nothing for a month whose self-check is not yet due', () => {
    // On 2026-03-20 only January and February are past due.
    expect(computeQuarterScore(Q1, none('related'), '2026-03-20').total).toBe(84);
    // On the due day itself the self-check is not late yet.
    expect(computeQuarterScore(Q1, none('related'), '2026-04-05').total).toBe(84);
  });

  it('a department that did everything on time scores 100', () => {
    expect(computeQuarterScore(Q1, allGood('close'), AS_OF)).toMatchObject({ total: 100, lines: [] });
  });

  it('one fact → one item: a late self-check with no problem is −1 and −3, never also −8', () => {
    const f = allGood('related');
    f.selfChecks[1] = sc('2026-02', '2026-03-09', 0);
    expect(codes(computeQuarterScore(Q1, f, AS_OF))).toEqual({ 'submission_late@2026-02': -1, 'self_check_no_problem@2026-02': -3 });
  });

  it('a draft never submitted counts as no self-check; a verified "not done" too', () => {
    const f = allGood('related');
    f.selfChecks[0] = sc('2026-01', null, 4);
    f.selfChecks[2] = sc('2026-03', '2026-04-01', 2, { foundNotDone: true });
    const s = computeQuarterScore(Q1, f, AS_OF);
    expect(codes(s)).toEqual({ 'no_self_check@2026-01': -8, 'no_self_check@2026-03': -8 });
    expect(s.total).toBe(84);
  });

  it('rectifications: overdue −2 each, long-term exempt, done in time fine, a finding overrides the report', () => {
    const f = allGood('related');
    const r = (id: number, deadline: string, status: 'in_progress' | 'done' | 'long_term', doneOn: string | null, verifiedStatus?: 'in_progress' | 'done') =>
      ({ ref: { type: 'rectification', id }, deadline, status, doneOn, ...(verifiedStatus ? { verifiedStatus } : {}) });
    f.rectifications = [
      r(1, '2026-02-28', 'in_progress', null), // overdue → −2
      r(2, '2026-03-15', 'done', '2026-03-10'), // fine
      r(3, '2026-01-31', 'long_term', null), // exempt
      r(4, '2026-05-31', 'in_progress', null), // deadline after quarter end → not yet
      r(5, '2026-03-01', 'done', '2026-02-20', 'in_progress'), // reported done, found not done → −2
      r(6, '2026-03-01', 'done', '2026-04-20'), // done only after the quarter ended → overdue at quarter end
    ];
    const s = computeQuarterScore(Q1, f, AS_OF);
    const line = s.lines.find((l) => l.code === 'rectification_overdue')!;
    expect(line).toMatchObject({ count: 3, points: -6 });
    expect(line.refs.map((x) => x.id)).toEqual([1, 5, 6]);
    expect(s.total).toBe(94);
  });

  it('daily work, assignments, warnings and manual items, with half points', () => {
    const f = allGood('close');
    f.attendance = [
      { ref: { type: 'meeting', id: 1 }, date: '2026-01-20', status: 'absent' },
      { ref: { type: 'meeting', id: 2 }, date: '2026-02-20', status: 'improper' },
      { ref: { type: 'meeting', id: 3 }, date: '2026-03-20', status: 'present' },
      { ref: { type: 'meeting', id: 4 }, date: '2026-03-25', status: 'excused' },
    ];
    f.submissions = [
      { ref: { type: 'submission', id: 1 }, dueDate: '2026-01-15', submittedOn: '2026-01-20' }, // late −1
      { ref: { type: 'submission', id: 2 }, dueDate: '2026-02-15', submittedOn: null }, // missing −2
      { ref: { type: 'submission', id: 3 }, dueDate: '2026-03-15', submittedOn: '2026-03-14' }, // fine
    ];
    f.assignments = [
      { ref: { type: 'coop_task', id: 1 }, deadline: '2026-02-01', closedOn: null }, // −3
      { ref: { type: 'coop_task', id: 2 }, deadline: '2026-02-01', closedOn: '2026-01-30' },
    ];
    f.warningCredits = [{ ref: { type: 'warning', id: 7 }, date: '2026-02-02' }, { ref: { type: 'warning', id: 8 }, date: '2026-03-02' }];
    f.manualItems = [
      { ref: { type: 'manual', id: 1 }, code: 'notice_city', count: 1, date: '2026-02-10' }, // −3
      { ref: { type: 'manual', id: 2 }, code: 'publicity_county', count: 3, date: '2026-03-10' }, // +1.5
      { ref: { type: 'manual', id: 3 }, code: 'speech_county_meeting', count: 1, date: '2026-03-11' }, // +1
    ];
    const s = computeQuarterScore(Q1, f, AS_OF);
    // 100 −2 −1 −1 −2 −3 +4 −3 +1.5 +1 = 94.5
    expect(s.total).toBe(94.5);
    expect(s.deductions).toBe(-12);
    expect(s.additions).toBe(6.5);
    expect(codes(s)).toEqual({
      meeting_absent: -2, meeting_improper: -1, submission_late: -1, submission_missing: -2, assignment_overdue: -3,
      warning_verified: 4, notice_city: -3, publicity_county: 1.5, speech_county_meeting: 1,
    });
  });

  it('refuses an unknown item code with a typed error, never a silent 0', () => {
    const f = none('related');
    f.manualItems = [{ ref: { type: 'manual', id: 1 }, code: 'bonus_for_friends', count: 1, date: '2026-02-01' }];
    expect(() => computeQuarterScore(Q1, f, AS_OF)).toThrow(ScoringError);
    expect(() => computeQuarterScore(Q1, f, AS_OF)).toThrow('未知的评分项目代码: bonus_for_friends');
  });

  it('refuses a computed item entered by hand, and a non-positive count', () => {
    const f = none('related');
    f.manualItems = [{ ref: { type: 'manual', id: 1 }, code: 'no_self_check', count: 1, date: '2026-02-01' }];
    expect(() => computeQuarterScore(Q1, f, AS_OF)).toThrow(expect.objectContaining({ kind: 'not_manual' }));
    f.manualItems = [{ ref: { type: 'manual', id: 1 }, code: 'praise_county', count: 0, date: '2026-02-01' }];
    expect(() => computeQuarterScore(Q1, f, AS_OF)).toThrow(expect.objectContaining({ kind: 'bad_count' }));
  });
});

describe('the catalogue matches 附件4', () => {
  it.each([
    ['notice_national', -10], ['notice_provincial', -5], ['notice_city', -3], ['notice_county', -2],
    ['no_self_check', -8], ['no_township_ranking', -5], ['self_check_no_problem', -3], ['rectification_overdue', -2],
    ['assignment_overdue', -3], ['petition_escalated', -2], ['negative_opinion', -3],
    ['meeting_absent', -2], ['meeting_improper', -1], ['submission_late', -1], ['submission_missing', -2],
    ['praise_national', 5], ['praise_provincial', 3], ['praise_city', 2], ['praise_county', 1],
    ['speech_national', 5], ['speech_provincial', 3], ['speech_city', 2], ['speech_county_meeting', 1],
    ['warning_verified', 2], ['publicity_national', 3], ['publicity_provincial', 2], ['publicity_city', 1], ['publicity_county', 0.5],
  ] as const)('%s = %s', (code, points) => expect(scoreItem(code).points).toBe(points));
  it('has no other items', () => expect(SCORE_ITEMS).toHaveLength(28));
});
