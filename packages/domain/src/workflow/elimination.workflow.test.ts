import { describe, expect, it } from 'vitest';
import { evaluateElimination, type EliminationInput } from '../monitoring/elimination.rules.js';
import { criteriaFailureText, eliminationMachine, type EliminationCase, type EliminationEvent, type EliminationFacts, type EliminationState } from './elimination.workflow.js';
import { allowedEvents, describeMachine, openCase, transition, validateMachine, type WorkflowActor } from './state-machine.js';

const M = eliminationMachine();
const village: WorkflowActor = { id: 'u-village', role: 'village_cadre' };
const township: WorkflowActor = { id: 'u-town', role: 'township_cadre' };
const county: WorkflowActor = { id: 'u-county', role: 'county_office' };
const county2: WorkflowActor = { id: 'u-county-2', role: 'county_office' };
const now = (today: string) => ({ at: `${today}T02:00:00.000Z`, today });

const INPUT: EliminationInput = {
  assessedOn: '2024-10-15',
  income: [{ from: '2024-01', to: '2024-09', perCapitaNetIncome: 9120 }],
  basicNeeds: { housingUnsafe: false, schoolingDropout: false, medicalUninsured: false, waterUnsafe: false },
  risks: [{ type: 'illness', resolved: true }],
  newRisks: [],
  measures: [{ code: 'industry', status: 'implemented' }],
  members: [{ labourSkill: 'ordinary' }],
};
const facts = (over: Partial<EliminationInput> = {}): EliminationFacts => ({ evaluation: evaluateElimination({ ...INPUT, ...over }) });
const PASS = facts();
const FAIL = facts({ income: [{ from: '2024-01', to: '2024-09', perCapitaNetIncome: 7900 }], basicNeeds: { ...INPUT.basicNeeds, waterUnsafe: true } });
const NATURAL = facts({ measures: [] });

const at = (state: EliminationState, over: Partial<EliminationCase> = {}): EliminationCase => ({
  state, version: 4, openedOn: '2024-10-15', stateEnteredOn: '2024-10-16', doneSubSteps: [], openObjections: 0, lastActorId: 'u-other',
  overrides: [], facts: PASS, ...over,
});

describe('the risk-elimination table', () => {
  it('is sound', () => expect(validateMachine(M)).toEqual([]));
  it('guards the village, township and county decisions with the criteria', () => {
    const guarded = describeMachine(M).filter((r) => r.guard.startsWith('风险消除标准')).map((r) => r.action);
    expect(guarded).toEqual(['村级评议通过，张贴公示', '乡镇审核通过', '县级审批通过']);
  });
});

describe('a household whose criteria pass is eliminated', () => {
  it('goes through every step and is marked 帮扶消除', () => {
    const o = openCase(M, PASS, village, now('2024-10-15'));
    if (!o.ok) throw new Error('refused');
    let c = o.case;
    const script: [EliminationEvent, WorkflowActor, string, { method?: 'assisted' | 'natural' }?][] = [
      ['record_home_visit', village, '2024-10-15'],
      ['approve', village, '2024-10-16'],
      ['complete_publicity', village, '2024-10-21'],
      ['approve', township, '2024-10-22'],
      ['approve', county, '2024-10-23'],
      ['publish_result', county2, '2024-10-24'],
      ['mark', county, '2024-10-25', { method: 'assisted' }],
    ];
    const effects: string[] = [];
    for (const [type, actor, today, payload] of script) {
      const r = transition(M, c, { type, payload }, actor, now(today));
      if (!r.ok) throw new Error(`${type}: ${r.refusal.message}`);
      expect(r.step.bypassedGuards).toEqual([]);
      effects.push(...r.effects);
      c = r.case;
      if (type === 'mark') expect(r.step.payload).toEqual({ method: 'assisted' });
    }
    expect(c.state).toBe('done');
    expect(effects).toEqual(['notice_posted', 'result_announced', 'risk_eliminated']);
  });
});

describe('criteria failing', () => {
  it('the refusal lists every failing criterion with its numbers', () => {
    const r = transition(M, at('village_review', { facts: FAIL }), { type: 'approve' }, village, now('2024-10-16'));
    expect(!r.ok && r.refusal).toMatchObject({ code: 'guard_failed', status: 409, guard: 'criteria_pass' });
    expect(!r.ok && r.refusal.message).toBe(criteriaFailureText(FAIL.evaluation));
    expect(!r.ok && r.refusal.message).toBe(
      '风险消除标准未全部满足：1. 人均纯收入稳定超过监测线——人均纯收入 7,900 元（2024-04）≤ 监测线 8,300 元；近 6 个月中 6 个月未超过监测线，最近连续 0 个月超过，需连续 6 个月；'
      + '2. “三保障”和饮水安全有保障——存在问题：饮水出现安全问题。如确需消除，须由县联动办公室登记理由后办理',
    );
  });

  it.each([
    { state: 'village_review', actor: village },
    { state: 'township_review', actor: township },
    { state: 'county_approval', actor: county },
  ] as const)('$state is refused while a criterion fails', ({ state, actor }) => {
    const r = transition(M, at(state, { facts: FAIL }), { type: 'approve' }, actor, now('2024-10-20'));
    expect(!r.ok && r.refusal.code).toBe('guard_failed');
  });

  it.each([
    { name: 'county, criteria failing', c: at('township_review', { facts: FAIL }), actor: county, offered: true },
    { name: 'county, criteria passing', c: at('township_review'), actor: county, offered: false },
    { name: 'county, already overridden', c: at('township_review', { facts: FAIL, overrides: ['criteria_pass'] }), actor: county, offered: false },
    { name: 'township, criteria failing', c: at('township_review', { facts: FAIL }), actor: township, offered: false },
    { name: 'county, before the village review', c: at('verifying', { facts: FAIL }), actor: county, offered: false },
  ])('the override is offered: $name → $offered', ({ c, actor, offered }) => {
    expect(allowedEvents(M, c, actor, now('2024-10-20')).some((a) => a.event === 'override_criteria')).toBe(offered);
  });

  it('only the county may override, with a reason', () => {
    const byTownship = transition(M, at('township_review', { facts: FAIL }), { type: 'override_criteria', remarks: '理由' }, township, now('2024-10-20'));
    expect(!byTownship.ok && byTownship.refusal).toMatchObject({ code: 'role_forbidden', status: 403, roles: ['county_office'] });
    const noReason = transition(M, at('township_review', { facts: FAIL }), { type: 'override_criteria' }, county, now('2024-10-20'));
    expect(!noReason.ok && noReason.refusal).toMatchObject({ code: 'input_invalid', field: 'remarks' });
  });

  it('after a recorded override the case passes, each step noting the bypass; the overrider may not also approve', () => {
    const o = transition(M, at('county_approval', { facts: FAIL }), { type: 'override_criteria', remarks: '饮水问题已于10月整改，待水利局复核；收入按县级会商意见认定' }, county, now('2024-10-23'));
    if (!o.ok) throw new Error(o.refusal.message);
    expect(o.step).toMatchObject({ outcome: 'overridden', actorId: 'u-county' });
    expect(o.case.overrides).toEqual(['criteria_pass']);
    const self = transition(M, o.case, { type: 'approve' }, county, now('2024-10-23'));
    expect(!self.ok && self.refusal).toMatchObject({ code: 'self_approval', status: 403 });
    const other = transition(M, o.case, { type: 'approve' }, county2, now('2024-10-23'));
    expect(other.ok && other.step.bypassedGuards).toEqual(['criteria_pass']);
  });
});

describe('marking the method', () => {
  it.each([
    { name: 'no method', c: at('marking'), payload: {}, refusal: { code: 'input_invalid', field: 'method', message: '请选择消除方式：帮扶消除或自然消除' } },
    { name: 'an unknown method', c: at('marking'), payload: { method: 'quick' as never }, refusal: { code: 'input_invalid', field: 'method' } },
    { name: '帮扶消除 without a measure 已落实', c: at('marking', { facts: NATURAL }), payload: { method: 'assisted' as const }, refusal: { code: 'input_invalid', message: '帮扶消除须至少有一项已落实的帮扶措施，否则请选择自然消除' } },
    { name: '自然消除 without measures', c: at('marking', { facts: NATURAL }), payload: { method: 'natural' as const }, refusal: null },
    { name: '自然消除 although a measure is 已落实 (people decide)', c: at('marking'), payload: { method: 'natural' as const }, refusal: null },
  ])('$name', ({ c, payload, refusal }) => {
    const r = transition(M, c, { type: 'mark', payload }, township, now('2024-10-25'));
    if (refusal === null) expect(r.ok && [r.case.state, r.effects]).toEqual(['done', ['risk_eliminated']]);
    else expect(!r.ok && r.refusal).toMatchObject(refusal);
  });
});

describe('rejection and withdrawal', () => {
  it.each([
    { state: 'verifying', actor: township, event: 'reject', to: 'rejected' },
    { state: 'publicity', actor: village, event: 'reject', to: 'rejected' },
    { state: 'county_approval', actor: county, event: 'reject', to: 'rejected' },
    { state: 'township_review', actor: village, event: 'withdraw', to: 'withdrawn' },
  ] as const)('$event at $state by $actor.role → $to', ({ state, actor, event, to }) => {
    const r = transition(M, at(state), { type: event, remarks: '收入不稳定，暂缓消除' }, actor, now('2024-10-20'));
    expect(r.ok && r.case.state).toBe(to);
  });

  it.each(['announcement', 'marking'] as const)('no withdrawal at %s', (state) => {
    const r = transition(M, at(state), { type: 'withdraw', remarks: 'x' }, county, now('2024-10-24'));
    expect(!r.ok && r.refusal.code).toBe('not_allowed_from_state');
  });
});
