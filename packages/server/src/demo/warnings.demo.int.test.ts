import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../testing/engines.js';
import { COUNTY, PASSWORD, createTestApp, type TestApp } from '../testing/fixture.js';
import { loadDemoIfEmpty } from './demo.loader.js';
import { loadWarningsDemo } from './warnings.demo.js';

const engines = await availableEngines();
const TODAY = '2026-11-22';
const clock = () => new Date(`${TODAY}T03:00:00Z`);

describe.each(engines)('warnings demo on %s', (engine) => {
  let t: TestApp;
  const rows = <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => t.db.query(sql, p) as Promise<T[]>;
  let took = 0;

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    // The registry and linkage demo (small scale); the feature loaders run inside it.
    await loadDemoIfEmpty(t.db, { counties: [COUNTY], scale: 0.03, password: PASSWORD, clock });
    const [{ n }] = await rows<{ n: number }>(`SELECT count(*) AS n FROM warning WHERE source IN ('instant', 'comparison')`);
    if (Number(n) === 0) {
      const started = Date.now();
      await loadWarningsDemo(t.db, { countyCode: COUNTY, clock, services: t.services });
      took = Date.now() - started;
    }
  }, 240_000);
  afterAll(() => t?.close());

  it('creates ~100 warnings in every state, within the demo township too, with cases and credits', async () => {
    // This loader's clues (the comparison demo, loaded before it, raised warnings through real runs: hits with a run).
    const states = Object.fromEntries((await rows<{ state: string; n: number }>(
      `SELECT state, count(*) AS n FROM warning w WHERE source IN ('instant', 'comparison')
          AND NOT EXISTS (SELECT 1 FROM warning_hit wh WHERE wh.warning_id = w.id AND wh.source_type = 'comparison_row' AND wh.source_ref IS NOT NULL)
        GROUP BY state`)).map((r) => [r.state, Number(r.n)]));
    expect(states).toMatchObject({ pushed: 23, verifying: 10, included: 25, already_monitored: 8, not_included: 20, duplicate: 6 });
    const [{ n: cases }] = await rows<{ n: number }>(`SELECT count(*) AS n FROM warning w JOIN monitoring_case c ON c.id = w.case_id AND c.source_warning_id = w.id WHERE w.state = 'included'`);
    expect(Number(cases)).toBe(25);
    const [{ n: credits }] = await rows<{ n: number }>(`SELECT count(*) AS n FROM warning_credit WHERE source_type = 'warning'`);
    expect(Number(credits)).toBe(25 + 3);
    const [{ n: local }] = await rows<{ n: number }>(`SELECT count(*) AS n FROM warning WHERE state = 'pushed' AND village_code LIKE '411321101%' AND household_id IS NOT NULL`);
    expect(Number(local)).toBeGreaterThanOrEqual(8);
    const [{ n: late }] = await rows<{ n: number }>(`SELECT count(*) AS n FROM warning WHERE NOT terminal AND opened_on < $1::date - 5`, [TODAY]);
    expect(Number(late)).toBeGreaterThan(0);
    const [{ n: future }] = await rows<{ n: number }>(`SELECT count(*) AS n FROM workflow_step WHERE machine = 'warning' AND on_date > $1`, [TODAY]);
    expect(Number(future)).toBe(0);
    if (took) expect(took).toBeLessThan(2000);
  });

  it('信息比对 clues carry exactly the explanation a real comparison run writes', async () => {
    type Ex = { text: string; ruleCode: string; ruleVersion: number; file: { name: string; sha256: string }; rowNumber: number; triggers: { field: string; actual: unknown; expected: unknown; text: string }[] } & Record<string, unknown>;
    // The comparison demo ran real runs (hits with the run as source_ref); the warnings demo's comparison clues have none.
    const real = await rows<{ explanation: Ex }>(`SELECT explanation FROM warning_hit WHERE source_type = 'comparison_row' AND source_ref IS NOT NULL ORDER BY id LIMIT 1`);
    expect(real.length, JSON.stringify(await rows(`SELECT family, status, error_message FROM comparison_run`))).toBe(1);
    const demo = await rows<{ explanation: Ex; rule_code: string; rule_version: number; source_file: string; source_row: number; idempotency_key: string; w_rule: string; description: string; title: string }>(
      `SELECT wh.explanation, wh.rule_code, wh.rule_version, wh.source_file, wh.source_row, wh.idempotency_key, w.rule_code AS w_rule, w.description, w.title
         FROM warning_hit wh JOIN warning w ON w.id = wh.warning_id WHERE wh.source_type = 'comparison_row' AND wh.source_ref IS NULL`);
    expect(demo.length).toBeGreaterThan(0);
    for (const h of demo) {
      const e = h.explanation;
      expect(Object.keys(e).sort()).toEqual(Object.keys(real[0]!.explanation).sort());
      expect(['medical.out_of_pocket', 'civil_affairs.new_assistance', 'housing.dangerous_house', 'education.dropout']).toContain(h.rule_code);
      expect(e).toMatchObject({ ruleCode: h.rule_code, ruleVersion: Number(h.rule_version), rowNumber: Number(h.source_row), file: { name: h.source_file } });
      expect(h.w_rule).toBe(h.rule_code);
      expect(h.idempotency_key).toBe(`${e.file.sha256}:${h.source_row}:${h.rule_code}@v${h.rule_version}`);
      expect(e.text).toContain(`规则 ${h.rule_code} v${h.rule_version}）`);
      expect(h.description).toBe(e.text);
      expect(e.triggers.length).toBeGreaterThan(0);
      for (const t of e.triggers) expect(e.text).toContain(t.text);
      if (h.rule_code === 'medical.out_of_pocket') expect(Number(e.triggers[0]!.actual)).toBeGreaterThanOrEqual(Number(e.triggers[0]!.expected));
    }
  });

  it('the township user sees its pushed warnings with actions, and the figures show the funnel', async () => {
    const cookie = await t.login('township', PASSWORD);
    const list = (await t.app.inject({ url: '/api/warnings?state=pushed', headers: { cookie } })).json();
    expect(list.total).toBeGreaterThan(0);
    const d = (await t.app.inject({ url: `/api/warnings/${list.items[0].id}`, headers: { cookie } })).json();
    expect(d.actions.map((a: { event: string }) => a.event)).toContain('start_verification');
    const county = await t.login('county', PASSWORD);
    const f = (await t.app.inject({ url: '/api/warnings/figures?period=year&year=2026', headers: { cookie: county } })).json();
    expect(f.total.pushed).toBeGreaterThan(0);
  });
});
