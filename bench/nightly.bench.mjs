// Nightly jobs benchmark: the data-quality checks (all rules, with storing the findings) and the monthly task
// generation over the demo county at scale 1 and a 10× county (BENCH_SCALES, default "1,10"), on PGlite and on
// PostgreSQL (when reachable). Same-run baseline: the bare SQL of the heaviest check run directly (no message
// building, no storing). Not a test: prints figures and rewrites the nightly section of bench/RESULTS.md.
// Needs the built server: npx tsc -b packages/domain packages/server
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const dist = new URL('../packages/server/dist/', import.meta.url);
const { openDb } = await import(new URL('db/open.js', dist));
const { prepareDatabase } = await import(new URL('bootstrap.js', dist));
const { loadDemoIfEmpty } = await import(new URL('demo/demo.loader.js', dist));
const { createServices } = await import(new URL('services.js', dist));
const { CHECK_SQL } = await import(new URL('modules/quality/quality.checks.js', dist));
const { SqlParams } = await import(new URL('db/sql-params.js', dist));
const { todayOf } = await import(new URL('clock.js', dist));

const ITER = Number(process.env.BENCH_ITER ?? 3);
const SCALES = (process.env.BENCH_SCALES ?? '1,10').split(',').map(Number);
const ENGINES = process.env.BENCH_ENGINES?.split(',');
const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function pgReachable() {
  const c = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 1500 });
  try { await c.connect(); await c.end(); return true; } catch { return false; }
}

async function openEngine(engine) {
  if (engine === 'pglite') {
    const db = await openDb({ dataDir: null });
    return { db, cleanup: () => db.close() };
  }
  const name = `sw_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect(); await admin.query(`CREATE DATABASE ${name}`); await admin.end();
  const url = new URL(PG_ADMIN); url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), dataDir: null });
  return {
    db,
    cleanup: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: PG_ADMIN });
      await a.connect(); await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); await a.end();
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
  const t0 = performance.now();
  await prepareDatabase(db, ['411321']);
  const demo = await loadDemoIfEmpty(db, { counties: ['411321'], scale, password: 'Bench@12345', clock });
  const loadSeconds = (performance.now() - t0) / 1000;
  const services = createServices(db, clock, { SESSION_TTL_HOURS: 8 });
  const today = todayOf(clock);
  const [{ n: monitored }] = await db.query(`SELECT count(*)::int AS n FROM household WHERE monitor_category IS NOT NULL`);

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
    engine, scale, households: demo.households, persons: demo.persons, monitored, loadSeconds,
    checksMs: median(runs), findings: last.found, heaviest, heaviestInRunMs: last.millis[heaviest], bareMs: median(bare),
    genMs: median(gen), inserted, regenMs: regen, millis: last.millis,
  };
  console.log(`${engine.padEnd(8)} scale ${scale}: ${out.households} 户 / ${out.persons} 人 (load ${loadSeconds.toFixed(0)} s) | quality run ${out.checksMs.toFixed(0)} ms, ${out.findings} findings; heaviest ${heaviest} ${out.heaviestInRunMs} ms in run, bare SQL ${out.bareMs.toFixed(0)} ms | task generation ${out.genMs.toFixed(0)} ms (${inserted} tasks), re-run ${regen.toFixed(0)} ms`);
  return out;
}

const engines = ENGINES ?? ['pglite', ...((await pgReachable()) ? ['postgres'] : [])];
const results = [];
for (const scale of SCALES) for (const e of engines) results.push(await bench(e, scale));

const machine = `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
const date = new Date().toISOString().slice(0, 10);
let md = `<!-- nightly:start -->\n## Nightly jobs: data-quality checks and monthly task generation (issue 4 §7)\n\nMachine: ${machine}. Date: ${date}. Median of ${ITER} runs per figure (\`node bench/nightly.bench.mjs\`, scales ${SCALES.join(', ')}).\n\n`;
md += 'Quality run = `QualityCheckService.run`: the 13 rules set-wise in SQL, messages from the domain, findings upserted (first/last seen) and resolved, one transaction. Bare SQL = the heaviest rule\'s statement alone on the same engine, same run. Task generation = `FollowupService.generate` for a month without tasks (INSERT … SELECT … ON CONFLICT DO NOTHING + cancel of stale tasks), and the idempotent re-run.\n\n';
md += '| engine | scale | households / persons | monitored | quality run ms | findings | heaviest rule | its ms in run | bare SQL ms | generate ms (tasks) | re-run ms |\n|---|---:|---|---:|---:|---:|---|---:|---:|---:|---:|\n';
for (const r of results) md += `| ${r.engine} | ${r.scale} | ${r.households} / ${r.persons} | ${r.monitored} | ${r.checksMs.toFixed(0)} | ${r.findings} | ${r.heaviest} | ${r.heaviestInRunMs} | ${r.bareMs.toFixed(0)} | ${r.genMs.toFixed(0)} (${r.inserted}) | ${r.regenMs.toFixed(0)} |\n`;
md += '\nPer-rule milliseconds inside the last run:\n\n';
for (const r of results) md += `- ${r.engine} scale ${r.scale}: ${Object.entries(r.millis).map(([k, v]) => `${k} ${v}`).join(', ')}\n`;
md += '<!-- nightly:end -->\n';

const file = new URL('RESULTS.md', import.meta.url);
let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n\n';
doc = doc.includes('<!-- nightly:start -->') ? doc.replace(/<!-- nightly:start -->[\s\S]*<!-- nightly:end -->\n/, md) : doc + '\n' + md;
writeFileSync(file, doc);
console.log('\nwritten to bench/RESULTS.md');
