import { describe, expect, it } from 'vitest';
import { allowedEvents, openCase, transition, validateMachine, type WorkflowActor } from '../workflow/state-machine.js';
import {
  checkWarningDeadlineConfig, departmentCredit, DEFAULT_WARNING_DEADLINE_CONFIG, isOpenWarningState, isVerificationOverdue, verificationDeadline,
  warningDeadlineConfig, warningMachine, type WarningCase, type WarningEvent, type WarningFacts, type WarningPayload, type WarningState,
} from './warning.workflow.js';

const M = warningMachine();
const dept: WorkflowActor = { id: 'u-dept', role: 'department_user', name: '医保局王' };
const township: WorkflowActor = { id: 'u-town', role: 'township_cadre', name: '张乡干' };
const village: WorkflowActor = { id: 'u-village', role: 'village_cadre' };
const now = (today: string) => ({ at: `${today}T02:00:00.000Z`, today });
const FACTS: WarningFacts = { source: 'comparison', pushingDepartmentCode: 'medical_insurance', assistanceAdded: false };

const at = (state: WarningState, over: Partial<WarningCase> = {}): WarningCase => ({
  state, version: 2, openedOn: '2024-03-01', stateEnteredOn: '2024-03-02', doneSubSteps: [], openObjections: 0, lastActorId: 'u-dept',
  overrides: [], facts: FACTS, ...over,
});

describe('the warning table', () => {
  it('is sound', () => expect(validateMachine(M)).toEqual([]));
  it('open states are pushed and verifying', () => {
    expect((['pushed', 'verifying', 'included', 'already_monitored', 'not_included', 'duplicate'] as const).filter(isOpenWarningState)).toEqual(['pushed', 'verifying']);
  });
  it('a department user pushes; the township sees the actions', () => {
    const o = openCase(M, FACTS, dept, now('2024-03-01'));
    expect(o.ok && o.case.state).toBe('pushed');
    if (!o.ok) return;
    expect(allowedEvents(M, o.case, township, now('2024-03-01')).map((e) => e.event)).toEqual(['start_verification', 'mark_duplicate']);
    expect(allowedEvents(M, o.case, dept, now('2024-03-01'))).toEqual([]);
  });
});

describe('outcomes', () => {
  const cases: { name: string; from: WarningState; event: WarningEvent; actor?: WorkflowActor; remarks?: string; payload?: WarningPayload; to?: WarningState; effects?: string[]; refusal?: string; message?: string }[] = [
    { name: 'township starts verifying', from: 'pushed', event: 'start_verification', to: 'verifying', effects: [] },
    { name: 'included opens identification', from: 'verifying', event: 'include', to: 'included', effects: ['identification_opened', 'credit_candidate'] },
    { name: 'already monitored attaches to the case', from: 'verifying', event: 'mark_already_monitored', to: 'already_monitored', effects: ['attached_to_case', 'credit_candidate'] },
    { name: 'not included with a reason', from: 'verifying', event: 'not_include', remarks: '家庭收入稳定，自付费用已由商业保险报销', to: 'not_included', effects: [] },
    { name: 'not included without a reason is refused', from: 'verifying', event: 'not_include', remarks: '  ', refusal: 'input_invalid', message: '「核实后不纳入」须填写理由' },
    { name: 'duplicate straight from pushed', from: 'pushed', event: 'mark_duplicate', payload: { duplicateOf: 'w-17' }, to: 'duplicate' },
    { name: 'duplicate without the original is refused', from: 'verifying', event: 'mark_duplicate', refusal: 'input_invalid', message: '标记为重复须指明与哪条预警或哪个案件重复' },
    { name: 'no outcome before verification starts', from: 'pushed', event: 'include', refusal: 'not_allowed_from_state' },
    { name: 'a village cadre cannot record the outcome', from: 'verifying', event: 'include', actor: village, refusal: 'role_forbidden' },
    { name: 'a closed warning cannot change', from: 'included', event: 'not_include', remarks: 'x', refusal: 'not_allowed_from_state', message: '该事项纳入监测，不能再办理' },
  ];
  it.each(cases)('$name', ({ from, event, actor, remarks, payload, to, effects, refusal, message }) => {
    const r = transition(M, at(from), { type: event, remarks, payload }, actor ?? township, now('2024-03-03'));
    if (refusal) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.refusal.code).toBe(refusal);
        if (message) expect(r.refusal.message).toBe(message);
      }
      return;
    }
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.case.state).toBe(to);
    expect(r.case.stateEnteredOn).toBe('2024-03-03');
    if (effects) expect(r.effects).toEqual(effects);
  });
});

describe('verification deadline', () => {
  const working = warningDeadlineConfig({ days: 5, counting: 'working' });
  it.each([
    { name: 'pushed, 4 days left', w: at('pushed'), today: '2024-03-02', cfg: DEFAULT_WARNING_DEADLINE_CONFIG, due: '2024-03-06', status: 'on_time', text: '预警核实：2024-03-06 到期，剩余 4 天' },
    { name: 'due tomorrow is due soon', w: at('verifying'), today: '2024-03-05', cfg: DEFAULT_WARNING_DEADLINE_CONFIG, due: '2024-03-06', status: 'due_soon', text: '预警核实：2024-03-06 到期，剩余 1 天' },
    { name: 'due today', w: at('verifying'), today: '2024-03-06', cfg: DEFAULT_WARNING_DEADLINE_CONFIG, due: '2024-03-06', status: 'due_soon', text: '预警核实：今天（2024-03-06）到期' },
    { name: 'overdue', w: at('verifying'), today: '2024-03-09', cfg: DEFAULT_WARNING_DEADLINE_CONFIG, due: '2024-03-06', status: 'overdue', text: '预警核实：2024-03-06 到期，已逾期 3 天' },
    { name: 'outcome in time', w: at('included', { stateEnteredOn: '2024-03-05' }), today: '2024-03-20', cfg: DEFAULT_WARNING_DEADLINE_CONFIG, due: '2024-03-06', status: 'on_time', text: '预警核实：2024-03-05 按时完成' },
    { name: 'outcome late', w: at('not_included', { stateEnteredOn: '2024-03-08' }), today: '2024-03-20', cfg: DEFAULT_WARNING_DEADLINE_CONFIG, due: '2024-03-06', status: 'overdue', text: '预警核实：应于 2024-03-06 前完成，2024-03-08 完成，超期' },
    { name: 'configured 3 days', w: at('pushed'), today: '2024-03-02', cfg: warningDeadlineConfig({ days: 3 }), due: '2024-03-04', status: 'on_time', text: '预警核实：2024-03-04 到期，剩余 2 天' },
    { name: 'working days skip the weekend (pushed Friday)', w: at('pushed'), today: '2024-03-04', cfg: working, due: '2024-03-08', status: 'on_time', text: '预警核实：2024-03-08 到期，剩余 4 个工作日' },
  ] as const)('$name', ({ w, today, cfg, due, status, text }) => {
    const d = verificationDeadline(w, today, cfg);
    expect(d).toMatchObject({ dueOn: due, status, text });
  });

  it.each([
    [at('verifying'), '2024-03-07', true],
    [at('verifying'), '2024-03-06', false],
    [at('included', { stateEnteredOn: '2024-03-09' }), '2024-03-10', false],
  ] as const)('overdue for the level above: %o on %s → %s', (w, today, out) => expect(isVerificationOverdue(w, today)).toBe(out));

  it.each([
    [warningDeadlineConfig(), []],
    [warningDeadlineConfig({ days: 0 }), ['预警核实时限应为1-60之间的整数天', '即将到期提醒天数应为0到核实时限之间的整数']],
    [warningDeadlineConfig({ days: 5, dueSoonDays: 6 }), ['即将到期提醒天数应为0到核实时限之间的整数']],
  ] as const)('config check %#', (cfg, problems) => expect(checkWarningDeadlineConfig(cfg)).toEqual(problems));
});

describe('department credit', () => {
  it.each([
    { name: 'included counts +2', state: 'included', facts: FACTS, counts: true, points: 2 },
    { name: 'instant warning included counts', state: 'included', facts: { ...FACTS, source: 'instant' }, counts: true, points: 2 },
    { name: 'already monitored with assistance added counts', state: 'already_monitored', facts: { ...FACTS, assistanceAdded: true }, counts: true, points: 2 },
    { name: 'already monitored without new assistance does not', state: 'already_monitored', facts: FACTS, counts: false, points: 0 },
    { name: 'not included does not', state: 'not_included', facts: { ...FACTS, assistanceAdded: true }, counts: false, points: 0 },
    { name: 'duplicate does not', state: 'duplicate', facts: FACTS, counts: false, points: 0 },
    { name: 'still verifying does not (yet)', state: 'verifying', facts: FACTS, counts: false, points: 0 },
    { name: 'a self-report has no department', state: 'included', facts: { source: 'self_report', pushingDepartmentCode: null, assistanceAdded: false }, counts: false, points: 0 },
  ] as const)('$name', ({ state, facts, counts, points }) => {
    const c = departmentCredit({ state, facts });
    expect(c).toMatchObject({ counts, points });
    if (c.counts) expect(c.departmentCode).toBe(facts.pushingDepartmentCode);
  });
});
