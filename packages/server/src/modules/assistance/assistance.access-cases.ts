/** Every route of the assistance module (早帮扶) with the users that get past access control (written from the policy's intent). */
import type { AccessCase, AccessCaseProvider } from '../../testing/access-cases.js';
import { COUNTY, VILLAGE_A, householdBody } from '../../testing/fixture.js';

/** 县联动办公室, 县级领导, 乡镇, 村 read the helper registry; the office and townships manage it. */
const HELPER_READERS = ['county', 'leader', 'township', 'village'];
const HELPER_MANAGERS = ['county', 'township'];
/** Household readers (the registry's). */
const HOUSEHOLD_READERS = ['county', 'leader', 'township', 'village', 'helper'];
const PLAN_READERS = ['county', 'leader', 'township', 'village', 'helper', 'dept', 'inspector'];
const PLAN_MANAGERS = ['county', 'township', 'village'];
const PLAN_UPDATERS = ['county', 'township', 'village', 'helper', 'dept'];
const CASE_READERS = ['county', 'leader', 'township', 'village', 'helper', 'inspector'];
const VISIT_READERS = ['county', 'leader', 'township', 'village', 'helper', 'inspector'];
const VISIT_CREATORS = ['helper', 'village', 'township'];

export const assistanceAccessCases: AccessCaseProvider = async (t, cookies) => {
  const post = async (url: string, payload: object) => {
    const r = await t.app.inject({ method: 'POST', url, headers: { cookie: cookies.county! }, payload });
    if (r.statusCode !== 201) throw new Error(`access cases: POST ${url} → ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const hid = (await post('/api/households', householdBody(VILLAGE_A, '帮扶矩阵户', { monitorCategory: 'marginal', monitorIdentifiedOn: '2024-01-01', riskTypes: ['illness'] }))).id as number;
  const helperId = (await post('/api/helpers', { name: '矩阵帮扶人', unit: '县乡村振兴局', areaCode: COUNTY })).helper.id as number;
  await post(`/api/households/${hid}/helper-assignment`, { helperId });
  const plan = await post('/api/help-plans', { householdId: hid, measures: [{ measureCode: 'health', departmentCode: 'medical_insurance', plannedOn: '2024-12-31' }] });
  const measureId = plan.measures[0].id as number;
  const [v] = await t.db.query<{ id: number }>(`INSERT INTO visit (household_id, helper_id, visited_on, kind) VALUES ($1, $2, '2024-01-02', 'home') RETURNING id`, [hid, helperId]);
  const visitId = Number(v!.id);
  const helperBody = { name: '矩阵帮扶人', unit: '县乡村振兴局', areaCode: COUNTY, version: 999 };

  const cases: AccessCase[] = [
    { method: 'GET', url: '/api/helpers', allowed: HELPER_READERS },
    { method: 'GET', url: '/api/helpers/user-options', allowed: HELPER_MANAGERS },
    { method: 'POST', url: '/api/helpers', allowed: HELPER_MANAGERS, body: () => ({ name: '矩阵新帮扶人', unit: '县民政局', areaCode: '411321101' }) },
    { method: 'GET', url: `/api/helpers/${helperId}`, allowed: HELPER_READERS },
    { method: 'PUT', url: `/api/helpers/${helperId}`, allowed: HELPER_MANAGERS, body: () => helperBody },
    { method: 'POST', url: `/api/households/${hid}/helper-assignment`, allowed: HELPER_MANAGERS, body: () => ({ helperId }) },
    { method: 'GET', url: `/api/households/${hid}/helper-assignments`, allowed: HOUSEHOLD_READERS },
    { method: 'GET', url: `/api/households/${hid}/assistance`, allowed: HOUSEHOLD_READERS },

    { method: 'GET', url: '/api/help-plans', allowed: PLAN_READERS },
    { method: 'GET', url: '/api/help-plans/pending', allowed: CASE_READERS },
    { method: 'POST', url: '/api/help-plans', allowed: PLAN_MANAGERS, body: () => ({ householdId: hid, measures: [{ measureCode: 'industry', plannedOn: '2024-12-31' }] }) },
    { method: 'GET', url: `/api/help-plans/${plan.id}`, allowed: PLAN_READERS },
    { method: 'POST', url: `/api/help-plans/${plan.id}/measures`, allowed: PLAN_MANAGERS, body: () => ({ measureCode: 'industry', plannedOn: '2024-12-31' }) },
    { method: 'PUT', url: `/api/help-measures/${measureId}`, allowed: PLAN_MANAGERS, body: () => ({ plannedOn: '2024-12-31', version: 999 }) },
    { method: 'POST', url: `/api/help-measures/${measureId}/implement`, allowed: PLAN_UPDATERS, body: () => ({ implementedOn: '2024-01-02', evidenceNote: '矩阵', version: 999 }) },
    { method: 'POST', url: `/api/help-measures/${measureId}/cancel`, allowed: PLAN_MANAGERS, body: () => ({ reason: '矩阵', version: 999 }) },
    { method: 'GET', url: `/api/help-measures/${measureId}/attachments`, allowed: PLAN_READERS },
    { method: 'POST', url: `/api/help-measures/${measureId}/attachments`, allowed: PLAN_UPDATERS },
    { method: 'GET', url: '/api/assistance/catalogue', allowed: PLAN_READERS },
    { method: 'GET', url: '/api/assistance/figures', allowed: PLAN_READERS },

    { method: 'GET', url: '/api/visits', allowed: VISIT_READERS },
    { method: 'POST', url: '/api/visits', allowed: VISIT_CREATORS, body: () => ({ householdId: hid, visitedOn: '2024-01-03', kind: 'phone' }) },
    { method: 'GET', url: `/api/visits/${visitId}/attachments`, allowed: VISIT_READERS },
    { method: 'POST', url: `/api/visits/${visitId}/attachments`, allowed: VISIT_CREATORS },
    { method: 'GET', url: '/api/assistance/help-days?month=2024-01', allowed: VISIT_READERS },
    { method: 'GET', url: '/api/assistance/unvisited', allowed: VISIT_READERS },
    { method: 'GET', url: '/api/assistance/settings', allowed: VISIT_READERS },
    // The route admits the helper managers; the service lets only the county office change the county's setting.
    { method: 'PUT', url: '/api/assistance/settings', allowed: ['county'], body: () => ({ noVisitDays: 30 }) },
  ];
  return cases;
};
