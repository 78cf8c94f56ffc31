/** SQL of 一码通: households by report code, self-report rows, the rate-limit counts, the card's data. */
import type { Queryable } from '../../db/db.js';
import type { AuthUser } from '../../http/context.js';
import { householdScopeSql } from '../../http/scope.js';
import { SqlParams } from '../../db/sql-params.js';
import { areaRange } from '@shouwang/domain';

export interface CodeHousehold {
  id: number;
  village_code: string;
  village_name: string;
  household_type: 'alleviated' | 'ordinary';
  monitor_category: string | null;
  head_id: number | null;
  head_name: string | null;
  head_identity_key: string | null;
}

/** The household a report code belongs to (with the village and head the warning needs), or null. */
export async function householdByCode(q: Queryable, code: string, lock = false): Promise<CodeHousehold | null> {
  const rows = await q.query<CodeHousehold>(
    `SELECT h.id, h.village_code, v.name AS village_name, h.household_type, h.monitor_category,
            p.id AS head_id, p.name AS head_name, p.identity_key AS head_identity_key
       FROM household h
       JOIN area v ON v.code = h.village_code
       LEFT JOIN LATERAL (SELECT id, name, identity_key FROM person WHERE household_id = h.id AND relation = 'head' ORDER BY id LIMIT 1) p ON true
      WHERE h.report_code = $1`, [code]);
  if (lock && rows[0]) await q.query('SELECT id FROM household WHERE id = $1 FOR UPDATE', [rows[0].id]);
  return rows[0] ?? null;
}

/** Serialise the rate-limit check of one client address across transactions and processes. */
export async function lockClient(q: Queryable, clientIp: string): Promise<void> {
  await q.query(`SELECT pg_advisory_xact_lock(hashtext('self_report:' || $1::text))`, [clientIp]);
}

/** Reports accepted since `since` from the client address and for the household. */
export async function recentCounts(q: Queryable, clientIp: string, householdId: number, since: string): Promise<{ client: number; household: number }> {
  const [row] = await q.query<{ client: number; household: number }>(
    `SELECT (SELECT count(*) FROM self_report WHERE client_ip = $1 AND submitted_at > $3)::int AS client,
            (SELECT count(*) FROM self_report WHERE household_id = $2 AND submitted_at > $3)::int AS household`,
    [clientIp, householdId, since]);
  return { client: Number(row!.client), household: Number(row!.household) };
}

export async function nextReportId(q: Queryable): Promise<number> {
  const [row] = await q.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('self_report', 'id')) AS id`);
  return Number(row!.id);
}

export async function insertReport(q: Queryable, r: {
  id: number; householdId: number; villageCode: string; warningId: number; hardships: string[]; description: string; phone: string | null;
  photoCount: number; clientIp: string; submittedAt: string; submittedOn: string;
}): Promise<void> {
  await q.query(
    `INSERT INTO self_report (id, household_id, village_code, warning_id, hardships, description, phone, photo_count, client_ip, submitted_at, submitted_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [r.id, r.householdId, r.villageCode, r.warningId, r.hardships, r.description, r.phone, r.photoCount, r.clientIp, r.submittedAt, r.submittedOn]);
}

export interface PublicReportRow {
  submitted_on: string;
  hardships: string[];
  description: string;
  photo_count: number;
  state: string;
}

/** A household's reports for the public page: only what the farmer typed and the clue's state. */
export const reportsOfHousehold = (q: Queryable, householdId: number) =>
  q.query<PublicReportRow>(
    `SELECT s.submitted_on, s.hardships, s.description, s.photo_count, w.state
       FROM self_report s JOIN warning w ON w.id = s.warning_id
      WHERE s.household_id = $1 ORDER BY s.id DESC LIMIT 20`, [householdId]);

export interface ReportListRow {
  id: number;
  submitted_at: Date;
  village_code: string;
  village_name: string;
  township_name: string | null;
  household_id: number;
  household_no: string;
  head_name: string | null;
  hardships: string[];
  description: string;
  phone: string | null;
  photo_count: number;
  warning_id: number;
  state: string;
}

export interface ReportListFilter {
  area?: string;
  status?: 'open' | 'closed';
  page: number;
  pageSize: number;
}

/** Self-reports within the user's area (a filter outside it narrows to nothing), newest first. */
export async function listReports(q: Queryable, user: AuthUser, f: ReportListFilter): Promise<{ total: number; rows: ReportListRow[] }> {
  const p = new SqlParams();
  const where = [householdScopeSql(user, p, 'h')];
  if (f.area) {
    const r = areaRange(f.area);
    where.push(`s.village_code >= ${p.add(r.from)} AND s.village_code < ${p.add(r.to)}`);
  }
  if (f.status === 'open') where.push('NOT w.terminal');
  if (f.status === 'closed') where.push('w.terminal');
  const from = `FROM self_report s JOIN household h ON h.id = s.household_id JOIN warning w ON w.id = s.warning_id WHERE ${where.join(' AND ')}`;
  const [{ total }] = (await q.query<{ total: number }>(`SELECT count(*)::int AS total ${from}`, p.values)) as [{ total: number }];
  const rows = await q.query<ReportListRow>(
    `SELECT s.id, s.submitted_at, s.village_code, v.name AS village_name, t.name AS township_name, h.id AS household_id, h.household_no,
            (SELECT name FROM person WHERE household_id = h.id AND relation = 'head' ORDER BY id LIMIT 1) AS head_name,
            s.hardships, s.description, s.phone, s.photo_count, s.warning_id, w.state
       ${from.replace('WHERE', 'JOIN area v ON v.code = s.village_code LEFT JOIN area t ON t.code = v.parent_code WHERE')}
      ORDER BY s.id DESC LIMIT ${p.add(f.pageSize)} OFFSET ${p.add((f.page - 1) * f.pageSize)}`, p.values);
  return { total: Number(total), rows };
}

export interface CardRow {
  id: number;
  household_no: string;
  report_code: string;
  village_code: string;
  village_name: string;
  township_name: string | null;
  head_name: string | null;
  helper_name: string | null;
  monitor_contact: string | null;
}

const CARD_SELECT = `SELECT h.id, h.household_no, h.report_code, h.village_code, v.name AS village_name, t.name AS township_name,
       (SELECT name FROM person WHERE household_id = h.id AND relation = 'head' ORDER BY id LIMIT 1) AS head_name,
       COALESCE(hu.display_name, h.helper_name) AS helper_name, h.monitor_contact
  FROM household h JOIN area v ON v.code = h.village_code LEFT JOIN area t ON t.code = v.parent_code
  LEFT JOIN user_account hu ON hu.id = h.helper_user_id`;

export async function cardOf(q: Queryable, user: AuthUser, id: number): Promise<CardRow | null> {
  const p = new SqlParams();
  const rows = await q.query<CardRow>(`${CARD_SELECT} WHERE h.id = ${p.add(id)} AND ${householdScopeSql(user, p, 'h')}`, p.values);
  return rows[0] ?? null;
}

export async function cardsOfVillage(q: Queryable, user: AuthUser, villageCode: string, limit: number): Promise<CardRow[]> {
  const p = new SqlParams();
  return q.query<CardRow>(`${CARD_SELECT} WHERE h.village_code = ${p.add(villageCode)} AND ${householdScopeSql(user, p, 'h')} ORDER BY h.household_no LIMIT ${p.add(limit)}`, p.values);
}

/** The village cadres of a village (name and work phone), for "the village contact" on the card. */
export const villageContacts = (q: Queryable, villageCode: string) =>
  q.query<{ display_name: string; phone: string | null }>(
    `SELECT display_name, phone FROM user_account WHERE area_code = $1 AND role = 'village_cadre' AND active ORDER BY id LIMIT 3`, [villageCode]);

export async function hotlineOf(q: Queryable, countyCode: string): Promise<string | null> {
  const rows = await q.query<{ hotline: string | null }>('SELECT hotline FROM outreach_setting WHERE county_code = $1', [countyCode]);
  return rows[0]?.hotline ?? null;
}
