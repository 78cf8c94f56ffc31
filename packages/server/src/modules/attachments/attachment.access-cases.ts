import type { AccessCaseProvider } from '../../testing/access-cases.js';

const READERS = ['county', 'leader', 'dept', 'inspector'];

/** Uses a rectification of the caller's own department (dept = medical_insurance) so that allowed callers get past scope. */
export const attachmentAccessCases: AccessCaseProvider = async (t) => {
  const [sc] = await t.db.query<{ id: number }>(
    `INSERT INTO self_check (department_code, month, status, due_date) VALUES ('medical_insurance', '2026-01', 'draft', '2026-02-05')
     ON CONFLICT (department_code, month) DO UPDATE SET summary = self_check.summary RETURNING id`);
  const [r] = await t.db.query<{ id: number }>(`INSERT INTO rectification (self_check_id, department_code, problem, deadline) VALUES ($1, 'medical_insurance', '矩阵问题', '2026-03-01') RETURNING id`, [sc!.id]);
  return [
    { method: 'GET', url: `/api/rectifications/${r!.id}/attachments`, allowed: READERS },
    // Without a multipart body an allowed caller gets 415, a denied one 403 first.
    { method: 'POST', url: `/api/rectifications/${r!.id}/attachments`, allowed: ['dept'] },
    // Any signed-in user may ask; the service answers 404 unless the owning record's policy and scope allow it.
    { method: 'GET', url: '/api/attachments/999999', allowed: ['admin', 'county', 'leader', 'township', 'village', 'dept', 'helper', 'inspector'] },
  ];
};
