/** Registry SQL: households, persons, incomes, history. No rules here, only queries. */
import { areaRange } from '@shouwang/domain';
import type { Queryable } from '../../db/db.js';
import { SqlParams, escapeLike } from '../../db/sql-params.js';
import { toSnake } from '../../db/case.js';
import { householdScopeSql } from '../../http/scope.js';
import type { AuthUser } from '../../http/context.js';
import type { ListQuery } from './registry.schemas.js';

export interface HouseholdListRow {
  id: number;
  household_no: string;
  village_code: string;
  village_name: string;
  township_name: string;
  head_name: string | null;
  head_id_number: string | null;
  phone: string | null;
  member_count: number;
  household_type: string;
  monitor_category: string | null;
  risk_types: string[];
  risk_eliminated: boolean;
  per_capita_net_income: number | null;
  income_year: number | null;
}

/** The WHERE clause of the household list (exported for the Excel export, which uses the same filters). */
export function listWhere(user: AuthUser, f: ListQuery, p: SqlParams): string {
  const where = [householdScopeSql(user, p)];
  if (f.area) {
    const r = areaRange(f.area);
    where.push(`h.village_code >= ${p.add(r.from)} AND h.village_code < ${p.add(r.to)}`);
  }
  if (f.householdType) where.push(`h.household_type = ${p.add(f.householdType)}`);
  if (f.monitorCategory === 'none') where.push('h.monitor_category IS NULL');
  else if (f.monitorCategory === 'any') where.push('h.monitor_category IS NOT NULL');
  else if (f.monitorCategory) where.push(`h.monitor_category = ${p.add(f.monitorCategory)}`);
  if (f.riskType) where.push(`${p.add(f.riskType)} = ANY (h.risk_types)`);
  if (f.eliminated !== undefined) where.push(`h.risk_eliminated = ${p.add(f.eliminated)}`);
  if (f.q) {
    // Matching persons are found through their indexes first; households follow by id (no per-row subquery).
    const q = f.q.toUpperCase();
    let persons: string;
    if (/^\d{17}[\dX]$/.test(q)) persons = `SELECT household_id FROM person WHERE identity_key = ${p.add(q)}`;
    else if (/^\d{6,17}$/.test(q)) persons = `SELECT household_id FROM person WHERE identity_key LIKE ${p.add(escapeLike(q) + '%')} ESCAPE '\\'`;
    else persons = `SELECT household_id FROM person WHERE name LIKE ${p.add(escapeLike(f.q) + '%')} ESCAPE '\\'`;
    where.push(`h.id IN (${persons} UNION SELECT id FROM household WHERE household_no = ${p.add(f.q)})`);
  }
  return where.join(' AND ');
}

export async function listHouseholds(q: Queryable, user: AuthUser, f: ListQuery): Promise<{ total: number; rows: HouseholdListRow[] }> {
  const p = new SqlParams();
  const where = listWhere(user, f, p);
  const [{ total }] = (await q.query<{ total: number }>(`SELECT count(*) AS total FROM household h WHERE ${where}`, p.values)) as [{ total: number }];
  const limit = p.add(f.pageSize);
  const offset = p.add((f.page - 1) * f.pageSize);
  const rows = await q.query<HouseholdListRow>(
    `SELECT h.id, h.household_no, h.village_code, v.name AS village_name, t.name AS township_name,
            hp.name AS head_name, hp.id_number AS head_id_number, h.phone, h.member_count, h.household_type,
            h.monitor_category, h.risk_types, h.risk_eliminated, h.per_capita_net_income, h.income_year
       FROM (SELECT h.* FROM household h WHERE ${where} ORDER BY h.village_code, h.id LIMIT ${limit} OFFSET ${offset}) h
       JOIN area v ON v.code = h.village_code
       JOIN area t ON t.code = v.parent_code
       LEFT JOIN LATERAL (SELECT name, id_number FROM person WHERE household_id = h.id AND relation = 'head' ORDER BY id LIMIT 1) hp ON true
      ORDER BY h.village_code, h.id`,
    p.values,
  );
  return { total: Number(total), rows };
}

export async function findHousehold(q: Queryable, user: AuthUser, id: number, forUpdate = false): Promise<Record<string, any> | null> {
  const p = new SqlParams();
  const rows = await q.query(
    `SELECT h.*, v.name AS village_name, t.name AS township_name
       FROM household h JOIN area v ON v.code = h.village_code JOIN area t ON t.code = v.parent_code
      WHERE h.id = ${p.add(id)} AND ${householdScopeSql(user, p)}${forUpdate ? ' FOR UPDATE OF h' : ''}`,
    p.values,
  );
  return rows[0] ?? null;
}

export const membersOf = (q: Queryable, householdId: number) =>
  q.query('SELECT * FROM person WHERE household_id = $1 ORDER BY (relation = \'head\') DESC, birth_date, id', [householdId]);

export const incomesOf = (q: Queryable, householdId: number) =>
  q.query('SELECT * FROM household_income WHERE household_id = $1 ORDER BY year DESC', [householdId]);

export const historyOf = (q: Queryable, householdId: number) =>
  q.query('SELECT at, username, entity_type, entity_id, action, changes FROM household_history WHERE household_id = $1 ORDER BY at DESC, id DESC LIMIT 500', [householdId]);

/** Who holds an identity (18-digit key) already: for the 409 message. */
export async function findIdentityHolder(q: Queryable, identityKey: string): Promise<{ person_id: number; household_id: number; household_no: string; village_name: string } | null> {
  const rows = await q.query(
    `SELECT p.id AS person_id, h.id AS household_id, h.household_no, v.name AS village_name
       FROM person p JOIN household h ON h.id = p.household_id JOIN area v ON v.code = h.village_code
      WHERE p.identity_key = $1`,
    [identityKey],
  );
  return (rows[0] as never) ?? null;
}

/** INSERT … RETURNING * from a camelCase record (keys are trusted: they come from zod schemas). */
export async function insertRow(q: Queryable, table: string, rec: Record<string, unknown>): Promise<Record<string, any>> {
  const p = new SqlParams();
  const cols = Object.keys(rec);
  const vals = cols.map((c) => p.add(rec[c] ?? null));
  return (await q.query(`INSERT INTO ${table} (${cols.map(toSnake).join(', ')}) VALUES (${vals.join(', ')}) RETURNING *`, p.values))[0]!;
}

/** UPDATE … SET from a camelCase record WHERE id = $id, RETURNING *. */
export async function updateRow(q: Queryable, table: string, id: number, rec: Record<string, unknown>, extraSet = ''): Promise<Record<string, any> | null> {
  const p = new SqlParams();
  const sets = Object.keys(rec).map((c) => `${toSnake(c)} = ${p.add(rec[c] ?? null)}`);
  if (extraSet) sets.push(extraSet);
  return (await q.query(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = ${p.add(id)} RETURNING *`, p.values))[0] ?? null;
}

export async function insertHistory(q: Queryable, e: { householdId: number; userId: number; username: string; entityType: 'household' | 'person' | 'income'; entityId: string | number; action: 'create' | 'update' | 'delete'; changes: unknown }): Promise<void> {
  await q.query(
    'INSERT INTO household_history (household_id, user_id, username, entity_type, entity_id, action, changes) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [e.householdId, e.userId, e.username, e.entityType, String(e.entityId), e.action, JSON.stringify(e.changes)],
  );
}

export async function nextHouseholdNo(q: Queryable, villageCode: string): Promise<string> {
  const rows = await q.query<{ n: number }>(
    `SELECT count(*) + 1 AS n FROM household WHERE household_no >= $1 AND household_no < $2`,
    [areaRange(villageCode).from, areaRange(villageCode).to],
  );
  let n = Number(rows[0]!.n);
  // Gaps from deletions never reuse a number: find the first free one from the count up.
  for (;;) {
    const no = villageCode + String(n).padStart(4, '0');
    if (!(await q.query('SELECT 1 FROM household WHERE household_no = $1', [no])).length) return no;
    n++;
  }
}

export const findPerson = async (q: Queryable, id: number) => (await q.query('SELECT * FROM person WHERE id = $1', [id]))[0] ?? null;

export const deletePerson = (q: Queryable, id: number) => q.query('DELETE FROM person WHERE id = $1', [id]);

/** Recount a household's members; returns the new count. */
export async function refreshMemberCount(q: Queryable, householdId: number): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `UPDATE household SET member_count = (SELECT count(*) FROM person WHERE household_id = $1), version = version + 1, updated_at = now()
      WHERE id = $1 RETURNING member_count AS n`,
    [householdId],
  );
  return Number(row!.n);
}

export const latestIncome = async (q: Queryable, householdId: number) =>
  (await q.query('SELECT * FROM household_income WHERE household_id = $1 ORDER BY year DESC LIMIT 1', [householdId]))[0] ?? null;

export const incomeOf = async (q: Queryable, householdId: number, year: number) =>
  (await q.query('SELECT * FROM household_income WHERE household_id = $1 AND year = $2', [householdId, year]))[0] ?? null;

export interface IncomeRow {
  householdId: number; year: number; wageIncome: number; businessIncome: number; propertyIncome: number; transferIncome: number;
  businessExpense: number; claimIncome: number; outOfPocketExpense: number; memberCount: number; netIncome: number; perCapitaNetIncome: number;
}

/** Insert or replace a year's income, and make it the household's headline figure when it is the latest year. */
export async function upsertIncome(q: Queryable, i: IncomeRow): Promise<Record<string, any>> {
  const row = (await q.query(
    `INSERT INTO household_income (household_id, year, wage_income, business_income, property_income, transfer_income,
       business_expense, claim_income, out_of_pocket_expense, member_count, net_income, per_capita_net_income)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (household_id, year) DO UPDATE SET wage_income = EXCLUDED.wage_income, business_income = EXCLUDED.business_income,
       property_income = EXCLUDED.property_income, transfer_income = EXCLUDED.transfer_income, business_expense = EXCLUDED.business_expense,
       claim_income = EXCLUDED.claim_income, out_of_pocket_expense = EXCLUDED.out_of_pocket_expense, member_count = EXCLUDED.member_count,
       net_income = EXCLUDED.net_income, per_capita_net_income = EXCLUDED.per_capita_net_income, updated_at = now()
     RETURNING *`,
    [i.householdId, i.year, i.wageIncome, i.businessIncome, i.propertyIncome, i.transferIncome, i.businessExpense, i.claimIncome, i.outOfPocketExpense, i.memberCount, i.netIncome, i.perCapitaNetIncome],
  ))[0]!;
  await q.query(
    `UPDATE household SET income_year = $2, per_capita_net_income = $3 WHERE id = $1 AND (income_year IS NULL OR income_year <= $2)`,
    [i.householdId, i.year, i.perCapitaNetIncome],
  );
  return row;
}
