import type { AccessCaseProvider } from '../../testing/access-cases.js';
import { VILLAGE_A } from '../../testing/fixture.js';

const READERS = ['county', 'leader', 'township', 'village', 'inspector'];

/** Every route of the screening module with the users that get past access control. */
export const screeningAccessCases: AccessCaseProvider = async (t) => {
  const [r] = await t.db.query<{ id: number }>(
    `INSERT INTO screening_round (kind, county_code, name, starts_on, ends_on) VALUES ('campaign', '411321', '矩阵集中排查', '2026-01-01', '2026-01-31') RETURNING id`);
  const id = Number(r!.id);
  return [
    { method: 'GET', url: '/api/screening/rounds', allowed: READERS },
    { method: 'POST', url: '/api/screening/rounds', allowed: ['county'], body: () => ({ name: '矩阵新排查', startsOn: '2026-05-01', endsOn: '2026-05-20' }) },
    { method: 'GET', url: `/api/screening/rounds/${id}`, allowed: READERS },
    { method: 'GET', url: `/api/screening/coverage?roundId=${id}`, allowed: READERS },
    { method: 'GET', url: `/api/screening/rounds/${id}/households?village=${VILLAGE_A}`, allowed: READERS },
    // Household 999999 does not exist: allowed callers get 404.
    { method: 'POST', url: `/api/screening/rounds/${id}/visits`, allowed: ['township', 'village'], body: () => ({ householdId: 999999, result: 'no_risk' }) },
  ];
};
