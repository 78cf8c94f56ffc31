/** SQL of 早帮扶: helpers and assignments, help plans and measures, visits, settings. Parameterised, PGlite + PostgreSQL. */
import { areaRange } from '@shouwang/domain';
import type { Queryable, Row } from '../../db/db.js';
import { SqlParams, escapeLike } from '../../db/sql-params.js';
import type { AuthUser } from '../../http/context.js';
import { householdScopeSql } from '../../http/scope.js';

/** Condition: column `col` lies within area `code` (half-open code range). */
export function withinSql(col: string, code: string, p: SqlParams): string {
  const { from, to } = areaRange(code);
  return `${col} >= ${p.add(from)} AND ${col} < ${p.add(to)}`;
}

/**
 * Helpers a user may see: those serving within the user's area, and those serving in an area that contains it
 * (a township cadre sees the county-level officials who may be assigned in the township).
 */
export function helperReadScopeSql(user: AuthUser, p: SqlParams, alias = 'hp'): string {
  const ua = p.add(user.areaCode);
  return `((${withinSql(`${alias}.area_code`, user.areaCode, p)}) OR left(${ua}::text, length(${alias}.area_code)) = ${alias}.area_code)`;
}

// ── helper_person ─────────────────────────────────────────────────────────

const HELPER_SELECT = `hp.id, hp.name, hp.unit, hp.position, hp.phone, hp.area_code, a.name AS area_name, hp.user_id, u.username,
  hp.active, hp.version,
  (SELECT count(*) FROM helper_assignment ha WHERE ha.helper_id = hp.id AND ha.ended_on IS NULL) AS households
  FROM helper_person hp JOIN area a ON a.code = hp.area_code LEFT JOIN user_account u ON u.id = hp.user_id`;

export async function listHelpers(q: Queryable, user: AuthUser, f: { area?: string; q?: string; active: string; page: number; pageSize: number }) {
  const p = new SqlParams();
  const where = [helperReadScopeSql(user, p)];
  if (f.area) where.push(`(${withinSql('hp.area_code', f.area, p)} OR left(${p.add(f.area)}::text, length(hp.area_code)) = hp.area_code)`);
  if (f.q) {
    const like = p.add(`%${escapeLike(f.q)}%`);
    where.push(`(hp.name LIKE ${like} ESCAPE '\\' OR hp.unit LIKE ${like} ESCAPE '\\')`);
  }
  if (f.active !== 'all') where.push(`hp.active = ${p.add(f.active === 'true')}`);
  const w = where.join(' AND ');
  const [{ n }] = (await q.query<{ n: number }>(`SELECT count(*) AS n FROM helper_person hp WHERE ${w}`, p.values)) as [{ n: number }];
  const rows = await q.query(`SELECT ${HELPER_SELECT} WHERE ${w} ORDER BY hp.area_code, hp.name, hp.id LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`, p.values);
  return { total: Number(n), rows };
}

export async function findHelper(q: Queryable, id: number, forUpdate = false): Promise<Row | null> {
  return (await q.query(`SELECT ${HELPER_SELECT} WHERE hp.id = $1${forUpdate ? ' FOR UPDATE OF hp' : ''}`, [id]))[0] ?? null;
}

export const helperOfUser = async (q: Queryable, userId: number): Promise<Row | null> =>
  (await q.query(`SELECT ${HELPER_SELECT} WHERE hp.user_id = $1`, [userId]))[0] ?? null;

export async function insertHelper(q: Queryable, h: { name: string; unit: string; position: string | null; phone: string | null; areaCode: string; userId: number | null }): Promise<number> {
  const [r] = await q.query<{ id: number }>(
    `INSERT INTO helper_person (name, unit, position, phone, area_code, user_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [h.name, h.unit, h.position, h.phone, h.areaCode, h.userId],
  );
  return Number(r!.id);
}

export async function updateHelper(q: Queryable, id: number, h: { name: string; unit: string; position: string | null; phone: string | null; areaCode: string; userId: number | null; active: boolean }) {
  await q.query(
    `UPDATE helper_person SET name = $2, unit = $3, position = $4, phone = $5, area_code = $6, user_id = $7, active = $8,
            version = version + 1, updated_at = now() WHERE id = $1`,
    [id, h.name, h.unit, h.position, h.phone, h.areaCode, h.userId, h.active],
  );
}

/** Households currently assigned to a helper (for the registry's detail view), scoped to the caller. */
export async function householdsOfHelper(q: Queryable, user: AuthUser, helperId: number) {
  const p = new SqlParams();
  return q.query(
    `SELECT h.id, h.household_no, v.name AS village_name, hp.name AS head_name, h.monitor_category, h.household_type, ha.assigned_on
       FROM helper_assignment ha JOIN household h ON h.id = ha.household_id JOIN area v ON v.code = h.village_code
       LEFT JOIN LATERAL (SELECT name FROM person WHERE household_id = h.id AND relation = 'head' ORDER BY id LIMIT 1) hp ON true
      WHERE ha.helper_id = ${p.add(helperId)} AND ha.ended_on IS NULL AND ${householdScopeSql(user, p)}
      ORDER BY h.village_code, h.id LIMIT 500`,
    p.values,
  );
}

export const helperUserOptions = (q: Queryable) =>
  q.query<{ id: number; username: string; display_name: string; helper_id: number | null }>(
    `SELECT u.id, u.username, u.display_name, hp.id AS helper_id FROM user_account u LEFT JOIN helper_person hp ON hp.user_id = u.id
      WHERE u.role = 'helper' AND u.active ORDER BY u.username`,
  );

export const findUser = async (q: Queryable, id: number) =>
  (await q.query<{ id: number; role: string; display_name: string }>(`SELECT id, role, display_name FROM user_account WHERE id = $1`, [id]))[0] ?? null;

/** Keep the household mirror true to the helper's current name and login (after the helper record changed). */
export async function refreshMirrors(q: Queryable, helperId: number) {
  await q.query(
    `UPDATE household h SET helper_name = hp.name, helper_user_id = hp.user_id, version = h.version + 1, updated_at = now()
       FROM helper_assignment ha JOIN helper_person hp ON hp.id = ha.helper_id
      WHERE ha.helper_id = $1 AND ha.ended_on IS NULL AND h.id = ha.household_id
        AND (h.helper_name IS DISTINCT FROM hp.name OR h.helper_user_id IS DISTINCT FROM hp.user_id)`,
    [helperId],
  );
}

// ── helper_assignment ─────────────────────────────────────────────────────

export const openAssignment = async (q: Queryable, householdId: number, forUpdate = false) =>
  (await q.query(
    `SELECT ha.*, hp.name AS helper_name, hp.unit AS helper_unit, hp.position AS helper_position, hp.phone AS helper_phone
       FROM helper_assignment ha JOIN helper_person hp ON hp.id = ha.helper_id
      WHERE ha.household_id = $1 AND ha.ended_on IS NULL${forUpdate ? ' FOR UPDATE OF ha' : ''}`,
    [householdId],
  ))[0] ?? null;

export async function endAssignment(q: Queryable, id: number, on: string) {
  await q.query(`UPDATE helper_assignment SET ended_on = $2 WHERE id = $1`, [id, on]);
}

export async function insertAssignment(q: Queryable, a: { householdId: number; helperId: number; on: string; reason: string | null; by: number }): Promise<number> {
  const [r] = await q.query<{ id: number }>(
    `INSERT INTO helper_assignment (household_id, helper_id, assigned_on, reason, assigned_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [a.householdId, a.helperId, a.on, a.reason, a.by],
  );
  return Number(r!.id);
}

export async function setHouseholdHelper(q: Queryable, householdId: number, name: string | null, userId: number | null) {
  await q.query(`UPDATE household SET helper_name = $2, helper_user_id = $3, version = version + 1, updated_at = now() WHERE id = $1`, [householdId, name, userId]);
}

export const assignmentHistory = (q: Queryable, householdId: number) =>
  q.query(
    `SELECT ha.id, ha.helper_id, hp.name AS helper_name, hp.unit AS helper_unit, ha.assigned_on, ha.ended_on, ha.reason, u.display_name AS assigned_by_name
       FROM helper_assignment ha JOIN helper_person hp ON hp.id = ha.helper_id LEFT JOIN user_account u ON u.id = ha.assigned_by
      WHERE ha.household_id = $1 ORDER BY ha.id DESC`,
    [householdId],
  );

// ── help plans ────────────────────────────────────────────────────────────

/** The latest 县级审批 (identification approved at county_approval) of a household. */
export async function countyApprovalOf(q: Queryable, householdId: number): Promise<{ case_id: number; on_date: string } | null> {
  return (await q.query<{ case_id: number; on_date: string }>(
    `SELECT c.id AS case_id, s.on_date FROM workflow_step s JOIN monitoring_case c ON c.id = s.case_id AND c.kind = 'identification'
      WHERE s.machine = 'identification' AND s.event = 'approve' AND s.from_state = 'county_approval' AND c.household_id = $1
      ORDER BY s.on_date DESC, s.id DESC LIMIT 1`,
    [householdId],
  ))[0] ?? null;
}

/** The county's deadline settings written by the cases feature (null: defaults). */
export async function deadlineSettings(q: Queryable): Promise<unknown> {
  const rows = await q.query<{ value: unknown }>(`SELECT value FROM case_setting WHERE key = 'deadlines'`);
  return rows[0]?.value ?? null;
}

const HOUSEHOLD_JOIN = `JOIN household h ON h.id = p.household_id JOIN area v ON v.code = h.village_code JOIN area t ON t.code = v.parent_code
  LEFT JOIN LATERAL (SELECT name FROM person WHERE household_id = h.id AND relation = 'head' ORDER BY id LIMIT 1) hd ON true`;
const PLAN_SELECT = `p.*, h.household_no, h.village_code, h.monitor_category, h.helper_name, v.name AS village_name, t.name AS township_name, hd.name AS head_name,
  (SELECT count(*) FROM help_measure m WHERE m.plan_id = p.id AND m.status = 'planned') AS planned,
  (SELECT count(*) FROM help_measure m WHERE m.plan_id = p.id AND m.status = 'implemented') AS implemented,
  (SELECT count(*) FROM help_measure m WHERE m.plan_id = p.id AND m.status = 'cancelled') AS cancelled`;

function planWhere(user: AuthUser, p: SqlParams, f: { area?: string; q?: string }): string {
  const where = [householdScopeSql(user, p)];
  if (user.role === 'department_user') where.push(`EXISTS (SELECT 1 FROM help_measure dm WHERE dm.plan_id = p.id AND dm.department_code = ${p.add(user.departmentCode)})`);
  if (f.area) where.push(withinSql('h.village_code', f.area, p));
  if (f.q) {
    const like = p.add(`%${escapeLike(f.q)}%`);
    where.push(`(h.household_no LIKE ${like} ESCAPE '\\' OR hd.name LIKE ${like} ESCAPE '\\' OR h.helper_name LIKE ${like} ESCAPE '\\')`);
  }
  return where.join(' AND ');
}

export async function listPlans(q: Queryable, user: AuthUser, f: { area?: string; q?: string; page?: number; pageSize?: number }) {
  const p = new SqlParams();
  const w = planWhere(user, p, f);
  const [{ n }] = (await q.query<{ n: number }>(`SELECT count(*) AS n FROM help_plan p ${HOUSEHOLD_JOIN} WHERE ${w}`, p.values)) as [{ n: number }];
  const limit = f.page && f.pageSize ? ` LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}` : '';
  const rows = await q.query(`SELECT ${PLAN_SELECT} FROM help_plan p ${HOUSEHOLD_JOIN} WHERE ${w} ORDER BY p.made_on DESC, p.id DESC${limit}`, p.values);
  return { total: Number(n), rows };
}

export async function findPlan(q: Queryable, user: AuthUser, id: number, forUpdate = false): Promise<Row | null> {
  const p = new SqlParams();
  const rows = await q.query(`SELECT ${PLAN_SELECT} FROM help_plan p ${HOUSEHOLD_JOIN} WHERE p.id = ${p.add(id)} AND ${planWhere(user, p, {})}${forUpdate ? ' FOR UPDATE OF p' : ''}`, p.values);
  return rows[0] ?? null;
}

export async function activePlanIdOf(q: Queryable, householdId: number): Promise<number | null> {
  const rows = await q.query<{ id: number }>(`SELECT id FROM help_plan WHERE household_id = $1 AND status = 'active'`, [householdId]);
  return rows[0] ? Number(rows[0].id) : null;
}

export async function insertPlan(q: Queryable, pl: { householdId: number; caseId: number | null; madeOn: string; dueOn: string | null; notes: string | null; by: number }): Promise<number> {
  const [r] = await q.query<{ id: number }>(
    `INSERT INTO help_plan (household_id, case_id, made_on, due_on, status, notes, created_by) VALUES ($1, $2, $3, $4, 'active', $5, $6) RETURNING id`,
    [pl.householdId, pl.caseId, pl.madeOn, pl.dueOn, pl.notes, pl.by],
  );
  return Number(r!.id);
}

export async function insertMeasure(q: Queryable, m: { planId: number; householdId: number; code: string; departmentCode: string | null; amount: number | null; plannedOn: string; content: string | null; warningId: number | null; by: number }): Promise<number> {
  const [r] = await q.query<{ id: number }>(
    `INSERT INTO help_measure (plan_id, household_id, measure_code, department_code, amount, planned_on, content, warning_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [m.planId, m.householdId, m.code, m.departmentCode, m.amount, m.plannedOn, m.content, m.warningId, m.by],
  );
  return Number(r!.id);
}

const MEASURE_SELECT = `m.*, d.name AS department_name FROM help_measure m LEFT JOIN department d ON d.code = m.department_code`;

/** Measures of plans, the department user's own only when `department` is given. */
export async function measuresOfPlans(q: Queryable, planIds: number[], department?: string | null): Promise<Row[]> {
  if (!planIds.length) return [];
  const p = new SqlParams();
  const dept = department ? ` AND m.department_code = ${p.add(department)}` : '';
  return q.query(`SELECT ${MEASURE_SELECT} WHERE m.plan_id = ANY(${p.add(planIds)}::bigint[])${dept} ORDER BY m.plan_id, m.id`, p.values);
}

/** A measure in the caller's scope (household area / helper's own; a department user only its department's). */
export async function findMeasure(q: Queryable, user: AuthUser, id: number, forUpdate = false): Promise<Row | null> {
  const p = new SqlParams();
  const dept = user.role === 'department_user' ? ` AND m.department_code = ${p.add(user.departmentCode)}` : '';
  const rows = await q.query(
    `SELECT m.*, pl.made_on AS plan_made_on, pl.status AS plan_status FROM help_measure m JOIN help_plan pl ON pl.id = m.plan_id
       JOIN household h ON h.id = m.household_id
      WHERE m.id = ${p.add(id)} AND ${householdScopeSql(user, p)}${dept}${forUpdate ? ' FOR UPDATE OF m' : ''}`,
    p.values,
  );
  return rows[0] ?? null;
}

export async function measureView(q: Queryable, id: number): Promise<Row> {
  return (await q.query(`SELECT ${MEASURE_SELECT} WHERE m.id = $1`, [id]))[0]!;
}

export async function updateMeasure(q: Queryable, id: number, set: Record<string, unknown>) {
  const p = new SqlParams();
  const cols = Object.entries(set).map(([k, v]) => `${k} = ${p.add(v)}`);
  await q.query(`UPDATE help_measure SET ${cols.join(', ')}, version = version + 1, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
}

export async function touchPlan(q: Queryable, planId: number) {
  await q.query(`UPDATE help_plan SET version = version + 1, updated_at = now() WHERE id = $1`, [planId]);
}

/** Members' labour facts of households (for the labour rule). */
export const membersForLabour = async (q: Queryable, householdIds: number[]) =>
  householdIds.length
    ? q.query<{ household_id: number; labour_skill: string | null; birth_date: string | null; school_status: string | null }>(
      `SELECT household_id, labour_skill, birth_date, school_status FROM person WHERE household_id = ANY($1::bigint[])`, [householdIds])
    : [];

/** All measures (code, status) of households (for the labour rule, over every department). */
export const measuresOfHouseholds = async (q: Queryable, planIds: number[]) =>
  planIds.length
    ? q.query<{ plan_id: number; measure_code: string; status: string }>(`SELECT plan_id, measure_code, status FROM help_measure WHERE plan_id = ANY($1::bigint[])`, [planIds])
    : [];

/** Households approved at county level whose help plan is not made yet (no active plan, none made since approval). */
export async function pendingPlans(q: Queryable, user: AuthUser, f: { area?: string; householdId?: number }) {
  const p = new SqlParams();
  const where = [householdScopeSql(user, p), 'NOT h.risk_eliminated'];
  if (f.area) where.push(withinSql('h.village_code', f.area, p));
  if (f.householdId) where.push(`h.id = ${p.add(f.householdId)}`);
  return q.query(
    `WITH appr AS (
       SELECT DISTINCT ON (c.household_id) c.household_id, c.id AS case_id, s.on_date AS approved_on
         FROM workflow_step s JOIN monitoring_case c ON c.id = s.case_id AND c.kind = 'identification'
        WHERE s.machine = 'identification' AND s.event = 'approve' AND s.from_state = 'county_approval'
        ORDER BY c.household_id, s.on_date DESC, s.id DESC)
     SELECT h.id AS household_id, h.household_no, h.helper_name, v.name AS village_name, t.name AS township_name, hd.name AS head_name,
            appr.case_id, appr.approved_on
       FROM appr JOIN household h ON h.id = appr.household_id JOIN area v ON v.code = h.village_code JOIN area t ON t.code = v.parent_code
       LEFT JOIN LATERAL (SELECT name FROM person WHERE household_id = h.id AND relation = 'head' ORDER BY id LIMIT 1) hd ON true
      WHERE ${where.join(' AND ')}
        AND NOT EXISTS (SELECT 1 FROM help_plan pl WHERE pl.household_id = h.id AND (pl.status = 'active' OR pl.made_on >= appr.approved_on))
      ORDER BY appr.approved_on, h.id`,
    p.values,
  );
}

export const departmentExists = async (q: Queryable, code: string) =>
  (await q.query(`SELECT 1 FROM department WHERE code = $1`, [code])).length > 0;

export const warningOf = async (q: Queryable, id: number) =>
  (await q.query<{ id: number; household_id: number | null }>(`SELECT id, household_id FROM warning WHERE id = $1`, [id]))[0] ?? null;

/** Measures and monitored households per area (child areas of `area`, or the households of a village). */
export async function figuresByArea(q: Queryable, user: AuthUser, area: string, groupLen: number | null) {
  const p = new SqlParams();
  const key = groupLen ? `substr(h.village_code, 1, ${groupLen})` : `h.id::text`;
  return q.query<{ code: string; households: number; planned: number; implemented: number; cancelled: number }>(
    `SELECT ${key} AS code, count(*) AS households, sum(mc.planned) AS planned, sum(mc.implemented) AS implemented, sum(mc.cancelled) AS cancelled
       FROM household h
       LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE m.status = 'planned') AS planned, count(*) FILTER (WHERE m.status = 'implemented') AS implemented,
                                 count(*) FILTER (WHERE m.status = 'cancelled') AS cancelled
                            FROM help_measure m WHERE m.household_id = h.id) mc ON true
      WHERE h.monitor_category IS NOT NULL AND ${householdScopeSql(user, p)} AND ${withinSql('h.village_code', area, p)}
      GROUP BY 1 ORDER BY 1`,
    p.values,
  );
}

export const areaNames = async (q: Queryable, codes: string[]) =>
  codes.length ? q.query<{ code: string; name: string }>(`SELECT code, name FROM area WHERE code = ANY($1::text[])`, [codes]) : [];

export const householdLabels = async (q: Queryable, ids: number[]) =>
  ids.length
    ? q.query<{ id: number; household_no: string; head_name: string | null }>(
      `SELECT h.id, h.household_no, (SELECT name FROM person WHERE household_id = h.id AND relation = 'head' ORDER BY id LIMIT 1) AS head_name
         FROM household h WHERE h.id = ANY($1::bigint[])`, [ids])
    : [];

// ── visits ────────────────────────────────────────────────────────────────

export async function insertVisit(q: Queryable, v: { householdId: number; helperId: number | null; by: number; visitedOn: string; kind: string; fourOnes: string[]; notes: string | null }): Promise<number> {
  const [r] = await q.query<{ id: number }>(
    `INSERT INTO visit (household_id, helper_id, visitor_user_id, visited_on, kind, four_ones, notes) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [v.householdId, v.helperId, v.by, v.visitedOn, v.kind, v.fourOnes, v.notes],
  );
  return Number(r!.id);
}

const VISIT_SELECT = `vi.id, vi.household_id, h.household_no, hd.name AS head_name, v.name AS village_name, vi.helper_id, hp.name AS helper_name,
  u.display_name AS visitor_name, vi.visited_on, vi.kind, vi.four_ones, vi.notes,
  (SELECT count(*) FROM attachment a WHERE a.owner_type = 'visit' AND a.owner_id = vi.id) AS attachments
  FROM visit vi JOIN household h ON h.id = vi.household_id JOIN area v ON v.code = h.village_code
  LEFT JOIN helper_person hp ON hp.id = vi.helper_id LEFT JOIN user_account u ON u.id = vi.visitor_user_id
  LEFT JOIN LATERAL (SELECT name FROM person WHERE household_id = h.id AND relation = 'head' ORDER BY id LIMIT 1) hd ON true`;

export async function listVisits(q: Queryable, user: AuthUser, f: { area?: string; householdId?: number; helperId?: number; kind?: string; from?: string; to?: string; page: number; pageSize: number }) {
  const p = new SqlParams();
  const where = [householdScopeSql(user, p)];
  if (f.area) where.push(withinSql('h.village_code', f.area, p));
  if (f.householdId) where.push(`vi.household_id = ${p.add(f.householdId)}`);
  if (f.helperId) where.push(`vi.helper_id = ${p.add(f.helperId)}`);
  if (f.kind) where.push(`vi.kind = ${p.add(f.kind)}`);
  if (f.from) where.push(`vi.visited_on >= ${p.add(f.from)}`);
  if (f.to) where.push(`vi.visited_on <= ${p.add(f.to)}`);
  const w = where.join(' AND ');
  const [{ n }] = (await q.query<{ n: number }>(`SELECT count(*) AS n FROM visit vi JOIN household h ON h.id = vi.household_id WHERE ${w}`, p.values)) as [{ n: number }];
  const rows = await q.query(`SELECT ${VISIT_SELECT} WHERE ${w} ORDER BY vi.visited_on DESC, vi.id DESC LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`, p.values);
  return { total: Number(n), rows };
}

export const visitById = async (q: Queryable, id: number) => (await q.query(`SELECT ${VISIT_SELECT} WHERE vi.id = $1`, [id]))[0]!;

/** Households under assistance (an open assignment) in the caller's scope within `area`. */
export async function assistedHouseholdCount(q: Queryable, user: AuthUser, area: string): Promise<number> {
  const p = new SqlParams();
  const [r] = await q.query<{ n: number }>(
    `SELECT count(*) AS n FROM household h JOIN helper_assignment ha ON ha.household_id = h.id AND ha.ended_on IS NULL
      WHERE ${householdScopeSql(user, p)} AND ${withinSql('h.village_code', area, p)}`,
    p.values,
  );
  return Number(r!.n);
}

/** Visits on given days in the caller's scope: per day, visits, households visited and "四个一" items done. */
export async function visitsOnDays(q: Queryable, user: AuthUser, area: string, days: string[]) {
  const p = new SqlParams();
  return q.query<{ visited_on: string; visits: number; households: number; four_ones: string[] }>(
    `SELECT vi.visited_on, count(DISTINCT vi.id) AS visits, count(DISTINCT vi.household_id) AS households,
            coalesce(array_agg(f.item) FILTER (WHERE f.item IS NOT NULL), '{}') AS four_ones
       FROM visit vi JOIN household h ON h.id = vi.household_id
       LEFT JOIN LATERAL unnest(vi.four_ones) AS f(item) ON true
      WHERE vi.visited_on = ANY(${p.add(days)}::date[]) AND ${householdScopeSql(user, p)} AND ${withinSql('h.village_code', area, p)}
      GROUP BY vi.visited_on`,
    p.values,
  );
}

/** Households under assistance with their last visit (up to today), in the caller's scope. */
export async function assistedWithLastVisit(q: Queryable, user: AuthUser, f: { area: string; helperId?: number; today: string }) {
  const p = new SqlParams();
  const where = [householdScopeSql(user, p), withinSql('h.village_code', f.area, p)];
  if (f.helperId) where.push(`ha.helper_id = ${p.add(f.helperId)}`);
  return q.query<{ household_id: number; household_no: string; village_code: string; village_name: string; township_name: string; helper_id: number; helper_name: string; last_visit_on: string | null }>(
    `SELECT h.id AS household_id, h.household_no, h.village_code, v.name AS village_name, t.name AS township_name, ha.helper_id, hp.name AS helper_name,
            lv.last_visit_on
       FROM household h JOIN helper_assignment ha ON ha.household_id = h.id AND ha.ended_on IS NULL JOIN helper_person hp ON hp.id = ha.helper_id
       JOIN area v ON v.code = h.village_code JOIN area t ON t.code = v.parent_code
       LEFT JOIN (SELECT household_id, max(visited_on) AS last_visit_on FROM visit WHERE visited_on <= ${p.add(f.today)} GROUP BY household_id) lv ON lv.household_id = h.id
      WHERE ${where.join(' AND ')}
      ORDER BY lv.last_visit_on NULLS FIRST, h.village_code, h.id`,
    p.values,
  );
}

export const headNames = async (q: Queryable, householdIds: number[]) =>
  householdIds.length
    ? q.query<{ household_id: number; name: string }>(`SELECT DISTINCT ON (household_id) household_id, name FROM person WHERE household_id = ANY($1::bigint[]) AND relation = 'head' ORDER BY household_id, id`, [householdIds])
    : [];

export const lastVisitOf = async (q: Queryable, householdId: number, today: string) =>
  (await q.query<{ d: string | null }>(`SELECT max(visited_on) AS d FROM visit WHERE household_id = $1 AND visited_on <= $2`, [householdId, today]))[0]?.d ?? null;

// ── settings ─────────────────────────────────────────────────────────────

export async function readSetting(q: Queryable, key: string): Promise<unknown> {
  return (await q.query<{ value: unknown }>(`SELECT value FROM assistance_setting WHERE key = $1`, [key]))[0]?.value ?? null;
}

export async function writeSetting(q: Queryable, key: string, value: unknown, by: number) {
  await q.query(
    `INSERT INTO assistance_setting (key, value, updated_at, updated_by) VALUES ($1, $2, now(), $3)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [key, JSON.stringify(value), by],
  );
}
