// Registry search benchmark: p50/p95 of the product's registry queries at the demo size, on PGlite and on
// PostgreSQL (when reachable), each against a same-run baseline: the bare SQL of the same question on the same
// engine. Not a test: prints figures and rewrites the registry section of bench/RESULTS.md.
import { performance } from 'node:perf_hooks';
import { SERVER_DIST as dist, benchEngines, machineLine, openEngine, percentiles, today as runDate, writeResultsSection } from './lib.mjs';

const { prepareDatabase } = await import(new URL('bootstrap.js', dist));
const { loadDemoIfEmpty } = await import(new URL('demo/demo.loader.js', dist));
const { createServices } = await import(new URL('services.js', dist));
const { buildApp } = await import(new URL('app.js', dist));

const ITER = Number(process.env.BENCH_ITER ?? 60);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
async function time(fn) {
  for (let i = 0; i < 5; i++) await fn(i); // warm-up
  const out = [];
  for (let i = 0; i < ITER; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return percentiles(out);
}

async function benchEngine(engine) {
  const { db, cleanup } = await openEngine(engine);
  const t0 = performance.now();
  await prepareDatabase(db, ['411321']);
  const demo = await loadDemoIfEmpty(db, { counties: ['411321'], scale: SCALE, password: 'Bench@12345', clock: () => new Date() });
  const loadSeconds = (performance.now() - t0) / 1000;

  const services = createServices(db, () => new Date(), { SESSION_TTL_HOURS: 8 });
  const app = await buildApp(services, { bodyLimit: 1 << 20, cookieSecure: false, logLevel: 'silent', counties: ['411321'], version: 'bench' });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'county', password: 'Bench@12345' } });
  const cookie = `sw_session=${login.cookies.find((c) => c.name === 'sw_session').value}`;

  // Inputs drawn from the data itself, fixed for the run.
  const townships = (await db.query(`SELECT code FROM area WHERE level = 'township' AND county_code = '411321' ORDER BY code`)).map((r) => r.code);
  const people = await db.query(`SELECT name, identity_key FROM person ORDER BY id LIMIT 2000`);
  const surnames = [...new Set(people.map((p) => p.name.slice(0, 2)))].slice(0, 50);
  const ids = people.map((p) => p.identity_key);

  const range = (code) => [code, code.slice(0, -1) + String.fromCharCode(code.charCodeAt(code.length - 1) + 1)];
  const cases = {
    'filtered list (township + 监测对象, page 1)': {
      http: (i) => `/api/households?area=${townships[i % townships.length]}&monitorCategory=any&page=1&pageSize=20`,
      bare: async (i) => {
        const [lo, hi] = range(townships[i % townships.length]);
        await db.query(`SELECT count(*) FROM household WHERE village_code >= $1 AND village_code < $2 AND monitor_category IS NOT NULL`, [lo, hi]);
        await db.query(`SELECT h.id, h.household_no, p.name FROM household h LEFT JOIN person p ON p.household_id = h.id AND p.relation = 'head'
                        WHERE h.village_code >= $1 AND h.village_code < $2 AND h.monitor_category IS NOT NULL ORDER BY h.village_code, h.id LIMIT 20`, [lo, hi]);
      },
    },
    'name search (surname+1 prefix)': {
      http: (i) => `/api/households?q=${encodeURIComponent(surnames[i % surnames.length])}&page=1&pageSize=20`,
      bare: async (i) => {
        const q = surnames[i % surnames.length] + '%';
        await db.query(`SELECT count(DISTINCT household_id) FROM person WHERE name LIKE $1`, [q]);
        await db.query(`SELECT h.id, h.household_no FROM household h WHERE EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.name LIKE $1) ORDER BY h.village_code, h.id LIMIT 20`, [q]);
      },
    },
    'ID lookup (18 digits)': {
      http: (i) => `/api/households?q=${ids[i % ids.length]}`,
      bare: async (i) => {
        await db.query(`SELECT h.id, h.household_no FROM person p JOIN household h ON h.id = p.household_id WHERE p.identity_key = $1`, [ids[i % ids.length]]);
      },
    },
  };
  const rows = [];
  for (const [name, c] of Object.entries(cases)) {
    const api = await time(async (i) => {
      const r = await app.inject({ url: c.http(i), headers: { cookie } });
      if (r.statusCode !== 200) throw new Error(`${name}: ${r.statusCode} ${r.body}`);
    });
    const bare = await time(c.bare);
    rows.push({ engine, name, api, bare });
    console.log(`${engine.padEnd(8)} ${name.padEnd(44)} API p50 ${api.p50.toFixed(1)} ms p95 ${api.p95.toFixed(1)} ms | bare SQL p50 ${bare.p50.toFixed(1)} ms p95 ${bare.p95.toFixed(1)} ms`);
  }
  await app.close();
  await cleanup();
  return { engine, loadSeconds, households: demo.households, persons: demo.persons, rows };
}

const engines = await benchEngines();
const results = [];
for (const e of engines) results.push(await benchEngine(e));

let md = `## Registry search (issue: foundation)\n\nMachine: ${machineLine()}. Date: ${runDate()}. Iterations: ${ITER} after 5 warm-up, scale ${SCALE}.\n\n`;
md += 'API = `GET /api/households` through Fastify (`app.inject`: routing, session lookup, access check, zod validation, service, masking, serialisation). Bare SQL = the same question as minimal SQL on the same engine, same run.\n\n';
for (const r of results) md += `- ${r.engine}: demo load ${r.loadSeconds.toFixed(1)} s (migrations + areas + ${r.households} households / ${r.persons} persons)\n`;
md += '\n| engine | query | API p50 ms | API p95 ms | bare SQL p50 ms | bare SQL p95 ms |\n|---|---|---:|---:|---:|---:|\n';
for (const r of results) for (const x of r.rows) md += `| ${r.engine} | ${x.name} | ${x.api.p50.toFixed(1)} | ${x.api.p95.toFixed(1)} | ${x.bare.p50.toFixed(1)} | ${x.bare.p95.toFixed(1)} |\n`;
writeResultsSection('registry', md);
