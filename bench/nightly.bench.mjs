// Nightly jobs benchmark: the data-quality checks (all rules, with storing the findings) and the monthly task
// generation over the demo county at scale 1 and a 10× county (BENCH_SCALES, default "1,10"), on PGlite and on
// PostgreSQL (when reachable). Same-run baseline: the bare SQL of the heaviest check run directly (no message
// building, no storing). Not a test: prints figures and rewrites the nightly section of bench/RESULTS.md.
// Each county is the full first-start demo (registry COPY, "5+2" demo, every feature demo loader, VACUUM ANALYZE),
// the same proportions at every scale; the load is timed per part (registry + 5+2, each loader) and reported with
// what the county contained and the machine's load average, since the figures are taken on a shared machine.
// Needs the built server: npx tsc -b packages/domain packages/server
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { SERVER_DIST as dist, benchEngines, machineLine, median, openEngine, today as runDate, writeResultsSection } from './lib.mjs';

const { prepareDatabase } = await import(new URL('bootstrap.js', dist));
const { loadDemoIfEmpty } = await import(new URL('demo/demo.loader.js', dist));
const { FEATURE_DEMOS } = await import(new URL('demo/feature.demos.js', dist));
const { createServices } = await import(new URL('services.js', dist));
const { CHECK_SQL } = await import(new URL('modules/quality/quality.checks.js', dist));
const { SqlParams } = await import(new URL('db/sql-params.js', dist));
const { todayOf } = await import(new URL('clock.js', dist));

const ITER = Number(process.env.BENCH_ITER ?? 3);
const SCALES = (process.env.BENCH_SCALES ?? '1,10').split(',').map(Number);
const loadAvg = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');

// Time every feature demo loader (the registry demo and the "5+2" demo run before the first of them).
let loaderTimes = null;
for (let i = 0; i < FEATURE_DEMOS.length; i++) {
  const f = FEATURE_DEMOS[i];
  const load = f.load;
  FEATURE_DEMOS[i] = {
    name: f.name,
    load: async (db, o) => {
      const entry = { name: f.name, startedAt: performance.now(), seconds: 0 };
      loaderTimes?.push(entry);
      try { return await load(db, o); } finally { entry.seconds = (performance.now() - entry.startedAt) / 1000; }
    },
  };
}

function monthBack(month, n) {
  const [y, m] = month.split('-').map(Number);
  const t = y * 12 + (m - 1) - n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

async function bench(engine, scale) {
  const { db, cleanup } = await openEngine(engine);
  const clock = () => new Date();
  const loadAvgBefore = loadAvg();
  loaderTimes = [];
  const t0 = performance.now();
  await prepareDatabase(db, ['411321']);
  const demo = await loadDemoIfEmpty(db, { counties: ['411321'], scale, password: 'Bench@12345', clock });
  const loadSeconds = (performance.now() - t0) / 1000;
  const registrySeconds = ((loaderTimes[0]?.startedAt ?? performance.now()) - t0) / 1000;
  const featureSeconds = Object.fromEntries(loaderTimes.map((l) => [l.name, l.seconds]));
  loaderTimes = null;
  const services = createServices(db, clock, { SESSION_TTL_HOURS: 8 });
  const today = todayOf(clock);
  const [data] = await db.query(`
    SELECT (SELECT count(*) FROM household WHERE monitor_category IS NOT NULL)::int AS monitored,
           (SELECT count(*) FROM household WHERE monitor_category IS NOT NULL AND NOT risk_eliminated)::int AS monitored_open,
           (SELECT count(*) FROM household WHERE household_type = 'alleviated')::int AS alleviated,
           (SELECT count(*) FROM person p JOIN household h ON h.id = p.household_id
             WHERE h.household_type = 'alleviated' OR h.monitor_category IS NOT NULL)::int AS population_persons,
           (SELECT count(*) FROM household_income)::int AS incomes,
           (SELECT count(*) FROM help_plan)::int AS plans,
           (SELECT count(*) FROM help_measure)::int AS measures,
           (SELECT count(*) FROM help_measure WHERE status = 'implemented')::int AS measures_implemented`);
  const monitored = data.monitored;

  // quality checks: the whole nightly run (13 rules + storing findings + resolving), ITER times
  const runs = [];
  let last;
  for (let i = 0; i < ITER; i++) {
    const t = performance.now();
    last = await services.quality.checks.run(null, 'schedule');
    runs.push(performance.now() - t);
  }
  const heaviest = Object.entries(last.millis).sort((a, b) => b[1] - a[1])[0][0];
  // baseline: the heaviest check's bare SQL, run directly on the same engine
  const bare = [];
  for (let i = 0; i < ITER; i++) {
    const p = new SqlParams();
    const sql = CHECK_SQL[heaviest]({ p, today, o: { today } });
    const t = performance.now();
    await db.query(sql, p.values);
    bare.push(performance.now() - t);
  }
  // task generation: a month without tasks each time (fresh inserts), then the idempotent re-run
  const gen = [];
  let inserted = 0;
  for (let i = 0; i < ITER; i++) {
    const month = monthBack(today.slice(0, 7), 12 + i);
    const t = performance.now();
    const r = await services.quality.followup.generate(null, { month, trigger: 'schedule' });
    gen.push(performance.now() - t);
    inserted = r.revisit + r.assessment;
  }
  const t1 = performance.now();
  await services.quality.followup.generate(null, { month: monthBack(today.slice(0, 7), 12), trigger: 'schedule' });
  const regen = performance.now() - t1;
  await cleanup();
  const out = {
    engine, scale, households: demo.households, persons: demo.persons, monitored, loadSeconds, registrySeconds, featureSeconds, data,
    loadAvgBefore, loadAvgAfter: loadAvg(),
    checksMs: median(runs), findings: last.found, heaviest, heaviestInRunMs: last.millis[heaviest], bareMs: median(bare),
    genMs: median(gen), inserted, regenMs: regen, millis: last.millis,
  };
  console.log(`${engine.padEnd(8)} scale ${scale}: ${out.households} 户 / ${out.persons} 人 (load ${loadSeconds.toFixed(0)} s: registry + 5+2 ${registrySeconds.toFixed(0)} s, ${Object.entries(featureSeconds).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}; load average ${out.loadAvgBefore} → ${out.loadAvgAfter}) | quality run ${out.checksMs.toFixed(0)} ms, ${out.findings} findings; heaviest ${heaviest} ${out.heaviestInRunMs} ms in run, bare SQL ${out.bareMs.toFixed(0)} ms | task generation ${out.genMs.toFixed(0)} ms (${inserted} tasks), re-run ${regen.toFixed(0)} ms`);
  return out;
}

const engines = await benchEngines();
const results = [];
for (const scale of SCALES) for (const e of engines) results.push(await bench(e, scale));

let md = `## Nightly jobs: data-quality checks and monthly task generation (issue 4 §7)\n\nMachine: ${machineLine()}. Date: ${runDate()}. Median of ${ITER} runs per figure (\`node bench/nightly.bench.mjs\`, scales ${SCALES.join(', ')}).\n\n`;
md += 'Quality run = `QualityCheckService.run`: the 13 rules set-wise in SQL, messages from the domain, findings upserted (first/last seen) and resolved, one transaction. Bare SQL = the heaviest rule\'s statement alone on the same engine, same run. Task generation = `FollowupService.generate` for a month without tasks (INSERT … SELECT … ON CONFLICT DO NOTHING + cancel of stale tasks), and the idempotent re-run.\n\n';
md += '| engine | scale | households / persons | monitored | quality run ms | findings | heaviest rule | its ms in run | bare SQL ms | generate ms (tasks) | re-run ms |\n|---|---:|---|---:|---:|---:|---|---:|---:|---:|---:|\n';
for (const r of results) md += `| ${r.engine} | ${r.scale} | ${r.households} / ${r.persons} | ${r.monitored} | ${r.checksMs.toFixed(0)} | ${r.findings} | ${r.heaviest} | ${r.heaviestInRunMs} | ${r.bareMs.toFixed(0)} | ${r.genMs.toFixed(0)} (${r.inserted}) | ${r.regenMs.toFixed(0)} |\n`;
md += '\nWhat each county contained and how long it took to load (demo load = `prepareDatabase` + `loadDemoIfEmpty`: registry COPY and the "5+2" demo, then each feature demo loader, then `VACUUM ANALYZE`; load average = 1 / 5 / 15 min before the load → after the last figure):\n\n';
md += '| engine | scale | 脱贫户 | monitored (not eliminated) | persons of 脱贫户/监测户 | income rows | help plans / measures (implemented) | demo load s | registry + 5+2 s | feature loaders s | load average |\n|---|---:|---:|---:|---:|---:|---|---:|---:|---|---|\n';
for (const r of results) {
  const d = r.data;
  const features = Object.entries(r.featureSeconds).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ') || '—';
  md += `| ${r.engine} | ${r.scale} | ${d.alleviated} | ${d.monitored} (${d.monitored_open}) | ${d.population_persons} | ${d.incomes} | ${d.plans} / ${d.measures} (${d.measures_implemented}) | ${r.loadSeconds.toFixed(0)} | ${r.registrySeconds.toFixed(0)} | ${features} | ${r.loadAvgBefore} → ${r.loadAvgAfter} |\n`;
}
md += '\nPer-rule milliseconds inside the last run:\n\n';
for (const r of results) md += `- ${r.engine} scale ${r.scale}: ${Object.entries(r.millis).map(([k, v]) => `${k} ${v}`).join(', ')}\n`;
writeResultsSection('nightly', md);
