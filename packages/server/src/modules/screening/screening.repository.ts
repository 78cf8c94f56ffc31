/**
 * SQL of village screening. A round's list of households to visit is computed from the registry on every read
 * (`planCondition`), never copied: monthly → 脱贫户, 监测户 and households with an open warning; campaign → all.
 * A household visited in the round stays on its list. Mirrors the domain's `isPlanned`.
 */
import { areaRange, type RoundKind } from '@shouwang/domain';
import type { Queryable } from '../../db/db.js';
import type { AuthUser } from '../../http/context.js';
import { householdScopeSql } from '../../http/scope.js';
import { SqlParams } from '../../db/sql-params.js';

export interface RoundRow {
  id: number;
  kind: RoundKind;
  county_code: string;
  name: string;
  month: string | null;
  starts_on: string;
  ends_on: string;
  note: string | null;
  created_by_name: string | null;
  created_at: Date;
}

const ROUND_SELECT = `SELECT r.id, r.kind, r.county_code, r.name, r.month, r.starts_on, r.ends_on, r.note, u.display_name AS created_by_name, r.created_at
  FROM screening_round r LEFT JOIN user_account u ON u.id = r.created_by`;

/** The county's round of a month, created (without a creator) when first asked for. */
export async function ensureMonthlyRound(q: Queryable, countyCode: string, r: { month: string; name: string; startsOn: string; endsOn: string }): Promise<void> {
  await q.query(
    `INSERT INTO screening_round (kind, county_code, name, month, starts_on, ends_on) VALUES ('monthly', $1, $2, $3, $4, $5)
     ON CONFLICT (county_code, month) WHERE kind = 'monthly' DO NOTHING`, [countyCode, r.name, r.month, r.startsOn, r.endsOn]);
}

/** Rounds of counties overlapping the user's area: the user's own county, or counties within a city/province user's area. */
function roundScopeSql(user: AuthUser, p: SqlParams): string {
  if (user.areaCode.length >= 6) return `r.county_code = ${p.add(user.areaCode.slice(0, 6))}`;
  const { from, to } = areaRange(user.areaCode);
  return `r.county_code >= ${p.add(from)} AND r.county_code < ${p.add(to)}`;
}

export async function listRounds(q: Queryable, user: AuthUser, year: number): Promise<(RoundRow & { visited: number })[]> {
  const p = new SqlParams();
  const { from, to } = areaRange(user.areaCode);
  return q.query(
    `${ROUND_SELECT.replace('FROM screening_round r', `, (SELECT count(*)::int FROM screening_visit v WHERE v.round_id = r.id AND v.village_code >= ${p.add(from)} AND v.village_code < ${p.add(to)}) AS visited
       FROM screening_round r`)}
      WHERE ${roundScopeSql(user, p)} AND r.starts_on <= ${p.add(`${year}-12-31`)} AND r.ends_on >= ${p.add(`${year}-01-01`)}
      ORDER BY r.starts_on DESC, r.id DESC`, p.values);
}

export async function campaignStarts(q: Queryable, user: AuthUser, year: number): Promise<string[]> {
  const p = new SqlParams();
  const rows = await q.query<{ starts_on: string }>(
    `SELECT r.starts_on FROM screening_round r WHERE r.kind = 'campaign' AND ${roundScopeSql(user, p)} AND r.starts_on >= ${p.add(`${year}-01-01`)} AND r.starts_on <= ${p.add(`${year}-12-31`)}`, p.values);
  return rows.map((r) => r.starts_on);
}

export async function findRound(q: Queryable, user: AuthUser, id: number): Promise<RoundRow | null> {
  const p = new SqlParams();
  const rows = await q.query<RoundRow>(`${ROUND_SELECT} WHERE r.id = ${p.add(id)} AND ${roundScopeSql(user, p)}`, p.values);
  return rows[0] ?? null;
}

export async function insertCampaign(q: Queryable, c: { countyCode: string; name: string; startsOn: string; endsOn: string; note: string | null; createdBy: number }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO screening_round (kind, county_code, name, starts_on, ends_on, note, created_by) VALUES ('campaign', $1, $2, $3, $4, $5, $6) RETURNING id`,
    [c.countyCode, c.name, c.startsOn, c.endsOn, c.note, c.createdBy]);
  return Number(row!.id);
}

/** The plan condition for household alias `h` and left-joined visit alias `v` (see the file comment). */
export function planCondition(kind: RoundKind): string {
  if (kind === 'campaign') return 'true';
  return `(v.id IS NOT NULL OR h.household_type = 'alleviated' OR h.monitor_category IS NOT NULL
           OR EXISTS (SELECT 1 FROM warning w WHERE w.household_id = h.id AND NOT w.terminal))`;
}

export interface CoverageAggRow {
  code: string;
  planned: number;
  visited: number;
  risk_found: number;
}

/** Planned / visited / risk found per child area of `areaCode` (child code length `childLength`), within the user's scope. */
export async function coverageByChild(q: Queryable, user: AuthUser, round: RoundRow, areaCode: string, childLength: number): Promise<CoverageAggRow[]> {
  const p = new SqlParams();
  const { from, to } = areaRange(areaCode);
  return q.query<CoverageAggRow>(
    `SELECT substr(h.village_code, 1, ${p.add(childLength)}) AS code, count(*)::int AS planned, count(v.id)::int AS visited,
            count(*) FILTER (WHERE v.result = 'risk_found')::int AS risk_found
       FROM household h LEFT JOIN screening_visit v ON v.round_id = ${p.add(round.id)} AND v.household_id = h.id
      WHERE h.village_code >= ${p.add(from)} AND h.village_code < ${p.add(to)} AND ${householdScopeSql(user, p, 'h')} AND ${planCondition(round.kind)}
      GROUP BY 1`, p.values);
}

export const childAreas = (q: Queryable, parent: string) =>
  q.query<{ code: string; name: string; level: string }>('SELECT code, name, level FROM area WHERE parent_code = $1 ORDER BY code', [parent]);

export interface PlanHouseholdRow {
  id: number;
  household_no: string;
  head_name: string | null;
  household_type: string;
  monitor_category: string | null;
  has_open_warning: boolean;
  visit_id: number | null;
  result: string | null;
  risk_types: string[] | null;
  note: string | null;
  visited_on: string | null;
  visited_by_name: string | null;
  warning_id: number | null;
}

/** The list of households to visit in one village, with their visit in the round if any. */
export async function planHouseholds(q: Queryable, user: AuthUser, round: RoundRow, villageCode: string, f: { status?: 'pending' | 'visited'; q?: string; page: number; pageSize: number }) {
  const p = new SqlParams();
  const where = [`h.village_code = ${p.add(villageCode)}`, householdScopeSql(user, p, 'h'), planCondition(round.kind)];
  if (f.status === 'pending') where.push('v.id IS NULL');
  if (f.status === 'visited') where.push('v.id IS NOT NULL');
  const head = `(SELECT name FROM person WHERE household_id = h.id AND relation = 'head' ORDER BY id LIMIT 1)`;
  if (f.q) where.push(`(h.household_no = ${p.add(f.q)} OR ${head} = ${p.add(f.q)})`);
  const from = `FROM household h LEFT JOIN screening_visit v ON v.round_id = ${p.add(round.id)} AND v.household_id = h.id WHERE ${where.join(' AND ')}`;
  const [{ total }] = (await q.query<{ total: number }>(`SELECT count(*)::int AS total ${from}`, p.values)) as [{ total: number }];
  const rows = await q.query<PlanHouseholdRow>(
    `SELECT h.id, h.household_no, ${head} AS head_name, h.household_type, h.monitor_category,
            EXISTS (SELECT 1 FROM warning w WHERE w.household_id = h.id AND NOT w.terminal) AS has_open_warning,
            v.id AS visit_id, v.result, v.risk_types, v.note, v.visited_on, u.display_name AS visited_by_name, v.warning_id
       ${from.replace('WHERE', 'LEFT JOIN user_account u ON u.id = v.visited_by WHERE')}
      ORDER BY (v.id IS NOT NULL), h.household_no LIMIT ${p.add(f.pageSize)} OFFSET ${p.add((f.page - 1) * f.pageSize)}`, p.values);
  return { total: Number(total), rows };
}

export interface VisitHousehold {
  id: number;
  village_code: string;
  household_type: 'alleviated' | 'ordinary';
  monitor_category: string | null;
  head_id: number | null;
  head_name: string | null;
  head_identity_key: string | null;
}

export async function householdForVisit(q: Queryable, user: AuthUser, id: number): Promise<VisitHousehold | null> {
  const p = new SqlParams();
  const rows = await q.query<VisitHousehold>(
    `SELECT h.id, h.village_code, h.household_type, h.monitor_category, hp.id AS head_id, hp.name AS head_name, hp.identity_key AS head_identity_key
       FROM household h
       LEFT JOIN LATERAL (SELECT id, name, identity_key FROM person WHERE household_id = h.id AND relation = 'head' ORDER BY id LIMIT 1) hp ON true
      WHERE h.id = ${p.add(id)} AND ${householdScopeSql(user, p, 'h')} FOR UPDATE OF h`, p.values);
  return rows[0] ?? null;
}

export async function visitOf(q: Queryable, roundId: number, householdId: number): Promise<{ id: number } | null> {
  return (await q.query<{ id: number }>('SELECT id FROM screening_visit WHERE round_id = $1 AND household_id = $2', [roundId, householdId]))[0] ?? null;
}

export async function nextVisitId(q: Queryable): Promise<number> {
  const [row] = await q.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('screening_visit', 'id')) AS id`);
  return Number(row!.id);
}

export async function insertVisit(q: Queryable, v: { id: number; roundId: number; householdId: number; villageCode: string; result: string; riskTypes: string[]; note: string | null; visitedOn: string; visitedBy: number; warningId: number | null }): Promise<void> {
  await q.query(
    `INSERT INTO screening_visit (id, round_id, household_id, village_code, result, risk_types, note, visited_on, visited_by, warning_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [v.id, v.roundId, v.householdId, v.villageCode, v.result, v.riskTypes, v.note, v.visitedOn, v.visitedBy, v.warningId]);
}
