import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUALITY_RULE_CODES, evaluateQuality, followupKindFor, monitoringLineFor, whatIfMove } from '@shouwang/domain';
import { availableEngines } from '../../testing/engines.js';
import { createTestApp, VILLAGE_A, VILLAGE_B, VILLAGE_OTHER, type TestApp } from '../../testing/fixture.js';
import { activeSchedulers, startScheduler } from '../../jobs/scheduler.js';
import { loadQualityFacts, runCheck } from './quality.checks.js';
import { insertHousehold, tableCounts, worker } from './quality.test-support.js';

const engines = await availableEngines();
const TODAY = '2024-12-15';
const clock = () => new Date('2024-12-15T04:00:00Z');

describe.each(engines)('quality: tasks, checks, what-if and figures on %s', (engine) => {
  let t: TestApp;
  const cookie: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const personIds: Record<string, number[]> = {};

  const req = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: cookie[user]! }, ...(payload !== undefined ? { payload: payload as object } : {}) });

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    for (const u of ['county', 'leader', 'township', 'village', 'helper', 'inspector', 'dept']) cookie[u] = await t.login(u);
    const add = async (key: string, spec: Parameters<typeof insertHousehold>[1]) => {
      const r = await insertHousehold(t.db, spec);
      ids[key] = r.id;
      personIds[key] = r.persons;
    };
    const income = (perCapita: number, extra: object = {}) => ({ year: 2024, perCapita, wage: 12000, outOfPocket: 300, ...extra });
    // assisted elimination below the line, no implemented measure
    await add('assistedLow', { village: VILLAGE_A, monitorCategory: 'unstable', eliminated: 'assisted', income: income(8000), measures: [{ code: 'industry', status: 'planned' }] });
    // monitored: only 综合保障 with labour, 因病 without an ill member, no contact
    await add('socialOnly', { village: VILLAGE_A, monitorCategory: 'marginal', identifiedOn: '2024-06-01', riskTypes: ['illness'], monitorContact: null,
      income: income(7000), members: [worker(), worker({ birth: '19820510' })], measures: [{ code: 'social_security', status: 'implemented' }] });
    // monitored: 务工就业不稳 with nobody working, a child out of school, a healthy adult 无劳动力, a healthy 特困, 雨露计划, tiny wage, two posts
    await add('messy', { village: VILLAGE_B, monitorCategory: 'sudden', riskTypes: ['unstable_employment'], income: income(9500, { wage: 50 }),
      members: [
        { birth: '19750101', labourSkill: 'ordinary', post: true },
        { birth: '20140301', labourSkill: 'none', schoolStatus: 'none', relation: 'son' },
        { birth: '19900101', labourSkill: 'none', relation: 'son' },
        { birth: '19840101', labourSkill: 'weak', tekun: true, relation: 'other' },
      ],
      measures: [{ code: 'industry', status: 'implemented' }, { code: 'other_education', status: 'planned' }, { code: 'public_welfare_post', status: 'implemented' }, { code: 'public_welfare_post', status: 'planned' }] });
    // clean monitored household
    await add('clean', { village: VILLAGE_A, monitorCategory: 'marginal', income: income(8200), members: [worker(), worker({ birth: '20070101', schoolStatus: 'secvoc2', labourSkill: 'none' })],
      measures: [{ code: 'industry', status: 'implemented' }, { code: 'other_education', status: 'implemented' }] });
    // 一般农户 never monitored (outside the checks' population), income just above the line
    await add('ordinary', { village: VILLAGE_A, householdType: 'ordinary', monitorContact: null, income: income(8500, { wage: 60 }),
      members: [worker(), { birth: '20140301', labourSkill: 'none' }] });
    // natural elimination → revisit task
    await add('natural', { village: VILLAGE_B, monitorCategory: 'marginal', eliminated: 'natural', income: income(12000), measures: [{ code: 'employment', status: 'implemented' }] });
    // identified after the month → no task yet
    await add('future', { village: VILLAGE_A, monitorCategory: 'marginal', identifiedOn: '2025-01-10', income: income(6000) });
    // another township's village
    await add('other', { village: VILLAGE_OTHER, monitorCategory: 'marginal', monitorContact: '', income: income(7800), measures: [{ code: 'finance', status: 'implemented' }] });
  });
  afterAll(() => t?.close());

  // ── task generation ──
  describe('monthly task generation', () => {
    it('gives each monitored household the task of its state, as the domain rule says, and is idempotent', async () => {
      const first = await req('county', 'POST', '/api/followup-tasks/generate', { month: '2024-12' });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ month: '2024-12', dueOn: '2024-12-31', revisit: 2, assessment: 4, cancelled: 0 });
      const rows = async () => (await t.db.query(`SELECT kind, household_id, village_code, month, to_char(due_on, 'YYYY-MM-DD') AS due_on, status FROM followup_task ORDER BY household_id, kind`))
        .map((r) => `${r.household_id}:${r.kind}:${r.month}:${r.due_on}:${r.status}`);
      const before = await rows();
      const again = await req('county', 'POST', '/api/followup-tasks/generate', { month: '2024-12' });
      expect(again.json()).toMatchObject({ revisit: 0, assessment: 0, cancelled: 0 });
      expect(await rows()).toEqual(before);
      // the SQL agrees with followupKindFor
      const hs = await t.db.query(`SELECT id, monitor_category, to_char(monitor_identified_on, 'YYYY-MM-DD') AS identified, risk_eliminated FROM household ORDER BY id`);
      const expected = hs.flatMap((h) => {
        const kind = followupKindFor({ monitorCategory: h.monitor_category, monitorIdentifiedOn: h.identified, riskEliminated: h.risk_eliminated }, '2024-12');
        return kind ? [`${h.id}:${kind}:2024-12:2024-12-31:open`] : [];
      });
      expect(before).toEqual(expected);
      expect(before).toContain(`${ids.natural}:revisit:2024-12:2024-12-31:open`);
      expect(before.some((x) => x.startsWith(`${ids.future}:`) || x.startsWith(`${ids.ordinary}:`))).toBe(false);
      const runs = (await req('county', 'GET', '/api/followup-tasks/runs')).json().items;
      expect(runs[0]).toMatchObject({ job: 'followup_tasks', trigger: 'manual', status: 'succeeded', period: '2024-12' });
      const [audit] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'followup_tasks.generate'`);
      expect(audit!.n).toBe(2);
    });

    it('uses the configured due day and cancels a task whose kind no longer matches', async () => {
      expect((await req('county', 'PUT', '/api/followup-settings', { dueDay: 31 })).statusCode).toBe(400);
      expect((await req('county', 'PUT', '/api/followup-settings', { dueDay: 25 })).json()).toEqual({ dueDay: 25 });
      const r = await req('county', 'POST', '/api/followup-tasks/generate', { month: '2024-11' });
      expect(r.json()).toMatchObject({ dueOn: '2024-11-25', revisit: 2, assessment: 4 });
      await req('county', 'PUT', '/api/followup-settings', { dueDay: null });
      await t.db.query(`UPDATE household SET risk_eliminated = true, elimination_method = 'natural', eliminated_on = '2024-11-20' WHERE id = $1`, [ids.other]);
      const g = (await req('county', 'POST', '/api/followup-tasks/generate', { month: '2024-11' })).json();
      expect(g).toMatchObject({ revisit: 1, assessment: 0, cancelled: 1 });
      await t.db.query(`UPDATE household SET risk_eliminated = false, elimination_method = NULL, eliminated_on = NULL WHERE id = $1`, [ids.other]);
    });

    it('refuses a future month and a malformed one', async () => {
      const r = await req('county', 'POST', '/api/followup-tasks/generate', { month: '2025-01' });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.message).toBe('不能为未来月份（2025-01）生成任务');
      expect((await req('county', 'POST', '/api/followup-tasks/generate', { month: '2024-13' })).statusCode).toBe(400);
      expect((await req('village', 'POST', '/api/followup-tasks/generate', {})).statusCode).toBe(403);
    });

    it('lists tasks by area: a village sees its own, the township both villages', async () => {
      const vr = await req('village', 'GET', '/api/followup-tasks?month=2024-12');
      expect(vr.statusCode, vr.body).toBe(200);
      const v = vr.json();
      expect(v.items.every((x: { villageCode: string }) => x.villageCode === VILLAGE_A)).toBe(true);
      expect(v.total).toBe(3);
      const tw = (await req('township', 'GET', '/api/followup-tasks?month=2024-12')).json();
      expect(tw.total).toBe(5);
      expect((await req('county', 'GET', '/api/followup-tasks?month=2024-12&kind=revisit')).json().total).toBe(2);
      expect(v.lastRun).toMatchObject({ job: 'followup_tasks' });
    });
  });

  // ── completing tasks ──
  describe('assessment and revisit forms', () => {
    const taskOf = async (key: string, month = '2024-12') =>
      Number((await t.db.query(`SELECT id FROM followup_task WHERE household_id = $1 AND month = $2 AND status <> 'cancelled'`, [ids[key], month]))[0]!.id);

    it('rejects bad input with precise messages and writes nothing', async () => {
      const tid = await taskOf('socialOnly');
      const before = await tableCounts(t.db, ['household_assessment', 'audit_log']);
      const neg = await req('village', 'POST', `/api/followup-tasks/${tid}/assessment`, { perCapitaNetIncome: -1 });
      expect(neg.statusCode).toBe(400);
      expect(neg.json().error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'perCapitaNetIncome', message: '人均纯收入不能为负数' })]));
      const fut = await req('village', 'POST', `/api/households/${ids.socialOnly}/assessments`, { month: '2025-01', perCapitaNetIncome: 7000 });
      expect(fut.statusCode).toBe(400);
      expect(fut.json().error.message).toBe('评估月份（2025-01）不能晚于本月');
      const risk = await req('village', 'POST', `/api/followup-tasks/${tid}/assessment`, { perCapitaNetIncome: 7000, newRiskTypes: ['bogus'] });
      expect(risk.statusCode).toBe(400);
      const wrongForm = await req('village', 'POST', `/api/followup-tasks/${tid}/revisit`, { newRiskTypes: [] });
      expect(wrongForm.statusCode).toBe(400);
      expect(wrongForm.json().error.message).toBe('该任务是未消除月评估，请使用对应的表单');
      expect(await tableCounts(t.db, ['household_assessment', 'audit_log'])).toEqual(before);
    });

    it('answers 404 for a task in another village, and to a helper for a household not theirs', async () => {
      const tid = await taskOf('other');
      expect((await req('village', 'POST', `/api/followup-tasks/${tid}/assessment`, { perCapitaNetIncome: 7000 })).statusCode).toBe(404);
      expect((await req('helper', 'POST', `/api/followup-tasks/${tid}/assessment`, { perCapitaNetIncome: 7000 })).statusCode).toBe(404);
      expect((await req('village', 'GET', `/api/households/${ids.other}/followup`)).statusCode).toBe(404);
      expect((await req('village', 'POST', `/api/households/${ids.other}/assessments`, { month: '2024-10', perCapitaNetIncome: 1 })).statusCode).toBe(404);
    });

    it('an assessment writes the month row and closes the task; a second one conflicts', async () => {
      const tid = await taskOf('socialOnly');
      const r = await req('village', 'POST', `/api/followup-tasks/${tid}/assessment`, { perCapitaNetIncome: 7100.5, waterUnsafe: true, newRiskTypes: ['accident'], notes: '入户评估' });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().task).toMatchObject({ status: 'done', doneOn: TODAY, outcome: 'new_risk', doneByName: '测试village' });
      const [a] = await t.db.query(`SELECT month, per_capita_net_income, water_unsafe, new_risk_types, notes FROM household_assessment WHERE household_id = $1`, [ids.socialOnly]);
      expect(a).toEqual({ month: '2024-12', per_capita_net_income: 7100.5, water_unsafe: true, new_risk_types: ['accident'], notes: '入户评估' });
      const again = await req('village', 'POST', `/api/followup-tasks/${tid}/assessment`, { perCapitaNetIncome: 7000 });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toBe('该任务已完成');
      const card = (await req('village', 'GET', `/api/households/${ids.socialOnly}/followup`)).json();
      expect(card.assessments[0]).toMatchObject({ month: '2024-12', perCapitaNetIncome: 7100.5, waterUnsafe: true });
      expect(card.tasks.find((x: { month: string }) => x.month === '2024-12').status).toBe('done');
    });

    it('a back-filled assessment for a past month closes that month\'s open task', async () => {
      const r = await req('township', 'POST', `/api/households/${ids.socialOnly}/assessments`, { month: '2024-11', perCapitaNetIncome: 6900 });
      expect(r.statusCode, r.body).toBe(201);
      const [task] = await t.db.query(`SELECT status, assessment_id FROM followup_task WHERE household_id = $1 AND month = '2024-11' AND kind = 'assessment'`, [ids.socialOnly]);
      expect(task).toMatchObject({ status: 'done', assessment_id: r.json().assessment.id });
      const dup = await req('township', 'POST', `/api/households/${ids.socialOnly}/assessments`, { month: '2024-11', perCapitaNetIncome: 6900 });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.message).toBe('该户2024-11已有月度评估记录');
    });

    it('a revisit records no change, or a new risk with the suggested next step', async () => {
      const bad = await req('township', 'POST', `/api/followup-tasks/${await taskOf('natural')}/revisit`, { newRiskTypes: [], suggestion: 'rollback' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toBe('未发现新风险时不能建议风险消除回退或重新识别');
      const r = await req('township', 'POST', `/api/followup-tasks/${await taskOf('natural')}/revisit`, { newRiskTypes: ['illness'], suggestion: 'rollback', notes: '户主新患大病' });
      expect(r.json().task).toMatchObject({ status: 'done', outcome: 'rollback_suggested' });
      const ok = await req('township', 'POST', `/api/followup-tasks/${await taskOf('natural', '2024-11')}/revisit`, { newRiskTypes: [] });
      expect(ok.json().task.outcome).toBe('no_change');
    });
  });

  // ── data-quality checks ──
  describe('data-quality checks', () => {
    it('each SQL check agrees with the domain rule on the dataset (and the dataset exercises every rule)', async () => {
      const facts = await loadQualityFacts(t.db);
      const domain = facts.flatMap((h) => evaluateQuality(h, { today: TODAY })).map((x) => `${x.rule}|${x.householdId}|${x.personId ?? ''}|${JSON.stringify(x.values)}`).sort();
      const sql: string[] = [];
      for (const rule of QUALITY_RULE_CODES) {
        const rows = await runCheck(t.db, rule, { today: TODAY });
        expect(rows.length, `${rule} finds something in the dataset`).toBeGreaterThan(0);
        sql.push(...rows.map((x) => `${x.rule}|${x.householdId}|${x.personId ?? ''}|${JSON.stringify(x.values)}`));
      }
      expect(sql.sort()).toEqual(domain);
      // and for one household at a time
      const one = await runCheck(t.db, 'no_monitor_contact', { today: TODAY, householdIds: [ids.socialOnly] });
      expect(one.map((x) => x.householdId)).toEqual([ids.socialOnly]);
    });

    it('a run stores the findings; a later run keeps, resolves and reopens them', async () => {
      const denied = await req('township', 'POST', '/api/quality/runs', {});
      expect(denied.statusCode).toBe(403);
      const r1 = (await req('county', 'POST', '/api/quality/runs', {})).json();
      expect(r1.found).toBe(r1.opened);
      expect(r1.resolved).toBe(0);
      expect(r1.byRule.child_out_of_school).toBe(1); // the 一般农户's child is outside the population
      const msg = (await t.db.query(`SELECT message FROM quality_finding WHERE rule_code = 'assisted_income_below_line'`))[0]!.message;
      expect(msg).toBe('帮扶消除户2024年人均纯收入8,000元，未高于当年监测线8,300元');
      // fix one record: the contact of socialOnly
      await t.db.query(`UPDATE household SET monitor_contact = '王五' WHERE id = $1`, [ids.socialOnly]);
      const r2 = (await req('county', 'POST', '/api/quality/runs', {})).json();
      expect(r2).toMatchObject({ found: r1.found - 1, opened: 0, resolved: 1 });
      const [resolved] = await t.db.query(`SELECT to_char(resolved_on, 'YYYY-MM-DD') AS d, first_run_id, last_run_id FROM quality_finding WHERE rule_code = 'no_monitor_contact' AND household_id = $1`, [ids.socialOnly]);
      expect(resolved).toMatchObject({ d: TODAY, first_run_id: r1.runId, last_run_id: r1.runId });
      await t.db.query(`UPDATE household SET monitor_contact = NULL WHERE id = $1`, [ids.socialOnly]);
      const r3 = (await req('county', 'POST', '/api/quality/runs', {})).json();
      expect(r3).toMatchObject({ found: r1.found, opened: 1, resolved: 0 });
      const rows = await t.db.query(`SELECT count(*)::int AS n FROM quality_finding WHERE rule_code = 'no_monitor_contact' AND household_id = $1`, [ids.socialOnly]);
      expect(rows[0]!.n).toBe(2);
      const audits = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'quality_checks.run'`);
      expect(audits[0]!.n).toBe(3);
    });

    it('summarises by rule and by area within the user\'s scope', async () => {
      const county = (await req('county', 'GET', '/api/quality/summary')).json();
      expect(county.byArea.map((a: { code: string }) => a.code).sort()).toEqual(['411321101', '411321105']);
      expect(county.byRule.find((r: { code: string }) => r.code === 'no_monitor_contact')).toMatchObject({ findings: 2, households: 2, name: '监测户无监测联系人' });
      expect(county.lastRun).toMatchObject({ job: 'quality_checks', status: 'succeeded' });
      const township = (await req('township', 'GET', '/api/quality/summary')).json();
      expect(township.byArea.map((a: { code: string }) => a.code).sort()).toEqual([VILLAGE_A, VILLAGE_B]);
      const village = (await req('village', 'GET', '/api/quality/findings?rule=no_monitor_contact')).json();
      expect(village.items.map((f: { householdId: number }) => f.householdId)).toEqual([ids.socialOnly]);
      expect((await req('village', 'GET', `/api/households/${ids.other}/findings`)).statusCode).toBe(404);
      const own = (await req('township', 'GET', `/api/households/${ids.messy}/findings`)).json();
      expect(own.items.map((f: { ruleCode: string }) => f.ruleCode).sort()).toEqual([
        'child_out_of_school', 'duplicate_public_welfare_post', 'healthy_adult_no_labour', 'tekun_healthy_adult', 'tiny_wage_income',
        'unstable_employment_nobody_working', 'yulu_non_vocational',
      ]);
      const child = own.items.find((f: { ruleCode: string }) => f.ruleCode === 'child_out_of_school');
      expect(child).toMatchObject({ personId: personIds.messy![1], message: expect.stringMatching(/^成员.+10周岁，在校生状况为非在校生$/) });
    });
  });

  // ── what-if ──
  describe('monitoring-line what-if', () => {
    it('counts who would enter or leave by township, as the domain defines, and changes nothing', async () => {
      const tables = ['household', 'household_income', 'person', 'followup_task', 'household_assessment', 'quality_finding', 'job_run', 'audit_log', 'help_measure'];
      const before = await tableCounts(t.db, tables);
      const incomes = await t.db.query(`SELECT h.village_code, h.monitor_category, h.risk_eliminated, hi.per_capita_net_income, hi.member_count FROM household h JOIN household_income hi ON hi.household_id = h.id AND hi.year = 2024`);
      for (const line of [9000, 6800]) {
        const r = await req('county', 'GET', `/api/simulations/monitoring-line?year=2024&line=${line}`);
        expect(r.statusCode, r.body).toBe(200);
        const body = r.json();
        expect(body.currentLine).toBe(monitoringLineFor(2024));
        for (const move of ['enter', 'leave'] as const) {
          const expectH = incomes.filter((h) => whatIfMove({ monitorCategory: h.monitor_category, riskEliminated: h.risk_eliminated, perCapitaNetIncome: Number(h.per_capita_net_income) }, 8300, line) === move);
          expect(body.total[`${move}Households`], `${line} ${move}`).toBe(expectH.length);
          expect(body.total[`${move}Persons`]).toBe(expectH.reduce((s, h) => s + h.member_count, 0));
        }
      }
      const up = (await req('county', 'GET', '/api/simulations/monitoring-line?year=2024&line=9000')).json();
      expect(up.total).toMatchObject({ enterHouseholds: 1, leaveHouseholds: 0 }); // the 一般农户 at 8,500
      expect(up.items.find((x: { code: string }) => x.code === '411321101')).toMatchObject({ name: '留山镇', enterHouseholds: 1, enterPersons: 2 });
      const down = (await req('county', 'GET', '/api/simulations/monitoring-line?year=2024&line=6800')).json();
      expect(down.total).toMatchObject({ enterHouseholds: 0, leaveHouseholds: 3 });
      expect(await tableCounts(t.db, tables)).toEqual(before);
      const bad = await req('county', 'GET', '/api/simulations/monitoring-line?year=2024&line=0');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toBe('模拟监测线应为大于0的金额（元/年）');
      expect((await req('county', 'GET', '/api/simulations/monitoring-line?year=2019&line=5000')).json().error.message).toBe('2019年没有配置监测线，无法模拟');
      expect((await req('township', 'GET', '/api/simulations/monitoring-line?year=2024&line=9000')).statusCode).toBe(403);
    });
  });

  // ── figures ──
  describe('monitoring figures', () => {
    it('counts by category and area with the rates, on the hand-made dataset', async () => {
      const f = (await req('county', 'GET', '/api/monitoring-figures?year=2024')).json();
      // 监测户: assistedLow(unstable, 1p), socialOnly(marginal, 2p), messy(sudden, 4p), clean(marginal, 2p), natural(marginal, 1p), future(marginal, 1p), other(marginal, 1p)
      expect(f.total).toMatchObject({
        unstableHouseholds: 1, unstablePersons: 1, marginalHouseholds: 5, marginalPersons: 7, suddenHouseholds: 1, suddenPersons: 4,
        monitoredHouseholds: 7, monitoredPersons: 12, eliminatedHouseholds: 2, underMonitoringHouseholds: 5, newThisYearHouseholds: 6,
        eliminationRate: 28.6,
      });
      // measures: assistedLow 1 planned; socialOnly 1 impl; messy 2 impl + 2 planned; clean 2 impl; natural 1 impl; other 1 impl → 10 measures, 7 implemented
      expect(f.total).toMatchObject({ measures: 10, implementedMeasures: 7, implementationRate: 70 });
      // under monitoring: socialOnly 1 + messy 4 + clean 2 + future 0 + other 1 = 8 measures over 5 households
      expect(f.total.policiesPerHousehold).toBe(1.6);
      expect(f.items.map((x: { name: string }) => x.name)).toEqual(['留山镇', '板山坪镇']);
      const tw = (await req('township', 'GET', '/api/monitoring-figures?year=2024')).json();
      expect(tw.items.map((x: { code: string }) => x.code)).toEqual([VILLAGE_A, VILLAGE_B]);
      expect((await req('township', 'GET', '/api/monitoring-figures?areaCode=411321')).statusCode).toBe(404);
    });

    it('exports the figures as .xlsx (audited) for the roles that may export', async () => {
      const r = await req('county', 'GET', '/api/monitoring-figures/export?year=2024');
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain('spreadsheetml');
      expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const [a] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'monitoring_figures.export'`);
      expect(a!.n).toBe(1);
      expect((await req('village', 'GET', '/api/monitoring-figures/export')).statusCode).toBe(403);
    });
  });

  describe('scheduler', () => {
    it('is not started by the test app; started explicitly it schedules both jobs and stops', () => {
      expect(activeSchedulers()).toBe(0);
      expect(startScheduler(t.services, { SHOUWANG_SCHEDULER: 'off' })).toBeNull();
      const s = startScheduler(t.services, { SHOUWANG_SCHEDULER: 'on' }, { catchUp: false, handleSignals: false })!;
      expect(activeSchedulers()).toBe(1);
      const next = s.nextRuns();
      expect(Object.keys(next)).toEqual(['followup-tasks', 'quality-checks']);
      expect(next['followup-tasks']).toMatch(/T17:10:00/); // 01:10 China Standard Time
      s.stop();
      expect(activeSchedulers()).toBe(0);
      expect(s.jobs.every((j) => !j.isRunning())).toBe(true);
    });
  });
});
