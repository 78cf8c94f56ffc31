import type { AccessCaseProvider } from '../../testing/access-cases.js';

const IMPORTERS = ['county', 'township'];
const ROSTER = ['county'];

/** Every route of the imports module with the users that get past access control. */
export const importsAccessCases: AccessCaseProvider = async (t) => {
  const [job] = await t.db.query<{ id: number }>(
    `INSERT INTO import_job (kind, mode, status, file_name, area_code, created_by) VALUES ('registry', 'atomic', 'failed', '矩阵.xlsx', '411321', $1) RETURNING id`,
    [t.userIds.county],
  );
  const id = Number(job!.id);
  return [
    { method: 'GET', url: '/api/imports/registry/template', allowed: IMPORTERS },
    // Without a multipart body an allowed caller gets 415, a denied one 403 first.
    { method: 'POST', url: '/api/imports/registry/preview', allowed: IMPORTERS },
    { method: 'POST', url: '/api/imports/registry', allowed: IMPORTERS },
    { method: 'GET', url: '/api/roster/template', allowed: ROSTER },
    { method: 'POST', url: '/api/roster/imports/preview', allowed: ROSTER },
    { method: 'POST', url: '/api/roster/imports', allowed: ROSTER },
    { method: 'GET', url: '/api/roster/summary', allowed: ROSTER },
    { method: 'GET', url: '/api/imports', allowed: IMPORTERS },
    // township gets past access control and then 404 (another user's job)
    { method: 'GET', url: `/api/imports/${id}`, allowed: IMPORTERS },
    { method: 'GET', url: `/api/imports/${id}/report`, allowed: IMPORTERS },
    { method: 'GET', url: '/api/imports/mappings/registry', route: '/api/imports/mappings/:template', allowed: IMPORTERS },
    { method: 'PUT', url: '/api/imports/mappings/registry', route: '/api/imports/mappings/:template', allowed: IMPORTERS, body: () => ({ headers: ['姓名'], mapping: {} }) },
    { method: 'GET', url: '/api/exports/households?area=411321101200', allowed: IMPORTERS },
  ];
};
