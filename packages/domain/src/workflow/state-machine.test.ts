import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_CONFIG } from './deadline.rules.js';
import {
  allowedEvents, caseDeadlines, describeMachine, openCase, transition, validateMachine,
  type WorkflowActor, type WorkflowCase, type WorkflowMachine, type WorkflowNow,
} from './state-machine.js';

// A toy machine exercising every feature of the table: parallel sub-steps, an overridable guard, objections that
// pause, a minimum period, no self-approval, effects.
type S = 'draft' | 'review' | 'notice' | 'approval' | 'done' | 'rejected';
type E = 'part_a' | 'part_b' | 'submit' | 'override' | 'object' | 'settle' | 'close_notice' | 'approve' | 'reject';
type F = { ok: boolean };
type M = WorkflowMachine<S, E, F, { note?: string }>;

const toy: M = {
  id: 'toy',
  label: '测试流程',
  initial: 'draft',
  openRoles: ['village_cadre'],
  states: {
    draft: { label: '准备', subSteps: [{ id: 'a', label: '甲' }, { id: 'b', label: '乙' }] },
    review: { label: '评议' },
    notice: { label: '公示' },
    approval: { label: '审批' },
    done: { label: '已办结', terminal: true },
    rejected: { label: '已驳回', terminal: true },
  },
  events: { part_a: '甲', part_b: '乙', submit: '提交', override: '越过', object: '异议', settle: '处理异议', close_notice: '公示期满', approve: '通过', reject: '驳回' },
  transitions: [
    { from: 'draft', event: 'part_a', to: 'review', label: '完成甲', roles: ['village_cadre'], outcome: 'completed', completes: 'a', effects: ['joined'] },
    { from: 'draft', event: 'part_b', to: 'review', label: '完成乙', roles: ['township_cadre'], outcome: 'completed', completes: 'b', effects: ['joined'] },
    { from: 'review', event: 'submit', to: 'notice', label: '评议通过', roles: ['village_cadre'], outcome: 'approved', guard: 'ok' },
    { from: 'review', event: 'override', to: 'review', label: '越过标准', roles: ['county_office'], outcome: 'overridden', overrides: 'ok', remarksRequired: true },
    { from: 'notice', event: 'object', to: 'notice', label: '登记异议', roles: ['village_cadre'], outcome: 'objection_raised', objection: 'raise', remarksRequired: true },
    { from: 'notice', event: 'settle', to: 'notice', label: '异议处理完毕', roles: ['village_cadre'], outcome: 'objection_resolved', objection: 'resolve', remarksRequired: true },
    { from: 'notice', event: 'close_notice', to: 'approval', label: '公示期满', roles: ['village_cadre'], outcome: 'completed', deadlines: [{ rule: 'publicity', from: 'state_entered' }, { rule: 'identification', from: 'opened' }] },
    { from: 'notice', event: 'reject', to: 'rejected', label: '驳回', roles: ['village_cadre'], outcome: 'rejected', remarksRequired: true, allowedWhilePaused: true },
    { from: 'approval', event: 'approve', to: 'done', label: '审批通过', roles: ['county_office'], outcome: 'approved', noSelfApproval: true, effects: ['approved'] },
    { from: 'approval', event: 'reject', to: 'rejected', label: '驳回', roles: ['county_office'], outcome: 'rejected', remarksRequired: true },
  ],
  guards: { ok: { label: '条件满足', overridable: true, check: (c) => (c.facts.ok ? null : '条件不满足') } },
  inputChecks: {},
  deadlines: DEFAULT_DEADLINE_CONFIG,
};

const village: WorkflowActor = { id: 'v1', role: 'village_cadre', name: '王村' };
const township: WorkflowActor = { id: 't1', role: 'township_cadre' };
const county: WorkflowActor = { id: 'c1', role: 'county_office' };
const county2: WorkflowActor = { id: 'c2', role: 'county_office' };
const at = (today: string): WorkflowNow => ({ at: `${today}T01:00:00.000Z`, today });

const kase = (over: Partial<WorkflowCase<S, F>> = {}): WorkflowCase<S, F> => ({
  state: 'draft', version: 3, openedOn: '2024-03-01', stateEnteredOn: '2024-03-01', doneSubSteps: [], openObjections: 0,
  lastActorId: 'v1', overrides: [], facts: { ok: true }, ...over,
});

function ok(r: ReturnType<typeof transition<S, E, F, { note?: string }>>) {
  if (!r.ok) throw new Error(`refused: ${r.refusal.message}`);
  return r;
}

describe('openCase', () => {
  it('opens in the initial state with an opening step', () => {
    const r = openCase(toy, { ok: true }, village, at('2024-03-02'), { openedOn: '2024-03-01', remarks: ' 农户自主申报 ' });
    expect(r.ok && r.case).toEqual(kase({ version: 1, stateEnteredOn: '2024-03-02', lastActorId: 'v1' }));
    expect(r.ok && r.step).toMatchObject({ event: 'open', from: null, to: 'draft', outcome: 'opened', remarks: '农户自主申报', on: '2024-03-02' });
  });
  it('refuses a role that may not open', () => {
    const r = openCase(toy, { ok: true }, county, at('2024-03-02'));
    expect(!r.ok && r.refusal).toMatchObject({ code: 'role_forbidden', status: 403, roles: ['village_cadre'] });
  });
});

describe('parallel sub-steps', () => {
  it.each([
    { name: 'a then b', order: [[village, 'part_a'], [township, 'part_b']] as const },
    { name: 'b then a', order: [[township, 'part_b'], [village, 'part_a']] as const },
  ])('$name: stays until both are done, then moves', ({ order }) => {
    const first = ok(transition(toy, kase(), { type: order[0][1] }, order[0][0], at('2024-03-02')));
    expect(first.case).toMatchObject({ state: 'draft', doneSubSteps: [first.step.subStep], stateEnteredOn: '2024-03-01', version: 4 });
    expect(first.step.to).toBe('draft');
    expect(first.effects).toEqual([]);
    const second = ok(transition(toy, first.case, { type: order[1][1] }, order[1][0], at('2024-03-03')));
    expect(second.case).toMatchObject({ state: 'review', doneSubSteps: [], stateEnteredOn: '2024-03-03', version: 5 });
    expect(second.step).toMatchObject({ from: 'draft', to: 'review' });
    expect(second.effects).toEqual(['joined']);
  });

  it('a done sub-step is not offered again and is refused', () => {
    const c = kase({ doneSubSteps: ['a'] });
    expect(allowedEvents(toy, c, village, at('2024-03-02'))).toEqual([]);
    const r = transition(toy, c, { type: 'part_a' }, village, at('2024-03-02'));
    expect(!r.ok && r.refusal).toMatchObject({ code: 'not_allowed_from_state', status: 409, allowed: [] });
    expect(!r.ok && r.refusal.message).toContain('「甲」已完成');
  });
});

describe('guards and overrides', () => {
  const review = kase({ state: 'review', facts: { ok: false } });

  it('a failing guard refuses with its reason, and the UI sees the action blocked', () => {
    const r = transition(toy, review, { type: 'submit' }, village, at('2024-03-04'));
    expect(!r.ok && r.refusal).toEqual({ code: 'guard_failed', status: 409, guard: 'ok', message: '条件不满足' });
    expect(allowedEvents(toy, review, village, at('2024-03-04'))).toMatchObject([{ event: 'submit', blockedReason: '条件不满足' }]);
  });

  it('the override is offered to the county only while the guard fails, needs a reason, and is recorded', () => {
    expect(allowedEvents(toy, review, county, at('2024-03-04')).map((a) => a.event)).toEqual(['override']);
    expect(allowedEvents(toy, kase({ state: 'review' }), county, at('2024-03-04'))).toEqual([]);
    const noReason = transition(toy, review, { type: 'override', remarks: '  ' }, county, at('2024-03-04'));
    expect(!noReason.ok && noReason.refusal).toMatchObject({ code: 'input_invalid', status: 400, field: 'remarks', message: '「越过标准」须填写理由' });
    const o = ok(transition(toy, review, { type: 'override', remarks: '经县级会商同意' }, county, at('2024-03-04')));
    expect(o.case).toMatchObject({ state: 'review', overrides: ['ok'], lastActorId: 'c1' });
    expect(o.step).toMatchObject({ outcome: 'overridden', remarks: '经县级会商同意' });
    expect(allowedEvents(toy, o.case, county, at('2024-03-04'))).toEqual([]);
    const s = ok(transition(toy, o.case, { type: 'submit' }, village, at('2024-03-04')));
    expect(s.step.bypassedGuards).toEqual(['ok']);
  });

  it('a passing guard records no bypass even when an override exists', () => {
    const s = ok(transition(toy, kase({ state: 'review', overrides: ['ok'] }), { type: 'submit' }, village, at('2024-03-04')));
    expect(s.step.bypassedGuards).toEqual([]);
  });
});

describe('objections pause the case; the minimum period holds the next step', () => {
  const notice = kase({ state: 'notice', stateEnteredOn: '2024-03-04', lastActorId: 'v1' });

  it.each([
    { name: 'before 5 days', c: notice, today: '2024-03-08', code: 'guard_failed', guard: 'minimum_publicity' },
    { name: 'on the 6th day', c: notice, today: '2024-03-09', code: null },
    { name: 'paused by an objection', c: { ...notice, openObjections: 1 }, today: '2024-03-12', code: 'paused' },
  ])('close the notice $name', ({ c, today, code, guard }) => {
    const r = transition(toy, c, { type: 'close_notice' }, village, at(today));
    if (code === null) expect(r.ok && r.case.state).toBe('approval');
    else expect(!r.ok && r.refusal).toMatchObject({ code, ...(guard ? { guard } : {}) });
  });

  it('raising, listing while paused, resolving', () => {
    const raised = ok(transition(toy, notice, { type: 'object', remarks: '村民反映该户有经营性收入' }, village, at('2024-03-05')));
    expect(raised.case.openObjections).toBe(1);
    const paused = transition(toy, raised.case, { type: 'close_notice' }, village, at('2024-03-10'));
    expect(!paused.ok && paused.refusal).toMatchObject({ code: 'paused', status: 409, allowed: ['object', 'settle', 'reject'] });
    expect(!paused.ok && paused.refusal.message).toBe('有 1 条异议待处理，处理完毕前不能「公示期满」；当前可执行：登记异议、异议处理完毕、驳回');
    const resolved = ok(transition(toy, raised.case, { type: 'settle', remarks: '经核实，收入已计入' }, village, at('2024-03-10')));
    expect(resolved.case.openObjections).toBe(0);
    expect(ok(transition(toy, resolved.case, { type: 'close_notice' }, village, at('2024-03-10'))).case.state).toBe('approval');
  });

  it('reject runs while paused; settle needs an open objection', () => {
    const r = ok(transition(toy, { ...notice, openObjections: 2 }, { type: 'reject', remarks: '异议属实' }, village, at('2024-03-06')));
    expect(r.case).toMatchObject({ state: 'rejected', openObjections: 0 });
    const s = transition(toy, notice, { type: 'settle', remarks: 'x' }, village, at('2024-03-06'));
    expect(!s.ok && s.refusal).toMatchObject({ code: 'not_allowed_from_state' });
  });

  it('allowedEvents shows the minimum period as the blocking reason and the running deadlines', () => {
    const [, close] = allowedEvents(toy, notice, village, at('2024-03-06'));
    expect(close).toMatchObject({ event: 'close_notice', blockedReason: '村内公示期未满：2024-03-09 起方可进行下一步，还需 3 天' });
    expect(close!.deadlines.map((d) => [d.rule, d.date])).toEqual([['publicity', '2024-03-09'], ['identification', '2024-03-16']]);
    expect(caseDeadlines(toy, notice, '2024-03-14').map((d) => [d.rule, d.status])).toEqual([['identification', 'due_soon']]);
  });
});

describe('refusals', () => {
  const approval = kase({ state: 'approval', lastActorId: 'c1' });
  type Row = { name: string; c: WorkflowCase<S, F>; ev: E | string; actor: WorkflowActor; expectedVersion?: number; refusal: Record<string, unknown> };
  const rows: Row[] = [
    { name: 'event not in this state', c: kase({ state: 'review' }), ev: 'approve', actor: county, refusal: { code: 'not_allowed_from_state', status: 409, allowed: [], message: '当前环节「评议」不能执行「通过」；当前没有可执行的操作' } },
    { name: 'unknown event', c: kase({ state: 'review' }), ev: 'fly', actor: village, refusal: { code: 'not_allowed_from_state', allowed: ['submit'] } },
    { name: 'terminal state', c: kase({ state: 'done' }), ev: 'approve', actor: county, refusal: { code: 'not_allowed_from_state', allowed: [], message: '该事项已办结，不能再办理' } },
    { name: 'wrong role', c: approval, ev: 'approve', actor: township, refusal: { code: 'role_forbidden', status: 403, roles: ['county_office'], message: '「审批通过」只能由县联动办公室/乡村振兴局办理' } },
    { name: 'self-approval', c: approval, ev: 'approve', actor: county, refusal: { code: 'self_approval', status: 403 } },
    { name: 'stale version', c: approval, ev: 'approve', actor: county2, expectedVersion: 2, refusal: { code: 'version_conflict', status: 409, currentVersion: 3 } },
    { name: 'reject without a reason', c: approval, ev: 'reject', actor: county, refusal: { code: 'input_invalid', status: 400, field: 'remarks', message: '「驳回」须填写理由' } },
  ];
  it.each(rows)('$name', ({ c, ev, actor, expectedVersion, refusal }) => {
    const r = transition(toy, c, { type: ev as E, expectedVersion }, actor, at('2024-03-20'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.refusal).toMatchObject(refusal);
  });

  it('self-approval hides the action from that user only', () => {
    expect(allowedEvents(toy, approval, county, at('2024-03-20')).map((a) => a.event)).toEqual(['reject']);
    expect(allowedEvents(toy, approval, county2, at('2024-03-20')).map((a) => a.event)).toEqual(['approve', 'reject']);
  });
});

describe('the step record and the next case', () => {
  it('records who, when, outcome, remarks, attachments, payload and effects', () => {
    const r = ok(transition(toy, kase({ state: 'approval', lastActorId: 'c1', version: 7 }), { type: 'approve', remarks: ' 同意 ', attachments: ['f-1'], payload: { note: 'n' }, expectedVersion: 7 }, county2, at('2024-03-20')));
    expect(r.step).toEqual({
      event: 'approve', label: '审批通过', from: 'approval', to: 'done', actorId: 'c2', actorRole: 'county_office', actorName: null,
      at: '2024-03-20T01:00:00.000Z', on: '2024-03-20', outcome: 'approved', remarks: '同意', attachments: ['f-1'], subStep: null,
      bypassedGuards: [], payload: { note: 'n' }, effects: ['approved'],
    });
    expect(r.case).toMatchObject({ state: 'done', version: 8, stateEnteredOn: '2024-03-20', lastActorId: 'c2' });
    expect(r.effects).toEqual(['approved']);
  });
});

describe('validateMachine', () => {
  it('the toy machine is sound', () => expect(validateMachine(toy)).toEqual([]));

  it.each([
    { name: 'duplicate row', change: (m: M): M => ({ ...m, transitions: [...m.transitions, m.transitions[2]!] }), problem: 'duplicate row review/submit' },
    { name: 'unknown guard', change: (m: M): M => ({ ...m, guards: {} }), problem: 'review/submit: unknown guard ok' },
    { name: 'leaving a terminal state', change: (m: M): M => ({ ...m, transitions: [...m.transitions, { ...m.transitions[0]!, from: 'done', event: 'approve', completes: undefined }] }), problem: 'done/approve: leaves a terminal state' },
    { name: 'override of a plain guard', change: (m: M): M => ({ ...m, guards: { ok: { ...m.guards.ok!, overridable: false } } }), problem: 'review/override: overrides a guard that is not overridable' },
    { name: 'unreachable state', change: (m: M): M => ({ ...m, transitions: m.transitions.filter((t) => t.to !== 'rejected') }), problem: 'state rejected unreachable' },
    { name: 'sub-step without a row', change: (m: M): M => ({ ...m, transitions: m.transitions.filter((t) => t.event !== 'part_b') }), problem: 'sub-step draft/b has no row' },
  ])('finds: $name', ({ change, problem }) => expect(validateMachine(change(toy))).toContain(problem));

  it('describes the table in words', () => {
    const rows = describeMachine(toy);
    expect(rows).toHaveLength(toy.transitions.length);
    expect(rows.find((r) => r.action === '公示期满')).toEqual({ from: '公示', action: '公示期满', to: '审批', roles: '村干部/网格员/驻村第一书记', guard: '', deadline: '村内公示期≥5天；识别纳入办理时限≤15天', noSelfApproval: false });
    expect(rows[0]!.guard).toBe('完成「甲」');
  });
});
