/** SQL of the warnings module (parameterised; PostgreSQL SQL that runs on PGlite and PostgreSQL 15). */
import { areaRange } from '@shouwang/domain';
import type { Queryable } from '../../db/db.js';
import { SqlParams, escapeLike } from '../../db/sql-params.js';
import type { AuthUser } from '../../http/context.js';
import type { DeadlineCutoffs } from './warning.deadline.js';
import type { ListQuery, WarningSettings } from './warnings.schemas.js';

/**
 * Which warnings a user sees: a department user those its department pushed; every other reader those of villages in
 * the user's area (county roles: the whole county).
 */
export function warningScopeSql(user: AuthUser, p: SqlParams, alias = 'w'): string {
  if (user.role === 'department_user') return `${alias}.pushing_department_code = ${p.add(user.departmentCode ?? '')}`;
  const { from, to } = areaRange(user.areaCode);
  return `${alias}.village_code >= ${p.add(from)} AND ${alias}.village_code < ${p.add(to)}`;
}

export interface WarningRow {
  id: number;
  source: string;
  pushing_department_code: string | null;
  department_name: string | null;
  village_code: string;
  village_name: string;
  township_name: string | null;
  household_id: number | null;
  person_id: number | null;
  roster_person_id: number | null;
  subject_identity_key: string | null;
  subject_name: string | null;
  subject_group: string | null;
  risk_types: string[];
  output_kind: string;
  rule_code: string | null;
  title: string;
  description: string | null;
  state: string;
  terminal: boolean;
  version: number;
  opened_on: string;
  state_entered_on: string;
  closed_on: string | null;
  facts: unknown;
  outcome_remarks: string | null;
  duplicate_of: string | null;
  case_id: number | null;
  assistance_added: boolean;
  created_by_name: string | null;
  hit_count: number;
}

const SELECT = `
  SELECT w.id, w.source, w.pushing_department_code, d.name AS department_name, w.village_code, v.name AS village_name, t.name AS township_name,
         w.household_id, w.person_id, w.roster_person_id, w.subject_identity_key, w.subject_name, w.subject_group, w.risk_types, w.output_kind,
         w.rule_code, w.title, w.description, w.state, w.terminal, w.version, w.opened_on, w.state_entered_on, w.closed_on, w.facts,
         w.outcome_remarks, w.duplicate_of, w.case_id, w.assistance_added, u.display_name AS created_by_name,
         (SELECT count(*) FROM warning_hit hh WHERE hh.warning_id = w.id) AS hit_count
    FROM warning w
    JOIN area v ON v.code = w.village_code
    LEFT JOIN area t ON t.code = v.parent_code
    LEFT JOIN department d ON d.code = w.pushing_department_code
    LEFT JOIN user_account u ON u.id = w.created_by`;

export async function listWarnings(q: Queryable, user: AuthUser, f: ListQuery, cut: DeadlineCutoffs): Promise<{ total: number; rows: WarningRow[] }> {
  const p = new SqlParams();
  const where = [warningScopeSql(user, p)];
  if (f.state) where.push(`w.state = ${p.add(f.state)}`);
  if (f.open === 'true') where.push('NOT w.terminal');
  if (f.open === 'false') where.push('w.terminal');
  if (f.source) where.push(`w.source = ${p.add(f.source)}`);
  if (f.department) where.push(`w.pushing_department_code = ${p.add(f.department)}`);
  if (f.area) {
    const r = areaRange(f.area);
    where.push(`w.village_code >= ${p.add(r.from)} AND w.village_code < ${p.add(r.to)}`);
  }
  if (f.riskType) where.push(`${p.add(f.riskType)} = ANY(w.risk_types)`);
  if (f.deadline === 'overdue') where.push(`NOT w.terminal AND w.opened_on <= ${p.add(cut.overdueOnOrBefore)}`);
  if (f.deadline === 'due_soon') where.push(`NOT w.terminal AND w.opened_on > ${p.add(cut.overdueOnOrBefore)} AND w.opened_on <= ${p.add(cut.dueSoonOnOrBefore)}`);
  if (f.from) where.push(`w.opened_on >= ${p.add(f.from)}`);
  if (f.to) where.push(`w.opened_on <= ${p.add(f.to)}`);
  if (f.householdId) where.push(`w.household_id = ${p.add(f.householdId)}`);
  if (f.q) {
    const text = f.q.toUpperCase();
    if (/^\d{17}[\dX]$/.test(text)) where.push(`w.subject_identity_key = ${p.add(text)}`);
    else if (/^\d+$/.test(text) && text.length <= 12) where.push(`w.id = ${p.add(Number(text))}`);
    else {
      const like = p.add(`%${escapeLike(f.q)}%`);
      where.push(`(w.title ILIKE ${like} ESCAPE '\\' OR w.subject_name ILIKE ${like} ESCAPE '\\' OR w.description ILIKE ${like} ESCAPE '\\')`);
    }
  }
  const w = where.join(' AND ');
  const [{ total }] = (await q.query<{ total: number }>(`SELECT count(*) AS total FROM warning w WHERE ${w}`, p.values)) as [{ total: number }];
  // Open first (oldest pushed first: the most urgent), then closed, newest first.
  const rows = await q.query<WarningRow>(
    `${SELECT} WHERE ${w} ORDER BY w.terminal, CASE WHEN w.terminal THEN NULL ELSE w.opened_on END, w.closed_on DESC NULLS LAST, w.id DESC
      LIMIT ${p.add(f.pageSize)} OFFSET ${p.add((f.page - 1) * f.pageSize)}`,
    p.values,
  );
  return { total: Number(total), rows };
}

/** One warning in the user's scope (null when absent or outside it). */
export async function findWarning(q: Queryable, user: AuthUser, id: number): Promise<WarningRow | null> {
  const p = new SqlParams();
  const scope = warningScopeSql(user, p);
  return (await q.query<WarningRow>(`${SELECT} WHERE w.id = ${p.add(id)} AND ${scope}`, p.values))[0] ?? null;
}

export const hitsOf = (q: Queryable, warningId: number) =>
  q.query(`SELECT id, source_type, source_ref, rule_code, rule_version, source_file, source_row, explanation, created_at FROM warning_hit WHERE warning_id = $1 ORDER BY id`, [warningId]);

export interface HouseholdBrief {
  id: number;
  household_no: string;
  village_code: string;
  household_type: 'alleviated' | 'ordinary';
  monitored: boolean;
  head_name: string | null;
  member_count: number;
}

const HOUSEHOLD_BRIEF = `SELECT h.id, h.household_no, h.village_code, h.household_type, (h.monitor_category IS NOT NULL AND NOT h.risk_eliminated) AS monitored,
       (SELECT name FROM person hp WHERE hp.household_id = h.id AND hp.relation = 'head' LIMIT 1) AS head_name, h.member_count
  FROM household h`;

export async function householdBrief(q: Queryable, id: number): Promise<HouseholdBrief | null> {
  return (await q.query<HouseholdBrief>(`${HOUSEHOLD_BRIEF} WHERE h.id = $1`, [id]))[0] ?? null;
}

/** A registry household within the user's area (the household of a roster person or a name-only clue). */
export async function householdInArea(q: Queryable, user: AuthUser, id: number): Promise<HouseholdBrief | null> {
  const { from, to } = areaRange(user.areaCode);
  return (await q.query<HouseholdBrief>(`${HOUSEHOLD_BRIEF} WHERE h.id = $1 AND h.village_code >= $2 AND h.village_code < $3`, [id, from, to]))[0] ?? null;
}

export interface SubjectMatch {
  kind: 'registry' | 'roster';
  personId: number | null;
  rosterPersonId: number | null;
  householdId: number | null;
  villageCode: string;
  name: string;
  householdType: 'alleviated' | 'ordinary' | null;
  monitored: boolean;
}

/** The person behind an 18-digit ID number: the registry first, then the 公安 roster. */
export async function findSubject(q: Queryable, identityKey: string): Promise<SubjectMatch | null> {
  const [r] = await q.query(
    `SELECT p.id AS person_id, p.name, h.id AS household_id, h.village_code, h.household_type, (h.monitor_category IS NOT NULL AND NOT h.risk_eliminated) AS monitored
       FROM person p JOIN household h ON h.id = p.household_id WHERE p.identity_key = $1`, [identityKey]);
  if (r) return { kind: 'registry', personId: Number(r.person_id), rosterPersonId: null, householdId: Number(r.household_id), villageCode: r.village_code, name: r.name, householdType: r.household_type, monitored: !!r.monitored };
  const [rp] = await q.query(`SELECT id, name, village_code FROM roster_person WHERE identity_key = $1`, [identityKey]);
  if (rp) return { kind: 'roster', personId: null, rosterPersonId: Number(rp.id), householdId: null, villageCode: rp.village_code, name: rp.name, householdType: null, monitored: false };
  return null;
}

export interface CaseBrief { id: number; kind: string; state: string; terminal: boolean }

export async function caseBrief(q: Queryable, id: number): Promise<CaseBrief | null> {
  return (await q.query<CaseBrief>(`SELECT id, kind, state, terminal FROM monitoring_case WHERE id = $1`, [id]))[0] ?? null;
}

/** 已是监测对象: the household's open identification case, else its latest case of any kind. */
export async function caseToAttach(q: Queryable, householdId: number): Promise<number | null> {
  const open = await q.query<{ id: number }>(`SELECT id FROM monitoring_case WHERE household_id = $1 AND kind = 'identification' AND NOT terminal`, [householdId]);
  if (open[0]) return Number(open[0].id);
  const latest = await q.query<{ id: number }>(`SELECT id FROM monitoring_case WHERE household_id = $1 ORDER BY id DESC LIMIT 1`, [householdId]);
  return latest[0] ? Number(latest[0].id) : null;
}

export async function creditWritten(q: Queryable, warningId: number): Promise<boolean> {
  return (await q.query(`SELECT 1 FROM warning_credit WHERE source_type = 'warning' AND source_id = $1`, [String(warningId)])).length > 0;
}

/** Attachment ids that belong to the warning (to check a step's attachment list). */
export async function attachmentIdsOf(q: Queryable, warningId: number): Promise<Set<number>> {
  return new Set((await q.query<{ id: number }>(`SELECT id FROM attachment WHERE owner_type = 'warning' AND owner_id = $1`, [warningId])).map((r) => Number(r.id)));
}

// ── settings ──────────────────────────────────────────────────────────────────────────────────────

export async function readSettings(q: Queryable): Promise<WarningSettings & { updatedAt: string | null; updatedBy: string | null }> {
  const [r] = await q.query(`SELECT s.verification_days, s.counting, s.due_soon_days, s.updated_at, s.updated_by, u.display_name
                               FROM warning_setting s LEFT JOIN user_account u ON u.id = s.updated_by WHERE s.id`);
  if (!r) return { verificationDays: 5, counting: 'calendar', dueSoonDays: 1, updatedAt: null, updatedBy: null };
  return {
    verificationDays: Number(r.verification_days), counting: r.counting, dueSoonDays: Number(r.due_soon_days),
    updatedAt: r.updated_by ? new Date(r.updated_at).toISOString() : null, updatedBy: r.display_name ?? null,
  };
}

export async function writeSettings(q: Queryable, s: WarningSettings, userId: number): Promise<void> {
  await q.query(
    `INSERT INTO warning_setting (id, verification_days, counting, due_soon_days, updated_at, updated_by) VALUES (true, $1, $2, $3, now(), $4)
     ON CONFLICT (id) DO UPDATE SET verification_days = EXCLUDED.verification_days, counting = EXCLUDED.counting, due_soon_days = EXCLUDED.due_soon_days,
       updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [s.verificationDays, s.counting, s.dueSoonDays, userId],
  );
}

// ── deadlines and figures ─────────────────────────────────────────────────────────────────────────

/** Open / overdue / due-soon counts of open warnings grouped by the first `prefixLen` digits of the village code. */
export async function overdueByArea(q: Queryable, user: AuthUser, prefixLen: number, cut: DeadlineCutoffs) {
  const p = new SqlParams();
  const scope = warningScopeSql(user, p);
  const od = p.add(cut.overdueOnOrBefore);
  const ds = p.add(cut.dueSoonOnOrBefore);
  const len = p.add(prefixLen);
  return q.query<{ area_code: string; area_name: string | null; open: number; overdue: number; due_soon: number }>(
    `SELECT g.area_code, a.name AS area_name, g.open, g.overdue, g.due_soon FROM (
       SELECT substr(w.village_code, 1, ${len}::int) AS area_code, count(*) AS open,
              count(*) FILTER (WHERE w.opened_on <= ${od}::date) AS overdue,
              count(*) FILTER (WHERE w.opened_on > ${od}::date AND w.opened_on <= ${ds}::date) AS due_soon
         FROM warning w WHERE NOT w.terminal AND ${scope} GROUP BY 1) g
     LEFT JOIN area a ON a.code = g.area_code
     ORDER BY g.overdue DESC, g.area_code`,
    p.values,
  );
}

export interface FigureRow {
  id: number;
  source: string;
  pushing_department_code: string | null;
  village_code: string;
  household_id: number | null;
  state: string;
  terminal: boolean;
  opened_on: string;
  closed_on: string | null;
  member_count: number | null;
}

/** The warnings pushed in the period (in scope), with what the figures need; household size for included ones. */
export async function figureRows(q: Queryable, user: AuthUser, from: string, to: string, area: string | undefined): Promise<FigureRow[]> {
  const p = new SqlParams();
  const where = [warningScopeSql(user, p), `w.opened_on >= ${p.add(from)}`, `w.opened_on <= ${p.add(to)}`];
  if (area) {
    const r = areaRange(area);
    where.push(`w.village_code >= ${p.add(r.from)} AND w.village_code < ${p.add(r.to)}`);
  }
  return q.query<FigureRow>(
    `SELECT w.id, w.source, w.pushing_department_code, w.village_code, w.household_id, w.state, w.terminal, w.opened_on, w.closed_on,
            CASE WHEN w.state = 'included' THEN (SELECT count(*) FROM person pp WHERE pp.household_id = w.household_id) END AS member_count
       FROM warning w WHERE ${where.join(' AND ')}`,
    p.values,
  );
}

export const areaNames = async (q: Queryable, codes: string[]) =>
  new Map((await q.query<{ code: string; name: string }>(`SELECT code, name FROM area WHERE code = ANY($1)`, [codes])).map((r) => [r.code, r.name]));

export const departmentNames = async (q: Queryable) =>
  new Map((await q.query<{ code: string; name: string }>(`SELECT code, name FROM department`)).map((r) => [r.code, r.name]));
