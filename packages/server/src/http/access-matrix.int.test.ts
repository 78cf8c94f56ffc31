/**
 * The access matrix: every API route × every role, allowed or denied as written here by hand (not derived
 * from the policy table, so a wrong table entry fails). "Allowed" means the request got past access control
 * (not 401/403); it may still be 404 for a record outside the caller's area. Every route must be listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from '../testing/engines.js';
import type { AccessCase, AccessCaseProvider } from '../testing/access-cases.js';
import { cycleAccessCases } from '../modules/linkage/cycle/cycle.access-cases.js';
import { scoringAccessCases } from '../modules/linkage/scoring/scoring.access-cases.js';
import { sharingAccessCases } from '../modules/linkage/sharing/sharing.access-cases.js';
import { calendarAccessCases } from '../modules/linkage/calendar/calendar.access-cases.js';
import { attachmentAccessCases } from '../modules/attachments/attachment.access-cases.js';
import { createTestApp, householdBody, newId, PASSWORD, USERS, VILLAGE_A, type TestApp } from '../testing/fixture.js';
import { importsAccessCases } from '../modules/imports/imports.access-cases.js';
import { comparisonAccessCases } from '../modules/comparison/comparison.access-cases.js';
import { warningsAccessCases } from '../modules/warnings/warnings.access-cases.js';
import { selfReportAccessCases } from '../modules/self-report/self-report.access-cases.js';
import { screeningAccessCases } from '../modules/screening/screening.access-cases.js';
import { casesAccessCases } from '../modules/cases/cases.access-cases.js';
import { assistanceAccessCases } from '../modules/assistance/assistance.access-cases.js';
import { qualityAccessCases } from '../modules/quality/quality.access-cases.js';

const engines = await availableEngines();

const ALL = USERS.map((u) => u.username);
const READERS = ['county', 'leader', 'township', 'village', 'helper'];
const EDITORS = ['county', 'township', 'village'];
const REVEALERS = ['county', 'township', 'village', 'helper'];

type Case = AccessCase;

/** Each module's own cases (kept beside the module so that adding routes means adding their cases). */
const MODULE_CASES: AccessCaseProvider[] = [
  cycleAccessCases, scoringAccessCases, sharingAccessCases, calendarAccessCases, attachmentAccessCases,
  importsAccessCases, comparisonAccessCases, warningsAccessCases, selfReportAccessCases, screeningAccessCases, casesAccessCases, assistanceAccessCases, qualityAccessCases,
];

describe.each(engines)('access matrix on %s', (engine) => {
  let t: TestApp;
  let hid = 0;
  let pid = 0;
  const cookies: Record<string, string> = {};
  const moduleCases: Case[] = [];

  beforeAll(async () => {
    t = await createTestApp(engine);
    for (const u of ALL) cookies[u] = await t.login(u);
    const r = await t.app.inject({ method: 'POST', url: '/api/households', headers: { cookie: cookies.county! }, payload: householdBody(VILLAGE_A, '矩阵户') });
    hid = r.json().id;
    pid = (await t.app.inject({ url: `/api/households/${hid}`, headers: { cookie: cookies.county! } })).json().members[1].id;
    for (const provider of MODULE_CASES) moduleCases.push(...(await provider(t, cookies)));
  });
  afterAll(() => t?.close());

  const hh = (v: Record<string, unknown> = {}) => ({ villageCode: VILLAGE_A, householdType: 'ordinary', riskTypes: [], ...v });
  const person = () => ({ name: '矩阵成员', idNumber: newId('20000101'), relation: 'son', labourSkill: 'ordinary' });
  const cases = (): Case[] => [
    { method: 'GET', url: '/api/health', allowed: 'public' },
    { method: 'GET', url: '/api/openapi.json', allowed: 'public' },
    { method: 'POST', url: '/api/auth/login', allowed: 'public', body: () => ({ username: 'leader', password: PASSWORD }) },
    { method: 'POST', url: '/api/auth/logout', allowed: 'public' },
    { method: 'GET', url: '/api/auth/me', allowed: ALL },
    { method: 'GET', url: '/api/areas/tree', allowed: ALL },
    { method: 'GET', url: '/api/codes', allowed: ALL },
    { method: 'GET', url: '/api/households', allowed: READERS },
    { method: 'POST', url: '/api/households', allowed: EDITORS, body: () => householdBody(VILLAGE_A, '矩阵新户') },
    { method: 'GET', url: `/api/households/${hid}`, allowed: READERS },
    { method: 'PUT', url: `/api/households/${hid}`, allowed: EDITORS, body: () => ({ household: hh(), version: 999 }) },
    { method: 'GET', url: `/api/households/${hid}/history`, allowed: READERS },
    { method: 'POST', url: `/api/households/${hid}/members`, allowed: EDITORS, body: person },
    { method: 'PUT', url: `/api/persons/${pid}`, allowed: EDITORS, body: () => ({ name: '矩阵成员改', idNumber: newId('20000101'), relation: 'son', labourSkill: 'ordinary' }) },
    { method: 'DELETE', url: '/api/persons/999999', allowed: EDITORS },
    { method: 'PUT', url: `/api/households/${hid}/incomes/2024`, allowed: EDITORS, body: () => ({ wageIncome: 1000 }) },
    { method: 'POST', url: `/api/persons/${pid}/reveal`, allowed: REVEALERS },
    { method: 'POST', url: `/api/households/${hid}/reveal`, allowed: REVEALERS },
    { method: 'GET', url: '/api/users', allowed: ['admin'] },
    { method: 'POST', url: '/api/users', allowed: ['admin'], body: () => ({ username: `u${Math.random().toString(36).slice(2, 8)}`, displayName: '新用户', role: 'county_leader', areaCode: '411321', password: 'Abcdef123' }) },
    { method: 'PUT', url: '/api/users/999999', allowed: ['admin'], body: () => ({ displayName: 'x', role: 'county_leader', areaCode: '411321', active: true }) },
    { method: 'POST', url: '/api/users/999999/reset-password', allowed: ['admin'], body: () => ({ password: 'Abcdef123' }) },
    { method: 'GET', url: '/api/audit', allowed: ['admin'] },
    ...moduleCases,
  ];

  it('lists every API route', () => {
    const listed = new Set(cases().map((c) => `${c.method} ${c.route ?? c.url.split('?')[0]!.replace(/\/\d+/g, '/:id').replace('/incomes/:id', '/incomes/:year')}`));
    const missing = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).filter((r) => !listed.has(r));
    expect(missing).toEqual([]);
  });

  it('answers 401 to every non-public route without a session', async () => {
    for (const c of cases().filter((x) => x.allowed !== 'public')) {
      const r = await t.app.inject({ method: c.method, url: c.url, ...(c.body ? { payload: c.body() as object } : {}) });
      expect(r.statusCode, `${c.method} ${c.url}`).toBe(401);
    }
  });

  it.each(USERS.map((u) => u.username))('allows and denies %s as declared', async (username) => {
    for (const c of cases()) {
      if (c.method === 'POST' && c.url === '/api/auth/logout') continue; // would end the session under test
      const r = await t.app.inject({ method: c.method, url: c.url, headers: { cookie: cookies[username]! }, ...(c.body ? { payload: c.body() as object } : {}) });
      const allowed = c.allowed === 'public' || c.allowed.includes(username);
      const label = `${username} ${c.method} ${c.url} → ${r.statusCode} ${r.body.slice(0, 120)}`;
      if (allowed) expect([401, 403], label).not.toContain(r.statusCode);
      else expect(r.statusCode, label).toBe(403);
    }
  });
});
