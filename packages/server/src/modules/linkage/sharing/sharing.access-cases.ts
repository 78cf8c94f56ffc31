/** Every route of the policy library and joint handling, with the users allowed past access control. */
import type { AccessCase, AccessCaseProvider } from '../../../testing/access-cases.js';
import { USERS } from '../../../testing/fixture.js';

const ALL = USERS.map((u) => u.username);
const CASE_READERS = ['county', 'leader', 'township', 'dept'];

const policyBody = () => ({ level: 'county', issuingBody: '南召县人民政府办公室', issuedOn: '2024-01-15', title: '矩阵测试政策', summary: '摘要' });

export const sharingAccessCases: AccessCaseProvider = async (t, cookies) => {
  const asCounty = { cookie: cookies.county! };
  const policy = await t.app.inject({ method: 'POST', url: '/api/policies', headers: asCounty, payload: policyBody() });
  if (policy.statusCode !== 201) throw new Error(`policy: ${policy.body}`);
  const policyId = policy.json().policy.id as number;
  const created = await t.app.inject({
    method: 'POST', url: '/api/coop-cases', headers: asCounty,
    payload: { kind: 'consultation', title: '矩阵会商', tasks: [{ departmentCode: 'medical_insurance', title: '核实参保', deadline: '2099-12-31' }] },
  });
  if (created.statusCode !== 201) throw new Error(`coop case: ${created.body}`);
  const caseId = created.json().case.id as number;
  const taskId = created.json().tasks[0].id as number;

  const cases: AccessCase[] = [
    { method: 'GET', url: '/api/policies?level=county', allowed: ALL },
    { method: 'POST', url: '/api/policies', allowed: ['county'], body: policyBody },
    { method: 'GET', url: '/api/policies/digest?month=2024-01', allowed: ALL },
    { method: 'GET', url: `/api/policies/${policyId}`, allowed: ALL },
    { method: 'PUT', url: `/api/policies/${policyId}`, allowed: ['county'], body: () => ({ ...policyBody(), version: 999 }) },
    { method: 'POST', url: `/api/policies/${policyId}/read`, allowed: ['dept'] },
    { method: 'GET', url: `/api/policies/${policyId}/receipts`, allowed: ['county'] },
    { method: 'GET', url: '/api/coop-cases?status=open', allowed: CASE_READERS },
    { method: 'POST', url: '/api/coop-cases', allowed: ['county'], body: () => ({ kind: 'assignment', title: '矩阵交办', tasks: [{ departmentCode: 'water', title: '整改', deadline: '2099-12-31' }] }) },
    { method: 'GET', url: `/api/coop-cases/${caseId}`, allowed: CASE_READERS },
    { method: 'PUT', url: `/api/coop-cases/${caseId}`, allowed: ['county'], body: () => ({ title: '矩阵会商', version: 999 }) },
    { method: 'POST', url: `/api/coop-cases/${caseId}/tasks`, allowed: ['county'], body: () => ({ departmentCode: 'water', title: '追加', deadline: '2099-12-31' }) },
    // The case keeps an open task, so closing answers 409 for the office and nothing changes.
    { method: 'POST', url: `/api/coop-cases/${caseId}/close`, allowed: ['county'], body: () => ({ closeNote: '办结' }) },
    { method: 'GET', url: '/api/coop-tasks/overdue', allowed: CASE_READERS },
    { method: 'PUT', url: `/api/coop-tasks/${taskId}`, allowed: ['county', 'dept'], body: () => ({ status: 'open', progress: '进行中', version: 999 }) },
  ];
  return cases;
};
