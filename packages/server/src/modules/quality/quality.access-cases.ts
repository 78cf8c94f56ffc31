import type { AccessCase, AccessCaseProvider } from '../../testing/access-cases.js';
import { VILLAGE_A, householdBody } from '../../testing/fixture.js';

const FOLLOWUP_READERS = ['county', 'leader', 'township', 'village', 'helper'];
const FOLLOWUP_WORKERS = ['township', 'village', 'helper'];
const OFFICE = ['county'];
const QUALITY_READERS = ['county', 'leader', 'township', 'village', 'inspector'];
const CASE_READERS = ['county', 'leader', 'township', 'village', 'helper', 'inspector'];
const CASE_EXPORTERS = ['county', 'leader', 'township'];
const SIMULATORS = ['county', 'leader'];

/** Every route of the quality module with the users that get past access control. */
export const qualityAccessCases: AccessCaseProvider = async (t, cookies) => {
  const r = await t.app.inject({
    method: 'POST', url: '/api/households', headers: { cookie: cookies.county! },
    payload: householdBody(VILLAGE_A, '矩阵监测户', { monitorCategory: 'marginal', monitorIdentifiedOn: '2024-01-05', riskTypes: ['illness'] }),
  });
  if (r.statusCode !== 201) throw new Error(`quality access cases: household ${r.statusCode} ${r.body}`);
  const hid = r.json().id as number;
  const gen = await t.services.quality.followup.generate(t.ctxOf('county'), { trigger: 'manual', householdIds: [hid] });
  const [task] = await t.db.query<{ id: number }>(`SELECT id FROM followup_task WHERE household_id = $1 AND month = $2`, [hid, gen.month]);
  const tid = Number(task!.id);
  const assessment = () => ({ perCapitaNetIncome: 7000, newRiskTypes: [] });

  const cases: AccessCase[] = [
    { method: 'GET', url: '/api/followup-tasks', allowed: FOLLOWUP_READERS },
    { method: 'POST', url: '/api/followup-tasks/generate', allowed: OFFICE, body: () => ({}) },
    { method: 'GET', url: '/api/followup-tasks/runs', allowed: FOLLOWUP_READERS },
    { method: 'POST', url: `/api/followup-tasks/${tid}/assessment`, allowed: FOLLOWUP_WORKERS, body: assessment },
    { method: 'POST', url: `/api/followup-tasks/${tid}/revisit`, allowed: FOLLOWUP_WORKERS, body: () => ({ newRiskTypes: [] }) },
    { method: 'GET', url: `/api/households/${hid}/followup`, allowed: FOLLOWUP_READERS },
    { method: 'POST', url: `/api/households/${hid}/assessments`, allowed: FOLLOWUP_WORKERS, body: () => ({ ...assessment(), month: '2024-02' }) },
    { method: 'GET', url: '/api/followup-settings', allowed: FOLLOWUP_READERS },
    { method: 'PUT', url: '/api/followup-settings', allowed: OFFICE, body: () => ({ dueDay: null }) },

    { method: 'GET', url: '/api/quality/rules', allowed: QUALITY_READERS },
    { method: 'POST', url: '/api/quality/runs', allowed: OFFICE, body: () => ({}) },
    { method: 'GET', url: '/api/quality/runs', allowed: QUALITY_READERS },
    { method: 'GET', url: '/api/quality/summary', allowed: QUALITY_READERS },
    { method: 'GET', url: '/api/quality/findings', allowed: QUALITY_READERS },
    { method: 'GET', url: `/api/households/${hid}/findings`, allowed: QUALITY_READERS },

    { method: 'GET', url: '/api/monitoring-figures', allowed: CASE_READERS },
    { method: 'GET', url: '/api/monitoring-figures/export', allowed: CASE_EXPORTERS },
    { method: 'GET', url: '/api/simulations/monitoring-line?year=2024&line=9000', allowed: SIMULATORS },
  ];
  return cases;
};
