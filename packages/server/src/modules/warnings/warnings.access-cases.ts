import type { AccessCaseProvider } from '../../testing/access-cases.js';
import { VILLAGE_A } from '../../testing/fixture.js';

/** 县联动办公室, 县级领导, 乡镇, 村, 行业部门, 核查暗访组 (a department sees only what it pushed: the services). */
const READERS = ['county', 'leader', 'township', 'village', 'dept', 'inspector'];
/** Who may push a 信息预警 (and add evidence to one). */
const CREATORS = ['county', 'township', 'village', 'dept'];
/** Who verifies (the machine decides which step). */
const VERIFIERS = ['county', 'township'];
const EXPORTERS = ['county', 'leader', 'township'];

/** Every route of the warnings module. The warning is pushed by the department user (medical_insurance) in 大沟村, so every reader gets past scope. */
export const warningsAccessCases: AccessCaseProvider = async (t, cookies) => {
  const body = () => ({ name: '矩阵预警对象', villageCode: VILLAGE_A, riskTypes: ['illness'], description: '矩阵：住院自付费用高' });
  const r = await t.app.inject({ method: 'POST', url: '/api/warnings', headers: { cookie: cookies.dept! }, payload: body() });
  if (r.statusCode !== 201) throw new Error(`access cases: POST /api/warnings → ${r.statusCode} ${r.body}`);
  const id = r.json().id as number;
  return [
    { method: 'GET', url: '/api/warnings', allowed: READERS },
    { method: 'POST', url: '/api/warnings', allowed: CREATORS, body },
    { method: 'GET', url: '/api/warnings/overdue-summary', allowed: READERS },
    { method: 'GET', url: '/api/warnings/figures', allowed: READERS },
    { method: 'GET', url: '/api/warnings/figures.xlsx', allowed: EXPORTERS },
    { method: 'GET', url: '/api/warnings/settings', allowed: READERS },
    { method: 'PUT', url: '/api/warnings/settings', allowed: ['county'], body: () => ({ verificationDays: 5, counting: 'calendar', dueSoonDays: 1 }) },
    { method: 'GET', url: `/api/warnings/${id}`, allowed: READERS },
    // A stale version: allowed callers get 409, denied ones 403 first.
    { method: 'POST', url: `/api/warnings/${id}/steps`, allowed: VERIFIERS, body: () => ({ event: 'start_verification', expectedVersion: 999 }) },
    { method: 'GET', url: `/api/warnings/${id}/attachments`, allowed: READERS },
    // Without a multipart body an allowed caller gets 415, a denied one 403 first.
    { method: 'POST', url: `/api/warnings/${id}/attachments`, allowed: CREATORS },
  ];
};
