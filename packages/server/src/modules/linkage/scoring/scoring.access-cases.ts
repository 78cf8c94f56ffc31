/** Every route of the scoring part with the users allowed past access control (hand-written from the policy's intent). */
import type { AccessCase, AccessCaseProvider } from '../../../testing/access-cases.js';

const SCORE_READERS = ['county', 'leader', 'dept', 'inspector'];
const OFFICE = ['county'];
const LEADER = ['leader'];
const VERIFIERS = ['county', 'inspector'];
const VERIFICATION_READERS = ['county', 'leader', 'inspector'];

export const scoringAccessCases: AccessCaseProvider = async (t, cookies) => {
  const post = async (user: string, url: string, payload: object = {}) => {
    const r = await t.app.inject({ method: 'POST', url, headers: { cookie: cookies[user]! }, payload });
    if (r.statusCode >= 300) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const request = await post('county', '/api/submission-requests', { title: '矩阵报送事项', dueDate: '2099-12-31', departmentCodes: ['medical_insurance'] });
  await t.db.query(`INSERT INTO self_check (department_code, month, status, due_date, submitted_at) VALUES ('water', '2024-01', 'submitted', '2024-02-05', '2024-02-01T04:00:00Z')`);
  const round = await post('county', '/api/verification-rounds', { month: '2024-01', selfCheckCount: 1, rectificationCount: 0, seed: 'matrix' });
  const item = (await post('county', '/api/linkage/manual-items', {
    departmentCode: 'finance', year: 2024, quarter: 1, itemCode: 'praise_county', count: 1, occurredOn: '2024-02-01', evidence: '矩阵佐证',
  })).item;
  const ranking = (await post('county', '/api/linkage/rankings', { year: 2024, quarter: 1 })).ranking;
  await post('county', `/api/linkage/rankings/${ranking.id}/publish`);
  const notice = (await post('county', '/api/linkage/notices', { rankingId: ranking.id })).notice;

  const cases: AccessCase[] = [
    { method: 'GET', url: '/api/linkage/settings', allowed: SCORE_READERS },
    { method: 'PUT', url: '/api/linkage/settings', allowed: OFFICE, body: () => ({ noticeBottomN: 3 }) },
    { method: 'GET', url: '/api/submission-requests', allowed: SCORE_READERS },
    { method: 'POST', url: '/api/submission-requests', allowed: OFFICE, body: () => ({ title: '矩阵新事项', dueDate: '2099-12-31', departmentCodes: ['water'] }) },
    { method: 'POST', url: `/api/submission-requests/${request.id}/submit`, allowed: ['dept'] },
    { method: 'GET', url: '/api/verification-rounds', allowed: VERIFICATION_READERS },
    { method: 'POST', url: '/api/verification-rounds', allowed: VERIFIERS, body: () => ({ month: '2024-01', selfCheckCount: 1, rectificationCount: 0 }) },
    { method: 'GET', url: `/api/verification-rounds/${round.id}`, allowed: VERIFICATION_READERS },
    { method: 'POST', url: `/api/verification-rounds/${round.id}/findings`, allowed: VERIFIERS, body: () => ({ targetType: 'self_check', targetId: round.sample[0].targetId, verdict: 'confirms' }) },
    { method: 'GET', url: '/api/linkage/score-items', allowed: SCORE_READERS },
    { method: 'GET', url: '/api/linkage/manual-items', allowed: SCORE_READERS },
    { method: 'POST', url: '/api/linkage/manual-items', allowed: OFFICE, body: () => ({ departmentCode: 'finance', year: 2024, quarter: 1, itemCode: 'speech_city', occurredOn: '2024-02-01', evidence: '矩阵佐证' }) },
    { method: 'POST', url: `/api/linkage/manual-items/${item.id}/approve`, allowed: LEADER },
    { method: 'POST', url: `/api/linkage/manual-items/${item.id}/reject`, allowed: LEADER },
    { method: 'GET', url: '/api/linkage/scores?year=2024&quarter=1', allowed: SCORE_READERS },
    { method: 'GET', url: '/api/linkage/scores/medical_insurance?year=2024&quarter=1', route: '/api/linkage/scores/:departmentCode', allowed: SCORE_READERS },
    { method: 'GET', url: '/api/linkage/monthly-ranking?month=2024-01', allowed: SCORE_READERS },
    { method: 'GET', url: '/api/linkage/evaluations?year=2024&quarter=1', allowed: SCORE_READERS },
    { method: 'PUT', url: '/api/linkage/evaluations', allowed: OFFICE, body: () => ({ departmentCode: 'education', year: 2024, quarter: 1, kind: 'extension', score: 80 }) },
    { method: 'GET', url: '/api/linkage/rankings?year=2024', allowed: SCORE_READERS },
    { method: 'POST', url: '/api/linkage/rankings', allowed: OFFICE, body: () => ({ year: 2024, quarter: 1 }) },
    { method: 'GET', url: `/api/linkage/rankings/${ranking.id}`, allowed: SCORE_READERS },
    { method: 'POST', url: `/api/linkage/rankings/${ranking.id}/publish`, allowed: OFFICE },
    { method: 'GET', url: '/api/linkage/annual?year=2024', allowed: SCORE_READERS },
    { method: 'GET', url: '/api/linkage/notices', allowed: SCORE_READERS },
    { method: 'POST', url: '/api/linkage/notices', allowed: OFFICE, body: () => ({ rankingId: ranking.id }) },
    { method: 'GET', url: `/api/linkage/notices/${notice.id}`, allowed: SCORE_READERS },
    { method: 'PUT', url: `/api/linkage/notices/${notice.id}`, allowed: OFFICE, body: () => ({ title: '矩阵通报', body: '矩阵正文' }) },
    { method: 'POST', url: `/api/linkage/notices/${notice.id}/approve`, allowed: LEADER },
    // Read by department users only (the service refuses other readers with 403).
    { method: 'POST', url: `/api/linkage/notices/${notice.id}/read`, allowed: ['dept'] },
    { method: 'GET', url: `/api/linkage/notices/${notice.id}/print`, allowed: SCORE_READERS },
    { method: 'GET', url: `/api/linkage/notices/${notice.id}/pdf`, allowed: SCORE_READERS },
  ];
  return cases;
};
