import { describe, expect, it } from 'vitest';
import type { Role } from '../access/roles.js';
import { deadlineConfig } from './deadline.rules.js';
import {
  identificationMachine, identificationSummary, type IdentificationCase, type IdentificationEvent, type IdentificationFacts, type IdentificationState,
} from './identification.workflow.js';
import { allowedEvents, caseDeadlines, describeMachine, openCase, transition, validateMachine, type StepRecord, type WorkflowActor } from './state-machine.js';

const M = identificationMachine();
const village: WorkflowActor = { id: 'u-village', role: 'village_cadre', name: '李支书' };
const township: WorkflowActor = { id: 'u-town', role: 'township_cadre', name: '张乡干' };
const township2: WorkflowActor = { id: 'u-town-2', role: 'township_cadre' };
const county: WorkflowActor = { id: 'u-county', role: 'county_office', name: '赵科长' };
const helper: WorkflowActor = { id: 'u-helper', role: 'helper' };
const now = (today: string) => ({ at: `${today}T02:00:00.000Z`, today });
const FACTS: IdentificationFacts = { authorizationSigned: true, helperAssigned: true, monitorCategory: 'marginal', riskTypes: ['illness', 'schooling'] };

const at = (state: IdentificationState, over: Partial<IdentificationCase> = {}): IdentificationCase => ({
  state, version: 5, openedOn: '2024-03-01', stateEnteredOn: '2024-03-04', doneSubSteps: [], openObjections: 0, lastActorId: 'u-other',
  overrides: [], facts: FACTS, ...over,
});

describe('the identification table', () => {
  it('is sound', () => expect(validateMachine(M)).toEqual([]));

  it('has the village, township and county steps with their roles', () => {
    const byAction = Object.fromEntries(describeMachine(M).map((r) => [`${r.from}/${r.action}`, r]));
    expect(byAction['村级民主评议/民主评议通过，张贴公示']).toMatchObject({ to: '村内公示', roles: '村干部/网格员/驻村第一书记' });
    expect(byAction['乡镇审核/乡镇审核通过']).toMatchObject({ to: '县级审批', roles: '乡镇干部', noSelfApproval: true, deadline: '识别纳入办理时限≤15天' });
    expect(byAction['县级审批/县级审批通过']).toMatchObject({ to: '结果公告', roles: '县联动办公室/乡村振兴局', guard: '已明确帮扶责任人' });
    expect(byAction['村内公示/公示期满无异议，报乡镇审核']).toMatchObject({ deadline: '村内公示期≥5天；识别纳入办理时限≤15天' });
    expect(byAction['入户核实与信息比对/完成入户核实']).toMatchObject({ guard: '农户已签署承诺授权书；完成「入户核实」' });
  });

  it('uses the configured deadlines', () => {
    const m = identificationMachine(deadlineConfig({ rules: { identification: { days: 10, counting: 'working' } } }));
    expect(describeMachine(m).find((r) => r.action === '乡镇审核通过')!.deadline).toBe('识别纳入办理时限≤10个工作日');
  });
});

describe('a clue becomes a monitored household', () => {
  it('passes every step with the right users, pausing for an objection', () => {
    const opened = openCase(M, FACTS, village, now('2024-03-01'));
    if (!opened.ok) throw new Error('open refused');
    let c = opened.case;
    const steps: StepRecord<IdentificationState, IdentificationEvent, Record<string, never>>[] = [opened.step];
    const script: [IdentificationEvent, WorkflowActor, string, string?][] = [
      ['record_home_visit', village, '2024-03-02', '入户核实，农户签署承诺授权书'],
      ['record_data_check', township, '2024-03-03'],
      ['approve', village, '2024-03-04', '村民代表会议评议通过'],
      ['raise_objection', village, '2024-03-06', '有村民反映该户有车辆'],
      ['resolve_objection', township, '2024-03-08', '经核实车辆为农用三轮车，异议不成立'],
      ['complete_publicity', village, '2024-03-09'],
      ['approve', township, '2024-03-11'],
      ['approve', county, '2024-03-12', '同意纳入，帮扶责任人：赵科长'],
      ['publish_result', county, '2024-03-13'],
      ['file', village, '2024-03-14'],
    ];
    for (const [type, actor, today, remarks] of script) {
      const r = transition(M, c, { type, remarks, expectedVersion: c.version }, actor, now(today));
      if (!r.ok) throw new Error(`${type} refused: ${r.refusal.message}`);
      c = r.case;
      steps.push(r.step);
    }
    expect(c).toMatchObject({ state: 'done', version: 11, stateEnteredOn: '2024-03-14' });
    expect(steps.map((s) => [s.to, s.actorId, s.outcome])).toEqual([
      ['verifying', 'u-village', 'opened'],
      ['verifying', 'u-village', 'completed'],
      ['village_review', 'u-town', 'completed'],
      ['publicity', 'u-village', 'approved'],
      ['publicity', 'u-village', 'objection_raised'],
      ['publicity', 'u-town', 'objection_resolved'],
      ['township_review', 'u-village', 'completed'],
      ['county_approval', 'u-town', 'approved'],
      ['announcement', 'u-county', 'approved'],
      ['filing', 'u-county', 'completed'],
      ['done', 'u-village', 'completed'],
    ]);
    expect(steps.flatMap((s) => s.effects)).toEqual(['notice_posted', 'help_plan_clock_started', 'result_announced', 'household_monitored']);
    expect(steps[1]).toMatchObject({ subStep: 'home_visit', remarks: '入户核实，农户签署承诺授权书', on: '2024-03-02' });
  });
});

describe('allowed actions per state and user', () => {
  const rows: { name: string; c: IdentificationCase; actor: WorkflowActor; events: IdentificationEvent[] }[] = [
    { name: 'verifying, village', c: at('verifying'), actor: village, events: ['record_home_visit', 'reject', 'withdraw'] },
    { name: 'verifying, township', c: at('verifying'), actor: township, events: ['record_data_check', 'reject', 'withdraw'] },
    { name: 'verifying after the visit, village', c: at('verifying', { doneSubSteps: ['home_visit'] }), actor: village, events: ['reject', 'withdraw'] },
    { name: 'village review, village', c: at('village_review'), actor: village, events: ['approve', 'reject', 'withdraw'] },
    { name: 'publicity, village', c: at('publicity'), actor: village, events: ['raise_objection', 'complete_publicity', 'reject', 'withdraw'] },
    { name: 'publicity paused, village', c: at('publicity', { openObjections: 1 }), actor: village, events: ['raise_objection', 'resolve_objection', 'reject', 'withdraw'] },
    { name: 'publicity, county', c: at('publicity'), actor: county, events: ['raise_objection', 'withdraw'] },
    { name: 'township review, township', c: at('township_review'), actor: township, events: ['approve', 'reject', 'withdraw'] },
    { name: 'township review, the township user who acted last', c: at('township_review', { lastActorId: 'u-town' }), actor: township, events: ['reject', 'withdraw'] },
    { name: 'township review, village', c: at('township_review'), actor: village, events: ['withdraw'] },
    { name: 'county approval, county', c: at('county_approval'), actor: county, events: ['approve', 'reject', 'withdraw'] },
    { name: 'announcement, county', c: at('announcement'), actor: county, events: ['publish_result'] },
    { name: 'announcement, village (no withdrawal after approval)', c: at('announcement'), actor: village, events: [] },
    { name: 'filing, township', c: at('filing'), actor: township, events: ['file'] },
    { name: 'any state, helper', c: at('township_review'), actor: helper, events: [] },
    { name: 'done', c: at('done'), actor: county, events: [] },
  ];
  it.each(rows)('$name', ({ c, actor, events }) => {
    expect(allowedEvents(M, c, actor, now('2024-03-10')).map((a) => a.event)).toEqual(events);
  });

  it('shows the 公示 minimum as the reason the action is not yet possible', () => {
    const complete = allowedEvents(M, at('publicity'), village, now('2024-03-06')).find((a) => a.event === 'complete_publicity');
    expect(complete!.blockedReason).toBe('村内公示期未满：2024-03-09 起方可进行下一步，还需 3 天');
  });
});

describe('bad input', () => {
  type Row = { name: string; c: IdentificationCase; type: IdentificationEvent; actor: WorkflowActor; remarks?: string; today?: string; expectedVersion?: number; refusal: Record<string, unknown> };
  const rows: Row[] = [
    {
      name: 'county approval while in publicity → 409 naming the allowed actions', c: at('publicity'), type: 'approve', actor: county,
      refusal: { code: 'not_allowed_from_state', status: 409, allowed: ['raise_objection', 'withdraw'], message: '当前环节「村内公示」不能执行「通过」；当前可执行：登记异议、撤回' },
    },
    {
      name: 'village cadre approving the township review → 403 naming who may', c: at('township_review'), type: 'approve', actor: village,
      refusal: { code: 'role_forbidden', status: 403, roles: ['township_cadre'], message: '「乡镇审核通过」只能由乡镇干部办理' },
    },
    {
      name: 'approving one\'s own previous step → 403', c: at('township_review', { lastActorId: 'u-town' }), type: 'approve', actor: township,
      refusal: { code: 'self_approval', status: 403, message: '不能对自己办理的上一步进行「乡镇审核通过」，须由其他人员办理' },
    },
    { name: 'home visit without the signed 承诺授权书', c: at('verifying', { facts: { ...FACTS, authorizationSigned: false } }), type: 'record_home_visit', actor: village, refusal: { code: 'guard_failed', guard: 'authorization_signed', message: '农户尚未签署承诺授权书，不能完成入户核实' } },
    { name: 'the home visit twice', c: at('verifying', { doneSubSteps: ['home_visit'] }), type: 'record_home_visit', actor: village, refusal: { code: 'not_allowed_from_state', allowed: ['reject', 'withdraw'] } },
    { name: 'county approval without a helper', c: at('county_approval', { facts: { ...FACTS, helperAssigned: false } }), type: 'approve', actor: county, refusal: { code: 'guard_failed', guard: 'helper_assigned' } },
    { name: '公示 completed on day 5', c: at('publicity'), type: 'complete_publicity', actor: village, today: '2024-03-08', refusal: { code: 'guard_failed', status: 409, guard: 'minimum_publicity' } },
    { name: '公示 completed while an objection is open', c: at('publicity', { openObjections: 1 }), type: 'complete_publicity', actor: village, today: '2024-03-12', refusal: { code: 'paused', status: 409, allowed: ['raise_objection', 'resolve_objection', 'reject', 'withdraw'] } },
    { name: 'an objection without its content', c: at('publicity'), type: 'raise_objection', actor: village, remarks: ' ', refusal: { code: 'input_invalid', status: 400, field: 'remarks', message: '「登记异议」须填写说明' } },
    { name: 'rejection without a reason', c: at('county_approval'), type: 'reject', actor: county, refusal: { code: 'input_invalid', status: 400, field: 'remarks', message: '「驳回（不予纳入）」须填写理由' } },
    { name: 'withdrawal after approval', c: at('announcement'), type: 'withdraw', actor: county, remarks: '农户申请撤回', refusal: { code: 'not_allowed_from_state', allowed: ['publish_result'] } },
    { name: 'filing without a category', c: at('filing', { facts: { ...FACTS, monitorCategory: null } }), type: 'file', actor: township, refusal: { code: 'guard_failed', guard: 'category_and_risks', message: '录入建档前须确定监测对象类别（脱贫不稳定户、边缘易致贫户或突发严重困难户）' } },
    { name: 'filing without risk types', c: at('filing', { facts: { ...FACTS, riskTypes: [] } }), type: 'file', actor: township, refusal: { code: 'guard_failed', message: '录入建档前须至少选择一项风险类型' } },
    { name: 'filing with six risk types', c: at('filing', { facts: { ...FACTS, riskTypes: ['illness', 'disability', 'schooling', 'accident', 'other', 'lack_of_labour'] } }), type: 'file', actor: township, refusal: { code: 'guard_failed', message: '风险类型最多选择5项，当前6项' } },
    { name: 'a step on a rejected case', c: at('rejected'), type: 'withdraw', actor: county, remarks: 'x', refusal: { code: 'not_allowed_from_state', allowed: [], message: '该事项已驳回，不能再办理' } },
    { name: 'two users on the same step: the second has a stale version', c: at('township_review', { version: 6 }), type: 'approve', actor: township2, expectedVersion: 5, refusal: { code: 'version_conflict', status: 409, currentVersion: 6 } },
  ];
  it.each(rows)('$name', ({ c, type, actor, remarks, today, expectedVersion, refusal }) => {
    const r = transition(M, c, { type, remarks, expectedVersion }, actor, now(today ?? '2024-03-10'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.refusal).toMatchObject(refusal);
  });

  it.each([
    ['verifying', ['village_cadre', 'township_cadre']],
    ['village_review', ['village_cadre']],
    ['publicity', ['village_cadre']],
    ['township_review', ['township_cadre']],
    ['county_approval', ['county_office']],
  ] as [IdentificationState, Role[]][])('every review step can reject with a reason: %s', (state, roles) => {
    for (const role of roles) {
      const r = transition(M, at(state), { type: 'reject', remarks: '人均纯收入明显高于监测线' }, { id: 'x', role }, now('2024-03-10'));
      expect(r.ok && [r.case.state, r.step.outcome, r.step.remarks]).toEqual(['rejected', 'rejected', '人均纯收入明显高于监测线']);
    }
  });
});

describe('deadlines of a case', () => {
  it.each([
    { state: 'township_review', today: '2024-03-10', status: 'on_time', date: '2024-03-16' },
    { state: 'township_review', today: '2024-03-14', status: 'due_soon', date: '2024-03-16' },
    { state: 'county_approval', today: '2024-03-17', status: 'overdue', date: '2024-03-16' },
  ] as const)('$state on $today → $status', ({ state, today, status, date }) => {
    expect(caseDeadlines(M, at(state), today)).toMatchObject([{ rule: 'identification', date, status }]);
  });
  it('no running deadline after the decision', () => expect(caseDeadlines(M, at('announcement'), '2024-03-20')).toEqual([]));
  it('a late decision is still allowed (and shows overdue)', () => {
    const r = transition(M, at('county_approval'), { type: 'approve' }, county, now('2024-03-20'));
    expect(r.ok).toBe(true);
  });
});

describe('identificationSummary', () => {
  it('names the category and risk types', () => expect(identificationSummary(FACTS)).toBe('纳入监测：边缘易致贫户，风险类型：因病、因学'));
});
