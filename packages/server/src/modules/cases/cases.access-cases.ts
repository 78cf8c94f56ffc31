import { householdBody, VILLAGE_A } from '../../testing/fixture.js';
import type { AccessCaseProvider } from '../../testing/access-cases.js';

/** monitoring_case:read — 县联动办公室, 县级领导, 乡镇, 村, 帮扶责任人, 核查暗访组. */
const READERS = ['county', 'leader', 'township', 'village', 'helper', 'inspector'];
/** monitoring_case:create / update — the levels that handle cases. */
const HANDLERS = ['county', 'township', 'village'];
/** monitoring_case:manage — settings and 风险消除回退. */
const OFFICE = ['county'];

/**
 * Every route of the cases module with the users that get past access control. Step and facts requests carry a stale
 * version (999) so every allowed caller gets 409 before any role-specific refusal of the workflow (a 403 there would
 * read as "denied" in the matrix).
 */
export const casesAccessCases: AccessCaseProvider = async (t, cookies) => {
  const post = async (url: string, payload: object) => {
    const r = await t.app.inject({ method: 'POST', url, headers: { cookie: cookies.county! }, payload });
    if (r.statusCode !== 201) throw new Error(`cases access cases: POST ${url} → ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const hid = (await post('/api/households', householdBody(VILLAGE_A, '矩阵识别户'))).id as number;
  const other = (await post('/api/households', householdBody(VILLAGE_A, '矩阵二户'))).id as number;
  const cid = (await post('/api/cases/identification', { householdId: hid, riskTypes: ['illness'] })).case.id as number;
  const deadlines = { rules: { identification: { days: 15, counting: 'calendar' }, publicity: { days: 5, counting: 'calendar' }, help_plan: { days: 10, counting: 'calendar' } }, dueSoonDays: 3, calendar: { holidays: [], extraWorkingDays: [] }, version: 999 };

  return [
    { method: 'GET', url: '/api/cases', allowed: READERS },
    { method: 'GET', url: '/api/cases/overdue-summary', allowed: READERS },
    { method: 'POST', url: '/api/cases/identification', allowed: HANDLERS, body: () => ({ householdId: other, riskTypes: ['accident'] }) },
    { method: 'POST', url: '/api/cases/elimination', allowed: HANDLERS, body: () => ({ householdId: other }) },
    { method: 'GET', url: `/api/cases/${cid}`, allowed: READERS },
    { method: 'POST', url: `/api/cases/${cid}/steps`, allowed: HANDLERS, body: () => ({ event: 'withdraw', remarks: '矩阵', expectedVersion: 999 }) },
    { method: 'PUT', url: `/api/cases/${cid}/facts`, allowed: HANDLERS, body: () => ({ monitorCategory: 'marginal', expectedVersion: 999 }) },
    { method: 'GET', url: `/api/cases/${cid}/attachments`, allowed: READERS },
    // Without a multipart body an allowed caller gets 415, a denied one 403 first.
    { method: 'POST', url: `/api/cases/${cid}/attachments`, allowed: HANDLERS },
    { method: 'GET', url: `/api/households/${hid}/cases`, allowed: READERS },
    { method: 'GET', url: `/api/households/${hid}/elimination-check`, allowed: READERS },
    { method: 'POST', url: `/api/households/${hid}/elimination-rollback`, allowed: OFFICE, body: () => ({ reason: '矩阵回退' }) },
    { method: 'GET', url: '/api/case-settings', allowed: READERS },
    { method: 'PUT', url: '/api/case-settings/deadlines', allowed: OFFICE, body: () => deadlines },
    { method: 'PUT', url: '/api/case-settings/elimination', allowed: OFFICE, body: () => ({ stabilityMonths: 6, eliminateNoLabourHouseholds: false, version: 999 }) },
    { method: 'GET', url: '/api/case-notices', allowed: READERS },
    { method: 'GET', url: `/api/case-notices/candidates?kind=identification_publicity&villageCode=${VILLAGE_A}`, route: '/api/case-notices/candidates', allowed: READERS },
    { method: 'POST', url: '/api/case-notices', allowed: HANDLERS, body: () => ({ kind: 'identification_publicity', villageCode: VILLAGE_A }) },
    { method: 'GET', url: '/api/case-notices/999999', allowed: READERS },
    { method: 'GET', url: '/api/case-notices/999999/print', allowed: READERS },
    { method: 'GET', url: '/api/case-notices/999999/pdf', allowed: READERS },
    { method: 'POST', url: '/api/case-notices/999999/post', allowed: HANDLERS },
    { method: 'POST', url: '/api/case-notices/999999/cancel', allowed: HANDLERS },
  ];
};
