import type { AccessCaseProvider } from '../../testing/access-cases.js';
import { householdBody, VILLAGE_A } from '../../testing/fixture.js';

const READERS = ['county', 'leader', 'township', 'village', 'helper'];
const UNKNOWN_CODE = '0123456789abcdef0123456789abcdef';

/** Every route of the self-report module with the users that get past access control. */
export const selfReportAccessCases: AccessCaseProvider = async (t, cookies) => {
  const r = await t.app.inject({ method: 'POST', url: '/api/households', headers: { cookie: cookies.county! }, payload: householdBody(VILLAGE_A, '一码通户') });
  const hid = r.json().id as number;
  return [
    // Public: an unknown code answers 404 to everyone, signed in or not.
    { method: 'GET', url: `/api/public/self-report/${UNKNOWN_CODE}`, route: '/api/public/self-report/:code', allowed: 'public' },
    { method: 'POST', url: `/api/public/self-report/${UNKNOWN_CODE}`, route: '/api/public/self-report/:code', allowed: 'public', body: () => ({ hardships: ['illness'], description: '矩阵' }) },
    // Department users hold warning:read but self-reports belong to no department: the service answers 403.
    { method: 'GET', url: '/api/self-reports', allowed: ['county', 'leader', 'township', 'village', 'inspector'] },
    { method: 'GET', url: `/api/households/${hid}/card`, allowed: READERS },
    { method: 'GET', url: `/api/household-cards?village=${VILLAGE_A}`, allowed: READERS },
  ];
};
