import { describe, expect, it } from 'vitest';
import {
  checkFilingDepartment, checkFilingMonth, checkRectification, checkRectificationChange, checkReopenable, checkReportEditable,
  checkSubmittable, checkTownshipCoverage, checkTownshipRankingDepartment, isLateSubmission, rankTownships, selfCheckOverviewStatus,
  SELF_CHECK_MESSAGES as M, type RectificationState,
} from './self-check.rules.js';

const TODAY = '2026-03-10';

describe('filing', () => {
  it.each([
    ['2026-03', null],
    ['2026-02', null],
    ['2025-12', null],
    ['2026-04', { kind: 'invalid', message: M.futureMonth, field: 'month' }],
    ['2027-01', { kind: 'invalid', message: M.futureMonth, field: 'month' }],
  ] as const)('month %s on %s', (month, verdict) => expect(checkFilingMonth(month, TODAY)).toEqual(verdict));

  it.each([
    ['medical_insurance', 'medical_insurance', null],
    ['medical_insurance', 'education', { kind: 'forbidden', message: M.otherDepartment, field: 'departmentCode' }],
    [null, 'education', { kind: 'forbidden', message: M.otherDepartment, field: 'departmentCode' }],
  ] as const)('user of %s filing for %s', (own, target, verdict) => expect(checkFilingDepartment(own, target)).toEqual(verdict));

  it.each([
    ['2026-04-04', '2026-04-05', false],
    ['2026-04-05', '2026-04-05', false],
    ['2026-04-06', '2026-04-05', true],
    ['2026-05-01', '2026-04-05', true],
  ] as const)('first submitted %s, due %s: late %s', (on, due, late) => expect(isLateSubmission(on, due)).toBe(late));
});

describe('report state', () => {
  it.each([
    ['draft', null],
    ['submitted', { kind: 'conflict', message: M.submittedLocked }],
  ] as const)('edit a %s report', (status, verdict) => expect(checkReportEditable(status)).toEqual(verdict));

  it.each([
    [{ status: 'draft', summary: '本月自查情况' }, null],
    [{ status: 'draft', summary: '   ' }, { kind: 'invalid', message: M.summaryRequired, field: 'summary' }],
    [{ status: 'submitted', summary: '本月自查情况' }, { kind: 'conflict', message: M.alreadySubmitted }],
  ] as const)('submit %j', (r, verdict) => expect(checkSubmittable(r)).toEqual(verdict));

  it.each([
    ['submitted', null],
    ['draft', { kind: 'conflict', message: M.notSubmitted }],
  ] as const)('reopen a %s report', (status, verdict) => expect(checkReopenable(status)).toEqual(verdict));
});

describe('rectifications', () => {
  const base: RectificationState = { problem: '部分参保信息未及时核对', deadline: '2026-03-31', status: 'in_progress', doneOn: null };

  it.each([
    [{}, null],
    [{ status: 'long_term' }, null],
    [{ status: 'done', doneOn: '2026-03-09' }, null],
    [{ status: 'done', doneOn: TODAY }, null],
    [{ status: 'done' }, { kind: 'invalid', message: M.doneNeedsDate, field: 'doneOn' }],
    [{ status: 'done', doneOn: '2026-03-11' }, { kind: 'invalid', message: M.doneDateInFuture, field: 'doneOn' }],
    [{ status: 'in_progress', doneOn: '2026-03-01' }, { kind: 'invalid', message: M.doneDateOnlyWhenDone, field: 'doneOn' }],
    [{ status: 'long_term', doneOn: '2026-03-01' }, { kind: 'invalid', message: M.doneDateOnlyWhenDone, field: 'doneOn' }],
  ] as const)('%j', (change, verdict) => expect(checkRectification({ ...base, ...change }, TODAY)).toEqual(verdict));

  const done: RectificationState = { ...base, status: 'done', doneOn: '2026-03-05' };
  it.each([
    // [before, change, report locked, verdict]
    [base, { status: 'done', doneOn: '2026-03-08' }, true, null],
    [base, { status: 'long_term' }, true, null],
    [{ ...base, status: 'long_term' }, { status: 'in_progress' }, true, null],
    [{ ...base, status: 'long_term' }, { status: 'done', doneOn: '2026-03-08' }, true, null],
    [done, { doneOn: '2026-03-06' }, true, null],
    [done, { status: 'in_progress', doneOn: null }, true, { kind: 'conflict', message: M.doneIsFinal, field: 'status' }],
    [done, { status: 'in_progress', doneOn: null }, false, null],
    [base, { problem: '改写的问题' }, true, { kind: 'conflict', message: M.problemLocked, field: 'problem' }],
    [base, { problem: '改写的问题' }, false, null],
    [base, { deadline: '2026-06-30' }, true, { kind: 'conflict', message: M.deadlineLocked, field: 'deadline' }],
    [base, { deadline: '2026-06-30' }, false, null],
    [base, { status: 'done' }, false, { kind: 'invalid', message: M.doneNeedsDate, field: 'doneOn' }],
  ] as const)('from %j apply %j (locked %s)', (before, change, locked, verdict) =>
    expect(checkRectificationChange(before, { ...before, ...change }, locked, TODAY)).toEqual(verdict));
});

describe('overview status', () => {
  it.each([
    [null, '2026-03-05', '2026-03-05', 'not_due'],
    [null, '2026-03-05', '2026-03-06', 'missing'],
    [{ status: 'draft', submittedLate: false }, '2026-03-05', '2026-03-20', 'draft'],
    [{ status: 'draft', submittedLate: false }, '2026-03-05', '2026-03-01', 'draft'],
    [{ status: 'submitted', submittedLate: false }, '2026-03-05', '2026-03-20', 'on_time'],
    [{ status: 'submitted', submittedLate: true }, '2026-03-05', '2026-03-20', 'late'],
  ] as const)('report %j due %s on %s → %s', (r, due, today, s) => expect(selfCheckOverviewStatus(r, due, today)).toBe(s));
});

describe('township ranking', () => {
  const towns = [{ code: '411321101', name: '留山镇' }, { code: '411321102', name: '云阳镇' }, { code: '411321103', name: '皇路店镇' }];

  it.each([
    ['close', null],
    ['related', { kind: 'invalid', message: M.notCloseDepartment, field: 'departmentCode' }],
    ['emergency', { kind: 'invalid', message: M.notCloseDepartment, field: 'departmentCode' }],
  ] as const)('a %s department', (cls, verdict) => expect(checkTownshipRankingDepartment(cls)).toEqual(verdict));

  it.each([
    [['411321101', '411321102', '411321103'], null],
    [['411321103', '411321101', '411321102'], null],
    [['411321101', '411321102'], { kind: 'invalid', message: '缺少乡镇“皇路店镇”的评分，每个乡镇都要评分', field: 'items' }],
    [['411321101'], { kind: 'invalid', message: '缺少乡镇“云阳镇、皇路店镇”的评分，每个乡镇都要评分', field: 'items' }],
    [['411321101', '411321102', '411321101', '411321103'], { kind: 'invalid', message: '乡镇“留山镇”重复评分', field: 'items.2.townshipCode' }],
    [['411321101', '411321999', '411321102', '411321103'], { kind: 'invalid', message: '411321999 不是本县的乡镇', field: 'items.1.townshipCode' }],
  ] as const)('items %j', (codes, verdict) => expect(checkTownshipCoverage(towns, codes)).toEqual(verdict));

  it('refuses when the county has no townships', () => {
    expect(checkTownshipCoverage([], [])).toEqual({ kind: 'invalid', message: M.noTownships, field: 'items' });
  });

  it('ranks by score, ties share a rank, keeping the remark', () => {
    const r = rankTownships([
      { townshipCode: 'a', score: 88, remark: null },
      { townshipCode: 'b', score: 95.5, remark: '好' },
      { townshipCode: 'c', score: 88, remark: null },
      { townshipCode: 'd', score: 70, remark: null },
    ]);
    expect(r.map((x) => [x.townshipCode, x.score, x.rank])).toEqual([['b', 95.5, 1], ['a', 88, 2], ['c', 88, 2], ['d', 70, 4]]);
    expect(r[0]!.remark).toBe('好');
  });
});
