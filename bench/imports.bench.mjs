// Registry import benchmark (issue 3 §1): a generated 100k-row registry .xlsx (one row per person, the import
// template's columns), timed three ways in the same run:
//   1. ExcelJS bare streaming read (WorkbookReader, every row's values touched) — the baseline;
//   2. parse only: the shared reader (zip checks + ExcelJS + cell text) and the row validation of the import;
//   3. the whole import on PGlite: upload → spool → parse → validate → COPY in one transaction → job finished.
// Goal: the import's rows/s ≥ 50% of the bare read's. Not a test: prints figures and rewrites the imports section of
// bench/RESULTS.md. Run: node bench/imports.bench.mjs (needs `npx tsc -b packages/domain packages/server`).
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { createReadStream, readFileSync, createWriteStream, statSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { SERVER_DIST as dist, machineLine, today as runDate, writeResultsSection } from './lib.mjs';

const domain = await import(new URL('../packages/domain/dist/index.js', import.meta.url));
const { openTabular } = await import(new URL('files/tabular.reader.js', dist));
const { createTestApp, VILLAGE_A, VILLAGE_B } = await import(new URL('testing/fixture.js', dist));
const { RegistryImport } = await import(new URL('modules/imports/registry.import.js', dist));

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const dir = mkdtempSync(path.join(os.tmpdir(), 'imports-bench-'));
const file = path.join(dir, 'registry.xlsx');

// ── generate ──
{
  const cols = domain.REGISTRY_COLUMNS;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(file), useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('农户和家庭成员');
  ws.addRow(cols.map((c) => c.label)).commit();
  let person = 0;
  for (let h = 0; person < ROWS; h++) {
    const members = 1 + (h % 4);
    const village = h % 2 ? VILLAGE_A : VILLAGE_B;
    for (let m = 0; m < members && person < ROWS; m++, person++) {
      const day = Math.floor(person / 400); const id = domain.makeIdCard('411321', `19${String(40 + (day % 50)).padStart(2, '0')}0${1 + (Math.floor(day / 50) % 9)}1${Math.floor(day / 450) % 10}`, (person % 400) * 2 + 1);
      const v = {
        villageCode: village, householdType: h % 3 ? '一般农户' : '脱贫户', alleviationYear: h % 3 ? null : 2016, address: `测试村${h}号`,
        riskTypes: null, incomeYear: 2024, wageIncome: 10000 + (h % 100) * 50, transferIncome: 1200,
        name: `测试${person}`, idNumber: id, relation: m === 0 ? '户主' : m === 1 ? '配偶' : '之子', labourSkill: '普通劳动力',
        ethnicity: '汉族', residentMedicalInsurance: '是', workLocation: m === 0 ? '县内' : '未务工', workMonths: m === 0 ? 8 : 0,
      };
      ws.addRow(cols.map((c) => (m === 0 || c.scope === 'person' ? v[c.key] ?? null : null))).commit();
    }
  }
  ws.commit();
  await wb.commit();
}
const bytes = statSync(file).size;
console.log(`generated ${ROWS} rows, ${(bytes / 1_048_576).toFixed(1)} MB`);

// ── 1. bare ExcelJS streaming read ──
async function bare() {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit' });
  let n = 0;
  for await (const ws of reader) { for await (const row of ws) { const v = row.values; if (v.length) n++; } break; }
  return n - 1;
}
// ── 2. parse only ──
async function parseOnly() {
  const src = await openTabular(createReadStream(file), { fileName: 'r.xlsx', maxBytes: 200 * 1_048_576 });
  const check = domain.checkHeaders(domain.REGISTRY_COLUMNS, src.headers);
  const villages = new Map([[VILLAGE_A, 'A'], [VILLAGE_B, 'B']]);
  const imp = new RegistryImport(check.mapping, { id: 1, username: 'b', displayName: 'b', role: 'county_office', areaCode: '411321', departmentCode: null }, villages, '2025-06-01');
  for await (const b of src.rows) imp.consume(b);
  return imp.rowsRead;
}
// ── 3. whole import on PGlite ──
async function fullImport() {
  const t = await createTestApp('pglite');
  try {
    const cookie = await t.login('county');
    const data = readFileSync(file);
    const boundary = '----bench';
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.xlsx"\r\n\r\n`), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const t0 = performance.now();
    const r = await t.app.inject({ method: 'POST', url: '/api/imports/registry', headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    if (r.statusCode !== 202) throw new Error(r.body);
    // "job done" as the user sees it: the job's status (polled through the API) is no longer running. The
    // VACUUM ANALYZE that follows a large import runs after that; whenIdle() waits for it too.
    const url = `/api/imports/${r.json().id}`;
    let job;
    for (;;) {
      job = (await t.app.inject({ url, headers: { cookie } })).json();
      if (job.status !== 'running') break;
      await new Promise((res) => setTimeout(res, 25));
    }
    const ms = performance.now() - t0;
    await t.services.imports.imports.whenIdle();
    const idleMs = performance.now() - t0;
    if (job.status !== 'succeeded') throw new Error(`${job.message} ${JSON.stringify(job.errors?.slice(0, 3))}`);
    return { ms, idleMs, rows: job.rowsWritten, households: job.householdsWritten };
  } finally {
    await t.close();
  }
}

// Where the time goes (H10's profile, 2026-11-22, same machine under a load average of 7–11 from other work, so
// absolute figures vary ±2×; static text, not re-measured by this script):
const NOTES = `Before H10's changes: 62.6 s / 1,598 rows/s / 5% (the lead's run); the old code re-run by H10 at a similar load to this
run: 33.5 s / 2,985 rows/s / 8% (bare read 2.8 s), so the whole import is now ~1.3× faster than the old code under the same conditions.

Where the time goes (profile of the phases on PGlite, load average 7–11 during profiling, figures ±2×):
- reader (zip checks + ExcelJS with styles + cell text): ~4.9 s for 100k rows, vs ~2.9 s for the bare read. Not in the
  imports module (files/tabular.reader.ts); candidates: styles 'ignore' with date columns parsed from Excel serials,
  and skipping the separate full inflate pass of checkZip by counting inflated bytes while ExcelJS reads.
- validation: ~7.7 s → ~4.5–5 s after the fast paths (plain checks equal to the zod schemas, zod only for rows that
  fail or are unusual; tested against the schemas on generated inputs). The rest is cell parsing, ID checks and
  allocation/GC for 100k person records.
- database: ID reservation 1.4 s → ~0.3 s (one string_agg row instead of 40k result rows); household history built
  with one INSERT … SELECT in the database instead of a JSON document per household through COPY: 3–5× faster
  (A/B in one run: 24 s/40 s → 7.9 s/7.0 s under heavy load); COPY person (100k rows, 5 indexes, FK) ~3.3 s at light
  load and COPY household (40k rows, 3 indexes, FK, CHECKs) ~1.6 s remain the largest database costs.
- VACUUM ANALYZE (~1.3 s) runs after the job is reported done.
The 50% goal needs the whole import within ~2× the bare read; with PGlite the inserts of 100k persons into the indexed
tables alone take longer than that on this machine, so the goal is not reached here.`;
const loadAtStart = os.loadavg().map((x) => x.toFixed(1)).join(' / ');
const timeIt = async (fn) => { const t0 = performance.now(); const n = await fn(); return { ms: performance.now() - t0, n }; };
const b = await timeIt(bare);
const p = await timeIt(parseOnly);
const f = await fullImport();
rmSync(dir, { recursive: true, force: true });
const rate = (n, ms) => Math.round(n / (ms / 1000));
const rows = [
  ['ExcelJS bare streaming read', b.n, b.ms, rate(b.n, b.ms)],
  ['parse only (shared reader + row validation)', p.n, p.ms, rate(p.n, p.ms)],
  ['whole import on PGlite (upload → COPY → job done)', f.rows, f.ms, rate(f.rows, f.ms)],
  ['… and the VACUUM ANALYZE after it (job already done)', f.rows, f.idleMs, rate(f.rows, f.idleMs)],
];
for (const r of rows) console.log(`${r[0].padEnd(52)} ${String(r[1]).padStart(7)} rows ${Math.round(r[2])} ms ${r[3]} rows/s`);
const ratio = rate(f.rows, f.ms) / rate(b.n, b.ms);
console.log(`import / bare read = ${(ratio * 100).toFixed(0)}% (goal ≥ 50%)`);

writeResultsSection('imports', `## Registry import: 100k-row .xlsx (issue 3 §1)

Machine: ${machineLine()}. Date: ${runDate()}. One run (\`node bench/imports.bench.mjs\`), file ${(bytes / 1_048_576).toFixed(1)} MB, ${f.households} households.

| what | rows | ms | rows/s |
|---|---:|---:|---:|
${rows.map((r) => `| ${r[0]} | ${r[1]} | ${Math.round(r[2])} | ${r[3]} |`).join('\n')}

Import rate / bare ExcelJS read rate: **${(ratio * 100).toFixed(0)}%** (goal ≥ 50%). The import includes spooling the upload, the zip-bomb checks (central directory + one inflate pass), ExcelJS with styles (for dates), validation with the registry's zod schemas and ID rules, the database checks, and the writes of households, persons, incomes and history in one transaction. "Job done" is when the job's status (polled through the API every 25 ms) is no longer running; the VACUUM ANALYZE of the four tables runs after that (last row). Load average when the run started: ${loadAtStart}.\n\n${NOTES}`);
