// 信息比对 benchmark (issue 3 §3): a 650k-person 公安 roster (COPY) plus a generated registry (60k households / 200k
// persons, a subset of the roster), and a 1,000,000-row 医保 CSV. Times upload → parse → match → warnings end to end
// through the comparison service (spool + SHA-256, the shared reader, the engine, the one write transaction), on PGlite
// and on PostgreSQL when reachable, with rows/s, peak RSS and the event-loop delay (monitorEventLoopDelay: max, p99).
// Baseline in the same run: DuckDB's bare CSV join of the same files (read both CSVs, join on ID, apply the 医保
// thresholds). Not a test: prints figures and rewrites the comparison section of bench/RESULTS.md.
//
// Run after building the server: npx tsc -b packages/domain packages/server && node bench/comparison.bench.mjs
// Env: BENCH_ROWS (default 1,000,000), BENCH_ROSTER (650,000), BENCH_ENGINES (postgres,pglite).
// SHOUWANG_COMPARISON_TIMING=1 also prints the run's phases and every event-loop stall over 100 ms.
import { performance, monitorEventLoopDelay } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { makeIdCard, idCheckChar } from '@shouwang/domain';

import { SERVER_DIST as dist, machineLine, today, openEngine, pgReachable, writeResultsSection } from './lib.mjs';

const { prepareDatabase } = await import(new URL('bootstrap.js', dist));
const { createServices } = await import(new URL('services.js', dist));

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const ROSTER = Number(process.env.BENCH_ROSTER ?? 650_000);
const REGISTRY = Math.min(200_000, Math.floor(ROSTER * 0.3));
// PostgreSQL first: peak RSS is process-wide, and an in-memory PGlite database run first would stay in the figure.
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',');
const COUNTY = '411321';
const dir = mkdtempSync(path.join(os.tmpdir(), 'sw-cmp-bench-'));

// ── deterministic data ────────────────────────────────────────────────────────────────────────────
let seed = 20240601;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const DAY0 = Date.UTC(1940, 0, 1);
function idOf(i, prefix = COUNTY) {
  const d = new Date(DAY0 + (i % 25_000) * 86_400_000);
  const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  return makeIdCard(prefix, ymd, Math.floor(i / 25_000) + 1);
}
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const nameOf = (i) => `${SURNAMES[i % SURNAMES.length]}${'建国秀英志强海燕红梅国庆文博立新'.slice(i % 7, (i % 7) + 2)}`;

/** Subject group of roster person i: the first REGISTRY persons are in the registry (3.4 per household). */
function householdOf(i) { return Math.floor(i / 3.4); }
function groupOf(i) {
  if (i >= REGISTRY) return 'ordinary';
  const h = householdOf(i);
  if (h % 33 === 0) return 'monitored';
  if (h % 7 === 0) return 'alleviated';
  return 'ordinary';
}

async function writeLines(file, n, line) {
  const out = createWriteStream(file);
  let buf = '';
  for (let i = 0; i < n; i++) {
    buf += line(i);
    if (buf.length > 1 << 20) { if (!out.write(buf)) await once(out, 'drain'); buf = ''; }
  }
  out.end(buf);
  await once(out, 'finish');
}

let villages = [];
async function generateFiles() {
  const rosterCsv = path.join(dir, 'roster.csv');
  await writeLines(rosterCsv, ROSTER + 1, (i) => (i === 0 ? 'identity_key,grp\n' : `${idOf(i - 1)},${groupOf(i - 1)}\n`));
  // 医保 rows: every roster person up to 62% of the rows once, then repeat records (duplicates), 4% unknown, 4% invalid.
  const medCsv = path.join(dir, 'medical.csv');
  const unique = Math.min(ROSTER, Math.floor(ROWS * 0.62));
  const bad = Math.floor(ROWS * 0.04);
  let hitsExpected = 0;
  await writeLines(medCsv, ROWS + 1, (r) => {
    if (r === 0) return '证件号码,姓名,医保个人自付,医疗总费用\n';
    const i = r - 1;
    const x = rnd();
    const cost = x < 0.012 ? 20000 + Math.floor(rnd() * 60000) : x < 0.07 ? 5000 + Math.floor(rnd() * 15000) : Math.floor(rnd() * 5000);
    if (i < ROWS - 2 * bad) {
      const p = i < unique ? i : Math.floor(rnd() * unique);
      const g = groupOf(p);
      if (cost >= (g === 'ordinary' ? 20000 : 5000)) hitsExpected++;
      return `${idOf(p)},${nameOf(p)},${cost},${cost * 3}\n`;
    }
    if (i < ROWS - bad) return `${idOf(i, '410102')},外县人员,${cost},${cost * 2}\n`;
    const id17 = idOf(i).slice(0, 17);
    return `${id17}${idCheckChar(id17) === '1' ? '2' : '1'},号码错误,${cost},0\n`;
  });
  return { rosterCsv, medCsv, hitsExpected };
}

// ── database ──────────────────────────────────────────────────────────────────────────────────────
function* range(n, f) { for (let i = 0; i < n; i++) yield f(i); }

async function load(db) {
  const t0 = performance.now();
  await prepareDatabase(db, [COUNTY]);
  villages = (await db.query(`SELECT code FROM area WHERE level = 'village' AND code >= $1 AND code < $2 ORDER BY code`, [COUNTY, '411322'])).map((r) => r.code);
  const t1 = performance.now();
  await db.copyFrom('roster_person', ['identity_key', 'name', 'sex', 'birth_date', 'village_code'], range(ROSTER, (i) => {
    const id = idOf(i);
    return [id, nameOf(i), Number(id[16]) % 2 ? 'male' : 'female', `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, villages[i % villages.length]];
  }));
  const t2 = performance.now();
  const households = householdOf(REGISTRY - 1) + 1;
  await db.copyFrom('household', ['id', 'household_no', 'village_code', 'household_type', 'alleviation_year', 'monitor_category', 'member_count'], range(households, (h) => [
    h + 1, `B${String(h + 1).padStart(8, '0')}`, villages[h % villages.length], h % 7 === 0 && h % 33 !== 0 ? 'alleviated' : 'ordinary', h % 7 === 0 && h % 33 !== 0 ? 2016 : null,
    h % 33 === 0 ? 'marginal' : null, 3,
  ]));
  await db.query(`SELECT setval('household_id_seq', $1)`, [households]);
  await db.copyFrom('person', ['household_id', 'name', 'sex', 'id_number', 'identity_key', 'birth_date', 'relation', 'labour_skill'], range(REGISTRY, (i) => {
    const id = idOf(i);
    return [householdOf(i) + 1, nameOf(i), Number(id[16]) % 2 ? 'male' : 'female', id, id, `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, 'head', 'ordinary'];
  }));
  await db.query('ANALYZE');
  const t3 = performance.now();
  const [u] = await db.query(`INSERT INTO user_account (username, display_name, password_hash, role, area_code, department_code)
    VALUES ('bench_dept', '基准测试医保局', 'x', 'department_user', $1, 'medical_insurance') RETURNING id`, [COUNTY]);
  return { user: Number(u.id), migrateS: (t1 - t0) / 1000, rosterS: (t2 - t1) / 1000, registryS: (t3 - t2) / 1000 };
}

async function runComparison(db, userId, medCsv) {
  const services = createServices(db, () => new Date(), { SESSION_TTL_HOURS: 8, IMPORT_MAX_BYTES: 512 * 1_048_576 });
  if (process.env.SHOUWANG_COMPARISON_TIMING) services.comparison.runs.phaseLog = (line) => console.log(line);
  const ctx = { user: { id: userId, username: 'bench_dept', displayName: '基准测试医保局', role: 'department_user', areaCode: COUNTY, departmentCode: 'medical_insurance' }, clientIp: '127.0.0.1' };
  const h = monitorEventLoopDelay({ resolution: 10 });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);
  // A probe timer shows what an HTTP request would wait for.
  let probeMax = 0;
  let last = performance.now();
  const stalls = [];
  const probe = setInterval(() => {
    const now = performance.now();
    if (now - last - 20 > 100) stalls.push(`${Math.round(now - last - 20)} ms ending at ${Math.round(now)}`);
    probeMax = Math.max(probeMax, now - last - 20); last = now;
  }, 20);
  h.enable();
  const t0 = performance.now();
  const run = await services.comparison.runs.start(ctx, 'medical', { fileName: '医保1M.csv', stream: createReadStream(medCsv) });
  const tAccepted = performance.now();
  await services.comparison.runs.idle();
  const t1 = performance.now();
  h.disable();
  clearInterval(sampler);
  clearInterval(probe);
  if (process.env.SHOUWANG_COMPARISON_TIMING) console.log(`stalls > 100 ms (performance.now() at their end): ${stalls.join('; ') || 'none'}`);
  const [r] = await db.query('SELECT * FROM comparison_run WHERE id = $1', [run.id]);
  if (r.status !== 'completed') throw new Error(`run ${r.status}: ${r.error_message}`);
  const [w] = await db.query(`SELECT count(*)::int AS n FROM warning`);
  const [iss] = await db.query(`SELECT count(*)::int AS n FROM comparison_run_issue WHERE run_id = $1`, [run.id]);
  return {
    seconds: (t1 - t0) / 1000, acceptedS: (tAccepted - t0) / 1000, rowsPerS: Math.round(Number(r.rows_read) / ((t1 - t0) / 1000)),
    peakRssMb: Math.round(peakRss / 1_048_576), loopMaxMs: h.max / 1e6, loopP99Ms: h.percentile(99) / 1e6, probeMaxMs: probeMax,
    rows: Number(r.rows_read), matched: Number(r.matched), invalid: Number(r.invalid_ids), unmatched: Number(r.unmatched), duplicates: Number(r.duplicates),
    hits: Number(r.hits), created: Number(r.created), attached: Number(r.attached), warnings: Number(w.n), issueRows: Number(iss.n),
  };
}

async function duckdbBaseline(rosterCsv, medCsv) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  const t0 = performance.now();
  const reader = await con.runAndReadAll(`
    SELECT count(*) AS hits FROM read_csv('${medCsv}', header = true, all_varchar = true) m
      JOIN read_csv('${rosterCsv}', header = true, all_varchar = true) r ON r.identity_key = m."证件号码"
     WHERE TRY_CAST(m."医保个人自付" AS DOUBLE) >= CASE WHEN r.grp = 'ordinary' THEN 20000 ELSE 5000 END`);
  const hits = Number(reader.getRows()[0][0]);
  const seconds = (performance.now() - t0) / 1000;
  con.closeSync?.();
  return { seconds, hits };
}

// ── main ──────────────────────────────────────────────────────────────────────────────────────────
console.log(`generating ${ROSTER.toLocaleString()} roster persons and a ${ROWS.toLocaleString()}-row 医保 CSV in ${dir} …`);
const files = await generateFiles();
const size = statSync(files.medCsv).size;
console.log(`医保 CSV: ${(size / 1_048_576).toFixed(1)} MB; expected hits ${files.hitsExpected}`);
const duck = await duckdbBaseline(files.rosterCsv, files.medCsv);
console.log(`duckdb bare join: ${duck.seconds.toFixed(2)} s, ${duck.hits} hits`);

const results = [];
for (const engine of ENGINES) {
  if (engine === 'postgres' && !(await pgReachable())) { console.log('postgres not reachable: skipped'); continue; }
  const { db, cleanup } = await openEngine(engine);
  try {
    const l = await load(db);
    console.log(`${engine}: migrations ${l.migrateS.toFixed(1)} s, roster COPY ${l.rosterS.toFixed(1)} s, registry ${l.registryS.toFixed(1)} s`);
    const r = await runComparison(db, l.user, files.medCsv);
    console.log(engine, r);
    results.push({ engine, load: l, ...r });
  } finally {
    await cleanup();
  }
}
rmSync(dir, { recursive: true, force: true });

// ── RESULTS.md ────────────────────────────────────────────────────────────────────────────────────
const lines = [
  '## 信息比对: 1,000,000-row 医保 file against a 650k roster (issue 3 §3)',
  '',
  `Machine: ${machineLine()}. Date: ${today()}.`,
  `Data: roster ${ROSTER.toLocaleString()} persons (COPY), registry ${REGISTRY.toLocaleString()} persons of them; 医保 CSV ${ROWS.toLocaleString()} rows, ${(size / 1_048_576).toFixed(1)} MB (62% distinct roster persons, the rest repeat records, 4% unknown IDs, 4% wrong check digits).`,
  '',
  'End to end = `ComparisonRunService.start` (spool to a temp file with SHA-256, open with the shared reader, header check, record the run) → the queued run (load the area\'s registry + roster into the compact subject index, stream and match every row, evaluate the rule, one transaction writing warnings / steps / hits / row issues with COPY; row issues = one per invalid or unmatched row and one per repeated ID with its count and rows). Event loop measured with `monitorEventLoopDelay` (10 ms resolution) over the whole run. DuckDB = `read_csv` of both files, join on the ID, the two thresholds, count (same files, same run).',
  '',
  `DuckDB bare join: **${duck.seconds.toFixed(2)} s** (${duck.hits.toLocaleString()} hits).`,
  '',
  '| engine | end to end s | rows/s | × DuckDB | peak RSS MB | loop max ms | loop p99 ms | hits | new warnings | rows invalid / unmatched / repeating an earlier ID | issue rows stored |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
  ...results.map((r) => `| ${r.engine} | ${r.seconds.toFixed(1)} | ${r.rowsPerS.toLocaleString()} | ${(r.seconds / duck.seconds).toFixed(1)} | ${r.peakRssMb} | ${r.loopMaxMs.toFixed(0)} | ${r.loopP99Ms.toFixed(0)} | ${r.hits.toLocaleString()} | ${r.created.toLocaleString()} | ${r.invalid.toLocaleString()} / ${r.unmatched.toLocaleString()} / ${r.duplicates.toLocaleString()} | ${r.issueRows.toLocaleString()} |`),
  '',
  ...results.map((r) => `- ${r.engine}: load (not timed above): migrations ${r.load.migrateS.toFixed(1)} s, roster COPY ${r.load.rosterS.toFixed(1)} s, registry ${r.load.registryS.toFixed(1)} s; upload accepted (spooled, header checked) after ${r.acceptedS.toFixed(1)} s.`),
];
const block = lines.join('\n');
writeResultsSection('comparison', block);
console.log(block);
