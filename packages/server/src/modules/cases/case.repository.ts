/** Cases SQL: monitoring cases with their household, settings, notices, rollbacks, and the figures the criteria read. */
import { areaRange } from '@shouwang/domain';
import type { Queryable } from '../../db/db.js';
import { SqlParams, escapeLike } from '../../db/sql-params.js';
import { householdScopeSql } from '../../http/scope.js';
import type { AuthUser } from '../../http/context.js';
import { LIFECYCLE_COLUMNS, type LifecycleRow } from '../workflow/workflow.store.js';

export type CaseKind = 'identification' | 'elimination';

/** A case row with what its pages show of the household (never an ID number or a phone). */
export interface CaseRow extends LifecycleRow {
  kind: CaseKind;
  household_id: number;
  village_code: string;
  terminal: boolean;
  closed_on: string | null;
  source_warning_id: number | null;
  household_no: string;
  head_name: string | null;
  member_count: number;
  village_name: string;
  township_name: string;
  township_code: string;
  monitor_category: string | null;
  risk_types: string[];
  risk_eliminated: boolean;
}

const CASE_SELECT = `SELECT c.${LIFECYCLE_COLUMNS.split(', ').join(', c.')}, c.kind, c.household_id, c.village_code, c.terminal, c.closed_on, c.source_warning_id,
       h.household_no, hp.name AS head_name, h.member_count, v.name AS village_name, t.name AS township_name, t.code AS township_code,
       h.monitor_category, h.risk_types, h.risk_eliminated
  FROM monitoring_case c
  JOIN household h ON h.id = c.household_id
  JOIN area v ON v.code = c.village_code
  JOIN area t ON t.code = v.parent_code
  LEFT JOIN LATERAL (SELECT name FROM person WHERE household_id = h.id AND relation = 'head' ORDER BY id LIMIT 1) hp ON true`;

const normalise = (r: CaseRow): CaseRow => ({ ...r, id: Number(r.id), household_id: Number(r.household_id), member_count: Number(r.member_count), source_warning_id: r.source_warning_id == null ? null : Number(r.source_warning_id) });

/** The case when it lies in the user's scope (its household's village; a 帮扶责任人 only their households). */
export async function findCase(q: Queryable, user: AuthUser, id: number): Promise<CaseRow | null> {
  const p = new SqlParams();
  const rows = await q.query<CaseRow>(`${CASE_SELECT} WHERE c.id = ${p.add(id)} AND ${householdScopeSql(user, p)}`, p.values);
  return rows[0] ? normalise(rows[0]) : null;
}

export interface CaseFilter {
  kind?: CaseKind;
  state?: string;
  area?: string;
  q?: string;
  open?: boolean;
  householdId?: number;
}

function caseWhere(user: AuthUser, f: CaseFilter, p: SqlParams): string {
  const where = [householdScopeSql(user, p)];
  if (f.kind) where.push(`c.kind = ${p.add(f.kind)}`);
  if (f.state) where.push(`c.state = ${p.add(f.state)}`);
  if (f.open !== undefined) where.push(f.open ? 'NOT c.terminal' : 'c.terminal');
  if (f.householdId) where.push(`c.household_id = ${p.add(f.householdId)}`);
  if (f.area) {
    const r = areaRange(f.area);
    where.push(`c.village_code >= ${p.add(r.from)} AND c.village_code < ${p.add(r.to)}`);
  }
  if (f.q) {
    const like = p.add(escapeLike(f.q.trim()) + '%');
    where.push(`(h.household_no = ${p.add(f.q.trim())} OR EXISTS (SELECT 1 FROM person pp WHERE pp.household_id = h.id AND pp.relation = 'head' AND pp.name LIKE ${like} ESCAPE '\\'))`);
  }
  return where.join(' AND ');
}

export async function countCases(q: Queryable, user: AuthUser, f: CaseFilter): Promise<number> {
  const p = new SqlParams();
  const rows = await q.query<{ n: number }>(`SELECT count(*) AS n FROM monitoring_case c JOIN household h ON h.id = c.household_id WHERE ${caseWhere(user, f, p)}`, p.values);
  return Number(rows[0]!.n);
}

/** Matching cases, newest first; without `page` all of them (capped). */
export async function listCases(q: Queryable, user: AuthUser, f: CaseFilter, page?: { limit: number; offset: number }): Promise<CaseRow[]> {
  const p = new SqlParams();
  const where = caseWhere(user, f, p);
  const limit = p.add(page?.limit ?? 10_000);
  const offset = p.add(page?.offset ?? 0);
  const rows = await q.query<CaseRow>(`${CASE_SELECT} WHERE ${where} ORDER BY c.terminal, c.opened_on DESC, c.id DESC LIMIT ${limit} OFFSET ${offset}`, p.values);
  return rows.map(normalise);
}

// ── households ──────────────────────────────────────────────────────────

export interface HouseholdRow {
  id: number;
  household_no: string;
  village_code: string;
  village_name: string;
  township_name: string;
  head_name: string | null;
  member_count: number;
  household_type: string;
  monitor_category: string | null;
  monitor_identified_on: string | null;
  risk_types: string[];
  risk_eliminated: boolean;
  elimination_method: string | null;
  eliminated_on: string | null;
  no_labour_guarantee: boolean;
  housing_unsafe: boolean;
  schooling_dropout: boolean;
  water_unsafe: boolean;
  medical_uninsured: boolean;
  version: number;
}

export async function findHousehold(q: Queryable, user: AuthUser, id: number, forUpdate = false): Promise<HouseholdRow | null> {
  const p = new SqlParams();
  const rows = await q.query<HouseholdRow>(
    `SELECT h.id, h.household_no, h.village_code, v.name AS village_name, t.name AS township_name,
            (SELECT name FROM person WHERE household_id = h.id AND relation = 'head' ORDER BY id LIMIT 1) AS head_name,
            h.member_count, h.household_type, h.monitor_category, h.monitor_identified_on, h.risk_types, h.risk_eliminated, h.elimination_method,
            h.eliminated_on, h.no_labour_guarantee, h.housing_unsafe, h.schooling_dropout, h.water_unsafe, h.medical_uninsured, h.version
       FROM household h JOIN area v ON v.code = h.village_code JOIN area t ON t.code = v.parent_code
      WHERE h.id = ${p.add(id)} AND ${householdScopeSql(user, p)}${forUpdate ? ' FOR UPDATE OF h' : ''}`,
    p.values,
  );
  return rows[0] ? { ...rows[0], id: Number(rows[0].id), member_count: Number(rows[0].member_count), version: Number(rows[0].version) } : null;
}

export async function updateHouseholdMonitoring(q: Queryable, id: number, set: Record<string, unknown>): Promise<void> {
  const p = new SqlParams();
  const cols = Object.entries(set).map(([k, v]) => `${k} = ${p.add(v)}`);
  await q.query(`UPDATE household SET ${cols.join(', ')}, version = version + 1, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
}

export async function insertHistory(q: Queryable, e: { householdId: number; user: AuthUser; changes: unknown }): Promise<void> {
  await q.query(
    `INSERT INTO household_history (household_id, user_id, username, entity_type, entity_id, action, changes) VALUES ($1, $2, $3, 'household', $4, 'update', $5)`,
    [e.householdId, e.user.id, e.user.username, String(e.householdId), JSON.stringify(e.changes)],
  );
}

export async function helperAssigned(q: Queryable, householdId: number): Promise<boolean> {
  return (await q.query('SELECT 1 FROM helper_assignment WHERE household_id = $1 AND ended_on IS NULL', [householdId])).length > 0;
}

export async function openCaseOf(q: Queryable, householdId: number, kind: CaseKind): Promise<number | null> {
  const rows = await q.query<{ id: number }>('SELECT id FROM monitoring_case WHERE household_id = $1 AND kind = $2 AND NOT terminal', [householdId, kind]);
  return rows[0] ? Number(rows[0].id) : null;
}

/** What the elimination criteria read for one household. */
export async function eliminationFigures(q: Queryable, householdId: number) {
  const [members, incomes, assessments, measures] = await Promise.all([
    q.query<{ labour_skill: string; birth_date: string; school_status: string }>('SELECT labour_skill, birth_date, school_status FROM person WHERE household_id = $1', [householdId]),
    q.query<{ year: number; per_capita_net_income: number }>('SELECT year, per_capita_net_income FROM household_income WHERE household_id = $1 ORDER BY year', [householdId]),
    q.query<{ month: string; per_capita_net_income: number | null; housing_unsafe: boolean; schooling_dropout: boolean; medical_uninsured: boolean; water_unsafe: boolean; new_risk_types: string[] }>(
      `SELECT month, per_capita_net_income, housing_unsafe, schooling_dropout, medical_uninsured, water_unsafe, new_risk_types
         FROM household_assessment WHERE household_id = $1 ORDER BY month`, [householdId]),
    q.query<{ measure_code: string; status: string }>('SELECT measure_code, status FROM help_measure WHERE household_id = $1', [householdId]),
  ]);
  return { members, incomes, assessments, measures };
}

// ── settings ────────────────────────────────────────────────────────────

export async function readSetting<T>(q: Queryable, key: 'deadlines' | 'elimination'): Promise<{ value: T; version: number; updatedAt: string | null } | null> {
  const rows = await q.query<{ value: T; version: number; updated_at: Date }>('SELECT value, version, updated_at FROM case_setting WHERE key = $1', [key]);
  return rows[0] ? { value: rows[0].value, version: Number(rows[0].version), updatedAt: new Date(rows[0].updated_at).toISOString() } : null;
}

/** Upsert a setting; returns false when `version` is stale (0 = the setting does not exist yet). */
export async function writeSetting(q: Queryable, key: 'deadlines' | 'elimination', value: unknown, version: number, userId: number): Promise<boolean> {
  if (version === 0) {
    const rows = await q.query(
      `INSERT INTO case_setting (key, value, updated_by) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING key`,
      [key, JSON.stringify(value), userId],
    );
    return rows.length > 0;
  }
  const rows = await q.query(
    `UPDATE case_setting SET value = $2, version = version + 1, updated_by = $3, updated_at = now() WHERE key = $1 AND version = $4 RETURNING key`,
    [key, JSON.stringify(value), userId, version],
  );
  return rows.length > 0;
}

// ── notices ─────────────────────────────────────────────────────────────

export interface NoticeRowDb {
  id: number;
  kind: string;
  village_code: string;
  village_name: string;
  township_name: string;
  status: string;
  title: string;
  content: unknown;
  contact_phone: string | null;
  posted_on: string | null;
  period_from: string | null;
  period_to: string | null;
  earliest_next_on: string | null;
  created_at: Date;
  case_ids: number[];
}

const NOTICE_SELECT = `SELECT n.id, n.kind, n.village_code, v.name AS village_name, t.name AS township_name, n.status, n.title, n.content, n.contact_phone,
       n.posted_on, n.period_from, n.period_to, n.earliest_next_on, n.created_at,
       COALESCE((SELECT array_agg(nc.case_id ORDER BY nc.case_id) FROM case_notice_case nc WHERE nc.notice_id = n.id), '{}') AS case_ids
  FROM case_notice n JOIN area v ON v.code = n.village_code JOIN area t ON t.code = v.parent_code`;

const normaliseNotice = (r: NoticeRowDb): NoticeRowDb => ({ ...r, id: Number(r.id), case_ids: (r.case_ids ?? []).map(Number) });

export async function findNotice(q: Queryable, user: AuthUser, id: number, forUpdate = false): Promise<NoticeRowDb | null> {
  const r = areaRange(user.areaCode);
  const rows = await q.query<NoticeRowDb>(`${NOTICE_SELECT} WHERE n.id = $1 AND n.village_code >= $2 AND n.village_code < $3${forUpdate ? ' FOR UPDATE OF n' : ''}`, [id, r.from, r.to]);
  return rows[0] ? normaliseNotice(rows[0]) : null;
}

export async function listNotices(q: Queryable, user: AuthUser, f: { area?: string; kind?: string; status?: string }): Promise<NoticeRowDb[]> {
  const p = new SqlParams();
  const scope = areaRange(user.areaCode);
  const where = [`n.village_code >= ${p.add(scope.from)} AND n.village_code < ${p.add(scope.to)}`, `n.status <> 'cancelled'`];
  if (f.area) {
    const r = areaRange(f.area);
    where.push(`n.village_code >= ${p.add(r.from)} AND n.village_code < ${p.add(r.to)}`);
  }
  if (f.kind) where.push(`n.kind = ${p.add(f.kind)}`);
  if (f.status) where.push(`n.status = ${p.add(f.status)}`);
  const rows = await q.query<NoticeRowDb>(`${NOTICE_SELECT} WHERE ${where.join(' AND ')} ORDER BY n.id DESC LIMIT 500`, p.values);
  return rows.map(normaliseNotice);
}

export async function insertNotice(q: Queryable, n: { kind: string; villageCode: string; title: string; content: unknown; contactPhone: string | null; createdBy: number; caseIds: number[] }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO case_notice (kind, village_code, title, content, contact_phone, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [n.kind, n.villageCode, n.title, JSON.stringify(n.content), n.contactPhone, n.createdBy],
  );
  const id = Number(row!.id);
  for (const c of n.caseIds) await q.query('INSERT INTO case_notice_case (notice_id, case_id) VALUES ($1, $2)', [id, c]);
  return id;
}

export async function markNoticePosted(q: Queryable, id: number, n: { title: string; content: unknown; postedOn: string; periodFrom: string | null; periodTo: string | null; earliestNextOn: string | null; postedBy: number }): Promise<void> {
  await q.query(
    `UPDATE case_notice SET status = 'posted', title = $2, content = $3, posted_on = $4, period_from = $5, period_to = $6, earliest_next_on = $7, posted_by = $8, updated_at = now() WHERE id = $1`,
    [id, n.title, JSON.stringify(n.content), n.postedOn, n.periodFrom, n.periodTo, n.earliestNextOn, n.postedBy],
  );
}

export const cancelNotice = (q: Queryable, id: number) => q.query(`UPDATE case_notice SET status = 'cancelled', updated_at = now() WHERE id = $1`, [id]);

/** Cases already on a live (draft or posted) notice of the kind. */
export async function casesOnNotices(q: Queryable, kind: string, caseIds: number[]): Promise<Map<number, number>> {
  if (!caseIds.length) return new Map();
  const rows = await q.query<{ case_id: number; notice_id: number }>(
    `SELECT nc.case_id, nc.notice_id FROM case_notice_case nc JOIN case_notice n ON n.id = nc.notice_id
      WHERE n.kind = $1 AND n.status <> 'cancelled' AND nc.case_id = ANY ($2::bigint[])`,
    [kind, caseIds],
  );
  return new Map(rows.map((r) => [Number(r.case_id), Number(r.notice_id)]));
}

/** Remove a case from draft notices of a kind (it is being posted on its own). */
export async function detachFromDrafts(q: Queryable, kind: string, caseId: number): Promise<void> {
  await q.query(
    `DELETE FROM case_notice_case nc USING case_notice n WHERE n.id = nc.notice_id AND n.kind = $1 AND n.status = 'draft' AND nc.case_id = $2`,
    [kind, caseId],
  );
}

export async function noticesOfCase(q: Queryable, caseId: number) {
  return q.query<{ id: number; kind: string; status: string; title: string; posted_on: string | null; period_to: string | null }>(
    `SELECT n.id, n.kind, n.status, n.title, n.posted_on, n.period_to FROM case_notice n JOIN case_notice_case nc ON nc.notice_id = n.id
      WHERE nc.case_id = $1 AND n.status <> 'cancelled' ORDER BY n.id`,
    [caseId],
  );
}

/** 异议 raised and resolved on the given cases (from their step records). */
export async function objectionSteps(q: Queryable, caseIds: number[]) {
  if (!caseIds.length) return [];
  return q.query<{ case_id: number; machine: string; event: string; actor_name: string | null; on_date: string; remarks: string | null }>(
    `SELECT case_id, machine, event, actor_name, on_date, remarks FROM workflow_step
      WHERE machine IN ('identification', 'elimination') AND case_id = ANY ($1::bigint[]) AND event IN ('raise_objection', 'resolve_objection')
      ORDER BY case_id, seq`,
    [caseIds],
  );
}

// ── attachments and rollbacks ──────────────────────────────────────────────

/** The attachment ids among `ids` that belong to the case. */
export async function caseAttachmentIds(q: Queryable, caseId: number, ids: readonly number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await q.query<{ id: number }>(`SELECT id FROM attachment WHERE owner_type = 'monitoring_case' AND owner_id = $1 AND id = ANY ($2::bigint[])`, [caseId, [...ids]]);
  return new Set(rows.map((r) => Number(r.id)));
}

export async function insertRollback(q: Queryable, r: { householdId: number; caseId: number | null; on: string; reason: string; previous: unknown; by: number }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO elimination_rollback (household_id, elimination_case_id, rolled_back_on, reason, previous, rolled_back_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [r.householdId, r.caseId, r.on, r.reason, JSON.stringify(r.previous), r.by],
  );
  return Number(row!.id);
}

export async function rollbacksOf(q: Queryable, householdId: number) {
  return q.query<{ id: number; elimination_case_id: number | null; rolled_back_on: string; reason: string; previous: Record<string, unknown>; by_name: string | null }>(
    `SELECT r.id, r.elimination_case_id, r.rolled_back_on, r.reason, r.previous, u.display_name AS by_name
       FROM elimination_rollback r LEFT JOIN user_account u ON u.id = r.rolled_back_by WHERE r.household_id = $1 ORDER BY r.id DESC`,
    [householdId],
  );
}

export async function lastEliminationCase(q: Queryable, householdId: number): Promise<number | null> {
  const rows = await q.query<{ id: number }>(`SELECT id FROM monitoring_case WHERE household_id = $1 AND kind = 'elimination' AND state = 'done' ORDER BY id DESC LIMIT 1`, [householdId]);
  return rows[0] ? Number(rows[0].id) : null;
}

export async function areaNames(q: Queryable, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await q.query<{ code: string; name: string }>('SELECT code, name FROM area WHERE code = ANY ($1::text[])', [codes]);
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function findVillage(q: Queryable, code: string): Promise<{ code: string; name: string; township_name: string } | null> {
  const rows = await q.query<{ code: string; name: string; township_name: string }>(
    `SELECT v.code, v.name, t.name AS township_name FROM area v JOIN area t ON t.code = v.parent_code WHERE v.code = $1 AND v.level = 'village'`,
    [code],
  );
  return rows[0] ?? null;
}
