/** Imports SQL: jobs, saved column mappings, lookups for validation, bulk writes, the export query. No rules here. */
import { areaRange } from '@shouwang/domain';
import type { Queryable } from '../../db/db.js';
import { SqlParams } from '../../db/sql-params.js';
import type { AuthUser } from '../../http/context.js';
import { listWhere } from '../registry/registry.repository.js';
import type { ListQuery } from '../registry/registry.schemas.js';

export type ImportKind = 'registry' | 'roster';
export type ImportMode = 'atomic' | 'valid_rows';

export interface ImportJobRow {
  id: number;
  kind: ImportKind;
  mode: ImportMode;
  status: 'running' | 'succeeded' | 'failed';
  file_name: string;
  file_format: string | null;
  file_bytes: number;
  rows_read: number;
  rows_written: number;
  households_written: number;
  error_count: number;
  errors: { row: number; column: string; value: string; message: string }[];
  warnings: string[];
  message: string | null;
  area_code: string;
  created_by: number;
  created_by_name: string | null;
  created_at: Date | string;
  finished_at: Date | string | null;
}

export async function insertJob(q: Queryable, j: { kind: ImportKind; mode: ImportMode; fileName: string; fileFormat: string; fileBytes: number; areaCode: string; createdBy: number; warnings: string[] }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO import_job (kind, mode, file_name, file_format, file_bytes, area_code, created_by, warnings)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [j.kind, j.mode, j.fileName, j.fileFormat, j.fileBytes, j.areaCode, j.createdBy, JSON.stringify(j.warnings)],
  );
  return Number(row!.id);
}

export async function updateJobProgress(q: Queryable, id: number, rowsRead: number): Promise<void> {
  await q.query('UPDATE import_job SET rows_read = $2 WHERE id = $1', [id, rowsRead]);
}

export async function finishJob(q: Queryable, id: number, r: { status: 'succeeded' | 'failed'; rowsRead: number; rowsWritten: number; householdsWritten: number; errorCount: number; errors: unknown[]; message: string }): Promise<void> {
  await q.query(
    `UPDATE import_job SET status = $2, rows_read = $3, rows_written = $4, households_written = $5, error_count = $6, errors = $7,
            message = $8, finished_at = now() WHERE id = $1`,
    [id, r.status, r.rowsRead, r.rowsWritten, r.householdsWritten, r.errorCount, JSON.stringify(r.errors), r.message],
  );
}

const JOB_SELECT = `SELECT j.*, u.display_name AS created_by_name FROM import_job j LEFT JOIN user_account u ON u.id = j.created_by`;

/** A job the user may see: their own, or any when `all` (the county office). */
export async function findJob(q: Queryable, id: number, user: AuthUser, all: boolean): Promise<ImportJobRow | null> {
  const rows = await q.query<ImportJobRow>(`${JOB_SELECT} WHERE j.id = $1 AND ($2::boolean OR j.created_by = $3)`, [id, all, user.id]);
  return rows[0] ?? null;
}

export async function listJobs(q: Queryable, user: AuthUser, all: boolean, kind: ImportKind | undefined, limit: number): Promise<ImportJobRow[]> {
  const p = new SqlParams();
  const where = [`(${p.add(all)}::boolean OR j.created_by = ${p.add(user.id)})`];
  if (kind) where.push(`j.kind = ${p.add(kind)}`);
  return q.query<ImportJobRow>(`${JOB_SELECT} WHERE ${where.join(' AND ')} ORDER BY j.id DESC LIMIT ${p.add(limit)}`, p.values);
}

// ── column mappings ─────────────────────────────────────────────────────────────────────────────────

export async function findMapping(q: Queryable, template: ImportKind, headerKey: string): Promise<Record<string, string> | null> {
  const rows = await q.query<{ mapping: Record<string, string> }>('SELECT mapping FROM import_column_mapping WHERE template = $1 AND header_key = $2', [template, headerKey]);
  return rows[0]?.mapping ?? null;
}

export async function listMappings(q: Queryable, template: ImportKind): Promise<{ header_key: string; mapping: Record<string, string>; updated_at: Date | string }[]> {
  return q.query('SELECT header_key, mapping, updated_at FROM import_column_mapping WHERE template = $1 ORDER BY updated_at DESC LIMIT 50', [template]);
}

export async function saveMapping(q: Queryable, template: ImportKind, headerKey: string, mapping: Record<string, string>, userId: number): Promise<void> {
  await q.query(
    `INSERT INTO import_column_mapping (template, header_key, mapping, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (template, header_key) DO UPDATE SET mapping = EXCLUDED.mapping, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [template, headerKey, JSON.stringify(mapping), userId],
  );
}

// ── validation lookups ──────────────────────────────────────────────────────────────────────────────

/** Every village of the deployment: code → name. */
export async function villages(q: Queryable): Promise<Map<string, string>> {
  const rows = await q.query<{ code: string; name: string }>(`SELECT code, name FROM area WHERE level = 'village'`);
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Which of these identity keys the registry holds already, with the household number. */
export async function registeredIdentities(q: Queryable, keys: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < keys.length; i += 5000) {
    const rows = await q.query<{ identity_key: string; household_no: string }>(
      `SELECT p.identity_key, h.household_no FROM person p JOIN household h ON h.id = p.household_id WHERE p.identity_key = ANY($1::text[])`,
      [keys.slice(i, i + 5000)],
    );
    for (const r of rows) out.set(r.identity_key, r.household_no);
  }
  return out;
}

export async function existingHouseholdNos(q: Queryable, nos: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < nos.length; i += 5000) {
    const rows = await q.query<{ household_no: string }>('SELECT household_no FROM household WHERE household_no = ANY($1::text[])', [nos.slice(i, i + 5000)]);
    for (const r of rows) out.add(r.household_no);
  }
  return out;
}

/** Household numbers already used in these villages (numbers are village code + 4 digits), and counts per village. */
export async function householdNosIn(q: Queryable, villageCodes: string[]): Promise<{ taken: Set<string>; counts: Map<string, number> }> {
  const rows = await q.query<{ village_code: string; household_no: string }>(
    'SELECT village_code, household_no FROM household WHERE village_code = ANY($1::text[])', [villageCodes]);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.village_code, (counts.get(r.village_code) ?? 0) + 1);
  return { taken: new Set(rows.map((r) => r.household_no)), counts };
}

/** `n` fresh household ids from the table's sequence (rows are then COPYed with explicit ids). */
export async function reserveHouseholdIds(q: Queryable, n: number): Promise<number[]> {
  if (n === 0) return [];
  // One text row instead of n result rows: returning 40k rows one by one costs over a second on PGlite.
  const [row] = await q.query<{ ids: string }>(
    `SELECT string_agg(nextval(pg_get_serial_sequence('household', 'id'))::text, ',') AS ids FROM generate_series(1, $1::int)`, [n]);
  const ids = row!.ids.split(',').map(Number);
  if (ids.length !== n) throw new Error(`reserveHouseholdIds: expected ${n} ids, got ${ids.length}`);
  return ids;
}

/**
 * The history rows of imported households, built in the database from the rows just written: for each household the
 * `changes` of a creation — every non-null field as {"from": null, "to": value} (what `diffFields(null, household)`
 * gives), the phone masked as given, plus householdNo, members and importJob. Building the JSON here instead of
 * sending one JSON document per household through COPY is several times faster at 10k+ households.
 * `fields` maps the JSON keys to the household's columns (the import's HouseholdInput keys).
 */
export async function insertCreateHistory(q: Queryable, ids: number[], maskedPhones: (string | null)[], fields: Readonly<Record<string, string>>, user: { id: number; username: string }, jobId: number): Promise<void> {
  if (!ids.length) return;
  const pairs = Object.entries(fields).map(([key, column]) => {
    if (!/^[a-zA-Z]+$/.test(key) || !/^[a-z_]+$/.test(column)) throw new Error(`insertCreateHistory: bad field ${key}/${column}`);
    return `'${key}', ${column === 'phone' ? 'x.phone' : `h.${column}`}`;
  });
  await q.query(
    `INSERT INTO household_history (household_id, user_id, username, entity_type, entity_id, action, changes)
     SELECT h.id, $3, $4, 'household', h.id::text, 'create',
            (SELECT jsonb_object_agg(e.key, jsonb_build_object('from', NULL, 'to', e.value))
               FROM jsonb_each(jsonb_strip_nulls(jsonb_build_object(${pairs.join(', ')},
                      'householdNo', h.household_no, 'members', h.member_count, 'importJob', $5::bigint))) AS e)
       FROM unnest($1::bigint[], $2::text[]) AS x(id, phone)
       JOIN household h ON h.id = x.id`,
    [ids, maskedPhones, user.id, user.username, jobId],
  );
}

// ── roster ──────────────────────────────────────────────────────────────────────────────────────────

export const ROSTER_STAGE_COLUMNS = ['identity_key', 'name', 'sex', 'birth_date', 'village_code', 'hukou_no', 'relation', 'address'] as const;

/** Upsert the staged rows by identity key; returns how many were new. */
export async function upsertRoster(q: Queryable, rows: unknown[][], importId: number): Promise<{ inserted: number; updated: number }> {
  await q.query(`CREATE TEMP TABLE roster_stage (identity_key varchar(18), name varchar(64), sex text, birth_date date, village_code varchar(12),
    hukou_no varchar(32), relation text, address text) ON COMMIT DROP`);
  await q.copyFrom('roster_stage', ROSTER_STAGE_COLUMNS, rows);
  const res = await q.query<{ inserted: boolean }>(
    `INSERT INTO roster_person (identity_key, name, sex, birth_date, village_code, hukou_no, relation, address, import_id, updated_at)
     SELECT identity_key, name, sex, birth_date, village_code, hukou_no, relation, address, $1, now() FROM roster_stage
     ON CONFLICT (identity_key) DO UPDATE SET name = EXCLUDED.name, sex = EXCLUDED.sex, birth_date = EXCLUDED.birth_date,
       village_code = EXCLUDED.village_code, hukou_no = EXCLUDED.hukou_no, relation = EXCLUDED.relation, address = EXCLUDED.address,
       import_id = EXCLUDED.import_id, updated_at = now()
     RETURNING (xmax = 0) AS inserted`,
    [importId],
  );
  const inserted = res.filter((r) => r.inserted).length;
  return { inserted, updated: res.length - inserted };
}

export async function rosterByTownship(q: Queryable, areaCode: string): Promise<{ code: string; name: string; persons: number; villages: number }[]> {
  const r = areaRange(areaCode);
  const rows = await q.query<{ code: string; name: string; persons: number; villages: number }>(
    `SELECT t.code, t.name, count(rp.id) AS persons, count(DISTINCT rp.village_code) AS villages
       FROM area t
       LEFT JOIN area v ON v.parent_code = t.code
       LEFT JOIN roster_person rp ON rp.village_code = v.code
      WHERE t.level = 'township' AND t.code >= $1 AND t.code < $2
      GROUP BY t.code, t.name ORDER BY t.code`,
    [r.from, r.to],
  );
  return rows.map((x) => ({ ...x, persons: Number(x.persons), villages: Number(x.villages) }));
}

// ── export ──────────────────────────────────────────────────────────────────────────────────────────

export async function countForExport(q: Queryable, user: AuthUser, f: ListQuery): Promise<number> {
  const p = new SqlParams();
  const where = listWhere(user, f, p);
  const [row] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM household h WHERE ${where}`, p.values);
  return Number(row!.n);
}

/** One page of households (keyset on village code, id) with area names and the latest year's income. */
export async function exportPage(q: Queryable, user: AuthUser, f: ListQuery, after: { villageCode: string; id: number } | null, limit: number): Promise<Record<string, any>[]> {
  const p = new SqlParams();
  const where = [listWhere(user, f, p)];
  if (after) where.push(`(h.village_code, h.id) > (${p.add(after.villageCode)}, ${p.add(after.id)}::bigint)`);
  return q.query(
    `SELECT h.*, v.name AS village_name, t.name AS township_name,
            i.year AS i_year, i.wage_income AS i_wage_income, i.business_income AS i_business_income, i.property_income AS i_property_income,
            i.transfer_income AS i_transfer_income, i.business_expense AS i_business_expense, i.claim_income AS i_claim_income,
            i.out_of_pocket_expense AS i_out_of_pocket_expense, i.per_capita_net_income AS i_per_capita_net_income
       FROM (SELECT h.* FROM household h WHERE ${where.join(' AND ')} ORDER BY h.village_code, h.id LIMIT ${p.add(limit)}) h
       JOIN area v ON v.code = h.village_code
       JOIN area t ON t.code = v.parent_code
       LEFT JOIN household_income i ON i.household_id = h.id AND i.year = h.income_year
      ORDER BY h.village_code, h.id`,
    p.values,
  );
}

export async function personsOf(q: Queryable, householdIds: number[]): Promise<Record<string, any>[]> {
  if (!householdIds.length) return [];
  return q.query(`SELECT * FROM person WHERE household_id = ANY($1::bigint[]) ORDER BY household_id, (relation = 'head') DESC, id`, [householdIds]);
}
