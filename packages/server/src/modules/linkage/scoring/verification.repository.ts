/** 核查 SQL: the month's population of self-checks and rectifications, rounds and findings. */
import type { Queryable } from '../../../db/db.js';

export interface PopulationMember { id: number; departmentCode: string }

/** Submitted self-checks of the month, by id. */
export async function selfCheckPopulation(q: Queryable, month: string): Promise<PopulationMember[]> {
  const rows = await q.query("SELECT id, department_code FROM self_check WHERE month = $1 AND status = 'submitted' ORDER BY id", [month]);
  return rows.map((r) => ({ id: Number(r.id), departmentCode: r.department_code }));
}

/** Rectifications of the month's self-checks, or due or reported done within the month, by id. */
export async function rectificationPopulation(q: Queryable, month: string, start: string, end: string): Promise<PopulationMember[]> {
  const rows = await q.query(
    `SELECT r.id, r.department_code FROM rectification r LEFT JOIN self_check s ON s.id = r.self_check_id
      WHERE s.month = $1 OR r.deadline BETWEEN $2 AND $3 OR r.done_on BETWEEN $2 AND $3 ORDER BY r.id`,
    [month, start, end],
  );
  return rows.map((r) => ({ id: Number(r.id), departmentCode: r.department_code }));
}

export async function insertRound(q: Queryable, r: { month: string; seed: string; selfCheckCount: number; rectificationCount: number; population: unknown; sample: unknown; note: string | null; createdBy: number }) {
  const [row] = await q.query(
    `INSERT INTO verification_round (month, seed, self_check_count, rectification_count, population, sample, note, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [r.month, r.seed, r.selfCheckCount, r.rectificationCount, JSON.stringify(r.population), JSON.stringify(r.sample), r.note, r.createdBy],
  );
  return row!;
}

export const listRounds = (q: Queryable) =>
  q.query(
    `SELECT r.id, r.month, r.seed, r.self_check_count, r.rectification_count, jsonb_array_length(r.sample) AS sample_size, r.note, r.created_at,
            (SELECT count(*) FROM verification_finding f WHERE f.round_id = r.id) AS finding_count
       FROM verification_round r ORDER BY r.month DESC, r.id DESC LIMIT 500`,
  );

export async function findRound(q: Queryable, id: number, forUpdate = false) {
  return (await q.query(`SELECT * FROM verification_round WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]))[0] ?? null;
}

export const findingsOf = (q: Queryable, roundId: number) =>
  q.query('SELECT f.*, d.name AS department_name FROM verification_finding f JOIN department d ON d.code = f.department_code WHERE f.round_id = $1 ORDER BY f.id', [roundId]);

/** Labels of sampled records (month of a self-check, problem of a rectification). */
export async function targetLabels(q: Queryable, selfCheckIds: number[], rectificationIds: number[]) {
  const sc = selfCheckIds.length ? await q.query("SELECT id, month || ' 月度自查' AS label, status FROM self_check WHERE id = ANY($1)", [selfCheckIds]) : [];
  const rc = rectificationIds.length ? await q.query('SELECT id, problem AS label, status FROM rectification WHERE id = ANY($1)', [rectificationIds]) : [];
  return {
    self_check: new Map(sc.map((r) => [Number(r.id), { label: r.label as string, status: r.status as string }])),
    rectification: new Map(rc.map((r) => [Number(r.id), { label: r.label as string, status: r.status as string }])),
  };
}

export async function insertFinding(q: Queryable, f: { roundId: number; departmentCode: string; targetType: string; targetId: number; verdict: string; verifiedStatus: string | null; note: string | null; recordedBy: number }) {
  const [row] = await q.query(
    `INSERT INTO verification_finding (round_id, department_code, target_type, target_id, verdict, verified_status, note, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [f.roundId, f.departmentCode, f.targetType, f.targetId, f.verdict, f.verifiedStatus, f.note, f.recordedBy],
  );
  return row!;
}
