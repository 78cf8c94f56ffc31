import type { AccessCaseProvider } from '../../testing/access-cases.js';

const RULE_READERS = ['county', 'leader', 'dept', 'township', 'inspector'];
const RUN_READERS = ['county', 'leader', 'dept'];

/** Every route of the comparison module with the users that get past access control. */
export const comparisonAccessCases: AccessCaseProvider = async (t) => {
  // A completed run of the dept user's own department, so that allowed readers get past scope too.
  const [run] = await t.db.query<{ id: number }>(
    `INSERT INTO comparison_run (family, department_code, area_code, file_name, file_sha256, file_size, file_format, rule_versions, rule_ids, status, created_by)
     VALUES ('medical', 'medical_insurance', '411321', '矩阵.csv', $1, 10, 'csv', '{medical.out_of_pocket@v1}', '{}', 'completed', $2) RETURNING id`,
    ['a'.repeat(64), t.userIds.dept],
  );
  const id = run!.id;
  return [
    { method: 'GET', url: '/api/comparison/rules', allowed: RULE_READERS },
    { method: 'GET', url: '/api/comparison/rules/medical.out_of_pocket/versions', route: '/api/comparison/rules/:code/versions', allowed: RULE_READERS },
    // A stale base version: the county office gets 409 (past access control), nothing changes.
    {
      method: 'PUT', url: '/api/comparison/rules/medical.out_of_pocket', route: '/api/comparison/rules/:code', allowed: ['county'],
      body: () => ({ baseVersion: 999, label: '医保', appliesTo: ['ordinary'], thresholds: { outOfPocket: { ordinary: 1 } }, output: { kind: 'suspected_problem' }, active: true, changeReason: '矩阵' }),
    },
    { method: 'GET', url: '/api/comparison/families', allowed: ['county', 'dept'] },
    // Without a multipart body an allowed caller gets 400, a denied one 403 first.
    { method: 'POST', url: '/api/comparison/runs?family=medical', allowed: ['county', 'dept'] },
    { method: 'GET', url: '/api/comparison/runs', allowed: RUN_READERS },
    { method: 'GET', url: `/api/comparison/runs/${id}`, allowed: RUN_READERS },
    { method: 'GET', url: `/api/comparison/runs/${id}/hits`, allowed: RUN_READERS },
    { method: 'GET', url: `/api/comparison/runs/${id}/issues`, allowed: RUN_READERS },
    { method: 'GET', url: `/api/comparison/runs/${id}/issues.xlsx`, allowed: RUN_READERS },
  ];
};
