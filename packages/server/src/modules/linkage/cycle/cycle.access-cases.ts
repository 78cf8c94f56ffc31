/** Every route of the monthly cycle with the users allowed past access control (written by hand from the policy's intent). */
import type { AccessCase, AccessCaseProvider } from '../../../testing/access-cases.js';

const EVERYONE = ['admin', 'county', 'leader', 'township', 'village', 'dept', 'helper', 'inspector'];
/** 县联动办公室, 县级领导, 行业部门, 核查暗访组. */
const LINKAGE_READERS = ['county', 'leader', 'dept', 'inspector'];
const OFFICE = ['county'];
/** Only a department files for itself. */
const DEPARTMENT = ['dept'];

export const cycleAccessCases: AccessCaseProvider = async (t, cookies) => {
  const post = async (cookie: string, url: string, payload: object) => {
    const r = await t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
    if (r.statusCode !== 201) throw new Error(`access cases: POST ${url} → ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const sc = (await post(cookies.dept!, '/api/self-checks', { month: '2024-12', summary: '矩阵自查' })).selfCheck.id as number;
  const problem = { problem: '矩阵问题', measure: '矩阵措施', owner: '矩阵责任人', deadline: '2025-01-31' };
  const rect = (await post(cookies.dept!, `/api/self-checks/${sc}/problems`, problem)).rectification.id as number;
  const meeting = { kind: 'exchange', heldOn: '2025-01-08', title: '矩阵交流会' };
  const mt = (await post(cookies.county!, '/api/meetings', meeting)).meeting.id as number;
  const task = (await post(cookies.county!, `/api/meetings/${mt}/tasks`, { title: '矩阵任务', deadline: '2025-01-31' })).task.id as number;

  const cases: AccessCase[] = [
    { method: 'GET', url: '/api/departments', allowed: EVERYONE },
    { method: 'GET', url: '/api/departments/education', route: '/api/departments/:code', allowed: EVERYONE },
    { method: 'PUT', url: '/api/departments/science/duties', route: '/api/departments/:code/duties', allowed: OFFICE, body: () => ({ duties: ['组织选派科技特派员'] }) },

    { method: 'GET', url: '/api/self-checks?month=2024-12', allowed: LINKAGE_READERS },
    { method: 'GET', url: '/api/self-checks/overview?month=2024-12', allowed: LINKAGE_READERS },
    { method: 'POST', url: '/api/self-checks', allowed: DEPARTMENT, body: () => ({ month: '2025-01', summary: '矩阵新报告' }) },
    { method: 'GET', url: `/api/self-checks/${sc}`, allowed: LINKAGE_READERS },
    { method: 'PUT', url: `/api/self-checks/${sc}`, allowed: DEPARTMENT, body: () => ({ summary: '矩阵修改', version: 999 }) },
    { method: 'POST', url: `/api/self-checks/${sc}/problems`, allowed: DEPARTMENT, body: () => problem },
    { method: 'POST', url: `/api/self-checks/${sc}/submit`, allowed: DEPARTMENT, body: () => ({}) },
    { method: 'POST', url: `/api/self-checks/${sc}/reopen`, allowed: OFFICE, body: () => ({ reason: '矩阵退回' }) },
    { method: 'PUT', url: `/api/rectifications/${rect}`, allowed: DEPARTMENT, body: () => ({ measure: '矩阵新措施' }) },
    { method: 'DELETE', url: '/api/rectifications/999999', allowed: DEPARTMENT },
    { method: 'GET', url: '/api/township-rankings?month=2024-12', allowed: LINKAGE_READERS },
    { method: 'POST', url: '/api/township-rankings', allowed: DEPARTMENT, body: () => ({ month: '2024-12', items: [] }) },

    { method: 'GET', url: '/api/meetings?year=2025', allowed: LINKAGE_READERS },
    { method: 'POST', url: '/api/meetings', allowed: OFFICE, body: () => meeting },
    { method: 'GET', url: `/api/meetings/${mt}`, allowed: LINKAGE_READERS },
    { method: 'PUT', url: `/api/meetings/${mt}`, allowed: OFFICE, body: () => ({ ...meeting, version: 999 }) },
    { method: 'PUT', url: `/api/meetings/${mt}/attendance`, allowed: OFFICE, body: () => ({ items: [{ departmentCode: 'medical_insurance', status: 'present' }] }) },
    { method: 'POST', url: `/api/meetings/${mt}/tasks`, allowed: OFFICE, body: () => ({ title: '矩阵新任务', deadline: '2025-01-31' }) },
    { method: 'PUT', url: `/api/meeting-tasks/${task}`, allowed: OFFICE, body: () => ({ status: 'done', doneOn: '2025-01-20' }) },
  ];
  return cases;
};
