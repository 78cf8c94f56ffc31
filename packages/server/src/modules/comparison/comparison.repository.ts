/** 信息比对: rules, runs, row issues, and the lookups a run needs (subject maps, recorded keys, open warnings). SQL only. */
import { areaRange, type ComparisonRule, type RegistryPerson, type RuleFamily, type SubjectGroup } from '@shouwang/domain';
import type { Queryable, Row } from '../../db/db.js';
import { SqlParams } from '../../db/sql-params.js';
import { SubjectIndex, idKey, idKeyAt } from './comparison.subjects.js';

// ── rules ─────────────────────────────────────────────────────────────────────────────────────────

export interface RuleRow {
  id: number;
  code: string;
  version: number;
  family: RuleFamily;
  department_code: string;
  label: string;
  applies_to: SubjectGroup[];
  condition: ComparisonRule['condition'];
  thresholds: ComparisonRule['thresholds'];
  output: ComparisonRule['output'];
  active: boolean;
  change_reason: string | null;
  created_by_name: string | null;
  created_at: string | Date;
}

export const toRule = (r: RuleRow): ComparisonRule => ({
  code: r.code, family: r.family, departmentCode: r.department_code, version: Number(r.version), label: r.label,
  appliesTo: r.applies_to, condition: r.condition, thresholds: r.thresholds ?? {}, output: r.output,
});

/** Insert one rule version (nothing when that code and version exist); true when written. */
export async function insertRule(q: Queryable, r: ComparisonRule, extra: { active: boolean; changeReason: string | null; createdBy: number | null; createdByName: string | null }): Promise<RuleRow | null> {
  const rows = await q.query<RuleRow>(
    `INSERT INTO comparison_rule (code, version, family, department_code, label, applies_to, condition, thresholds, output, active, change_reason, created_by, created_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (code, version) DO NOTHING RETURNING *`,
    [r.code, r.version, r.family, r.departmentCode, r.label, [...r.appliesTo], JSON.stringify(r.condition), JSON.stringify(r.thresholds ?? {}), JSON.stringify(r.output),
      extra.active, extra.changeReason, extra.createdBy, extra.createdByName],
  );
  return rows[0] ?? null;
}

export async function ruleCodes(q: Queryable): Promise<Set<string>> {
  return new Set((await q.query<{ code: string }>('SELECT DISTINCT code FROM comparison_rule')).map((r) => r.code));
}

/** The current (highest) version of every rule, optionally of one family. */
export async function currentRules(q: Queryable, family?: RuleFamily): Promise<(RuleRow & { version_count: number })[]> {
  const p = new SqlParams();
  const where = family ? `WHERE family = ${p.add(family)}` : '';
  return q.query(
    `SELECT DISTINCT ON (code) *, count(*) OVER (PARTITION BY code) AS version_count FROM comparison_rule ${where} ORDER BY code, version DESC`,
    p.values,
  );
}

export async function ruleVersions(q: Queryable, code: string): Promise<RuleRow[]> {
  return q.query(`SELECT * FROM comparison_rule WHERE code = $1 ORDER BY version DESC`, [code]);
}

/** Lock the rule's versions (an edit must see the latest one). */
export async function lockRule(q: Queryable, code: string): Promise<RuleRow | null> {
  const rows = await q.query<RuleRow>(`SELECT * FROM comparison_rule WHERE code = $1 ORDER BY version DESC FOR UPDATE`, [code]);
  return rows[0] ?? null;
}

export async function departmentCodes(q: Queryable): Promise<string[]> {
  return (await q.query<{ code: string }>('SELECT code FROM department ORDER BY sort_order, code')).map((r) => r.code);
}

export async function departmentName(q: Queryable, code: string): Promise<string | null> {
  return (await q.query<{ name: string }>('SELECT name FROM department WHERE code = $1', [code]))[0]?.name ?? null;
}

// ── runs ──────────────────────────────────────────────────────────────────────────────────────────

export interface RunScope {
  /** Department users: their department only; null = any. */
  departmentCode: string | null;
  /** The caller's area: runs uploaded within it. */
  areaCode: string;
}

function scopeWhere(s: RunScope, p: SqlParams, alias = 'r'): string[] {
  const { from, to } = areaRange(s.areaCode);
  const where = [`${alias}.area_code >= ${p.add(from)}`, `${alias}.area_code < ${p.add(to)}`];
  if (s.departmentCode !== null) where.push(`${alias}.department_code = ${p.add(s.departmentCode)}`);
  return where;
}

const RUN_SELECT = `SELECT r.*, d.name AS department_name FROM comparison_run r JOIN department d ON d.code = r.department_code`;

export async function insertRun(q: Queryable, r: {
  family: RuleFamily; departmentCode: string; areaCode: string; fileName: string; fileSha256: string; fileSize: number; fileFormat: string; fileEncoding: string | null;
  ruleVersions: string[]; ruleIds: number[]; headerWarnings: string[]; createdBy: number; createdByName: string;
}): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO comparison_run (family, department_code, area_code, file_name, file_sha256, file_size, file_format, file_encoding, rule_versions, rule_ids,
                                 header_warnings, status, created_by, created_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'queued', $12, $13) RETURNING id`,
    [r.family, r.departmentCode, r.areaCode, r.fileName, r.fileSha256, r.fileSize, r.fileFormat, r.fileEncoding, r.ruleVersions, r.ruleIds, r.headerWarnings, r.createdBy, r.createdByName],
  );
  return Number(row!.id);
}

export async function markRunning(q: Queryable, id: number): Promise<void> {
  await q.query(`UPDATE comparison_run SET status = 'running', started_at = now() WHERE id = $1`, [id]);
}

export async function setProgress(q: Queryable, id: number, rowsRead: number): Promise<void> {
  await q.query(`UPDATE comparison_run SET rows_read = $2 WHERE id = $1 AND status = 'running'`, [id, rowsRead]);
}

export interface RunTotals {
  rowsRead: number; matched: number; invalidIds: number; unmatched: number; duplicates: number; missingData: number;
  hits: number; created: number; attached: number; skipped: number;
}

export async function completeRun(q: Queryable, id: number, t: RunTotals): Promise<void> {
  await q.query(
    `UPDATE comparison_run SET status = 'completed', finished_at = now(), rows_read = $2, matched = $3, invalid_ids = $4, unmatched = $5, duplicates = $6,
            missing_data = $7, hits = $8, created = $9, attached = $10, skipped = $11 WHERE id = $1`,
    [id, t.rowsRead, t.matched, t.invalidIds, t.unmatched, t.duplicates, t.missingData, t.hits, t.created, t.attached, t.skipped],
  );
}

export async function failRun(q: Queryable, id: number, message: string): Promise<void> {
  await q.query(`UPDATE comparison_run SET status = 'failed', finished_at = now(), error_message = $2 WHERE id = $1`, [id, message.slice(0, 1000)]);
}

/** Runs left queued or running by a process that ended (none of them is in this process's queue). */
export async function failAbandonedRuns(q: Queryable, liveIds: readonly number[]): Promise<number> {
  const rows = await q.query(
    `UPDATE comparison_run SET status = 'failed', finished_at = now(), error_message = '服务重启，比对中断，请重新上传该文件（已处理的行不会重复生成预警）'
      WHERE status IN ('queued', 'running') AND NOT (id = ANY($1::bigint[])) RETURNING id`,
    [[...liveIds]],
  );
  return rows.length;
}

export async function findRun(q: Queryable, id: number, s: RunScope): Promise<Row | null> {
  const p = new SqlParams();
  const where = [`r.id = ${p.add(id)}`, ...scopeWhere(s, p)];
  return (await q.query(`${RUN_SELECT} WHERE ${where.join(' AND ')}`, p.values))[0] ?? null;
}

export async function listRuns(q: Queryable, s: RunScope, f: { family?: string; status?: string; page: number; pageSize: number }): Promise<{ total: number; rows: Row[] }> {
  const p = new SqlParams();
  const where = scopeWhere(s, p);
  if (f.family) where.push(`r.family = ${p.add(f.family)}`);
  if (f.status) where.push(`r.status = ${p.add(f.status)}`);
  const [c] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM comparison_run r WHERE ${where.join(' AND ')}`, p.values);
  const rows = await q.query(`${RUN_SELECT} WHERE ${where.join(' AND ')} ORDER BY r.id DESC LIMIT ${p.add(f.pageSize)} OFFSET ${p.add((f.page - 1) * f.pageSize)}`, p.values);
  return { total: Number(c?.n ?? 0), rows };
}

// ── row issues ────────────────────────────────────────────────────────────────────────────────────

export const ISSUE_COLUMNS = ['run_id', 'row_number', 'kind', 'id_number', 'name', 'message'] as const;

export async function listIssues(q: Queryable, runId: number, f: { kind?: string; page: number; pageSize: number }): Promise<{ total: number; rows: Row[] }> {
  const p = new SqlParams();
  const where = [`run_id = ${p.add(runId)}`];
  if (f.kind) where.push(`kind = ${p.add(f.kind)}`);
  const [c] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM comparison_run_issue WHERE ${where.join(' AND ')}`, p.values);
  const rows = await q.query(
    `SELECT row_number, kind, id_number, name, message FROM comparison_run_issue WHERE ${where.join(' AND ')}
      ORDER BY row_number, kind LIMIT ${p.add(f.pageSize)} OFFSET ${p.add((f.page - 1) * f.pageSize)}`, p.values);
  return { total: Number(c?.n ?? 0), rows };
}

/** Issues of a run in row order, a page at a time from `afterRow` (for the streamed .xlsx download). */
export async function issuesAfter(q: Queryable, runId: number, afterRow: number, limit: number): Promise<Row[]> {
  return q.query(
    `SELECT row_number, kind, id_number, name, message FROM comparison_run_issue WHERE run_id = $1 AND row_number > $2 ORDER BY row_number, kind LIMIT $3`,
    [runId, afterRow, limit],
  );
}

// ── hits of a run ─────────────────────────────────────────────────────────────────────────────────

export async function runHits(q: Queryable, runId: number, f: { page: number; pageSize: number }): Promise<{ total: number; rows: Row[] }> {
  const [c] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM warning_hit WHERE source_type = 'comparison_row' AND source_ref = $1`, [String(runId)]);
  const rows = await q.query(
    `SELECT wh.id, wh.warning_id, wh.rule_code, wh.rule_version, wh.source_row, wh.explanation, w.subject_name, w.subject_identity_key, w.subject_group,
            w.village_code, a.name AS village_name, w.state, w.output_kind, w.household_id
       FROM warning_hit wh JOIN warning w ON w.id = wh.warning_id LEFT JOIN area a ON a.code = w.village_code
      WHERE wh.source_type = 'comparison_row' AND wh.source_ref = $1
      ORDER BY wh.source_row, wh.id LIMIT $2 OFFSET $3`,
    [String(runId), f.pageSize, (f.page - 1) * f.pageSize],
  );
  return { total: Number(c?.n ?? 0), rows };
}

// ── what a run reads ──────────────────────────────────────────────────────────────────────────────

const CHUNK = 100_000;

/** The integer written in `s` from `i` up to the next `stop` character code (ids from string_agg). */
function intAt(s: string, i: number, stop: number): { value: number; end: number } {
  let v = 0;
  let c = s.charCodeAt(i);
  while (c !== stop && i < s.length) {
    v = v * 10 + (c - 48);
    c = s.charCodeAt(++i);
  }
  return { value: v, end: i };
}

/**
 * The persons a big run matches against, within `areaCode`: the registry's persons (identity_key → person, household,
 * type, monitored = 监测对象 not yet eliminated), then the 公安 roster's (identity_key → roster_person.id; the registry
 * wins). Read a chunk at a time as one text value per chunk (cheap to pass from the PGlite worker), parsed in place
 * into the compact `SubjectIndex` (no string or object per person); `onChunk` runs between chunks.
 */
export async function loadSubjects(q: Queryable, areaCode: string, onChunk: () => Promise<void>): Promise<SubjectIndex> {
  const { from, to } = areaRange(areaCode);
  const subjects = new SubjectIndex(1 << 16);
  const registryChunk = (after: number) => q.query<{ s: string | null; last: number | null }>(
    `SELECT string_agg(x.identity_key || ',' || x.id || ',' || x.household_id || ',' || x.t, ';') AS s, max(x.id) AS last
       FROM (SELECT p.identity_key, p.id, p.household_id,
                    CASE WHEN h.household_type = 'alleviated' THEN 'a' ELSE 'o' END
                      || CASE WHEN h.monitor_category IS NOT NULL AND NOT h.risk_eliminated THEN 'm' ELSE '' END AS t
               FROM person p JOIN household h ON h.id = p.household_id
              WHERE p.id > $1 AND h.village_code >= $2 AND h.village_code < $3 ORDER BY p.id LIMIT $4) x`,
    [after, from, to, CHUNK],
  );
  const rosterChunk = (after: number) => q.query<{ s: string | null; last: number | null }>(
    `SELECT string_agg(x.identity_key || ',' || x.id, ';') AS s, max(x.id) AS last
       FROM (SELECT identity_key, id FROM roster_person WHERE id > $1 AND village_code >= $2 AND village_code < $3 ORDER BY id LIMIT $4) x`,
    [after, from, to, CHUNK],
  );
  const parseRegistry = (s: string) => {
    for (let i = 0; i < s.length;) {
      const comma = s.indexOf(',', i);
      const isId = comma - i === 18 && idKeyAt(s, i);
      const hi = idKey.hi;
      const lo = idKey.lo;
      const pid = intAt(s, comma + 1, 44);
      const hid = intAt(s, pid.end + 1, 44);
      let j = hid.end + 1;
      const alleviated = s.charCodeAt(j) === 97; // 'a'
      const monitored = s.charCodeAt(j + 1) === 109; // 'm'
      j = s.indexOf(';', j);
      if (isId) subjects.addRegistry(hi, lo, pid.value, hid.value, alleviated, monitored);
      i = j < 0 ? s.length : j + 1;
    }
  };
  const parseRoster = (s: string) => {
    for (let i = 0; i < s.length;) {
      const comma = s.indexOf(',', i);
      const isId = comma - i === 18 && idKeyAt(s, i);
      const hi = idKey.hi;
      const lo = idKey.lo;
      const id = intAt(s, comma + 1, 59);
      if (isId) subjects.addRoster(hi, lo, id.value);
      i = id.end + 1;
    }
  };
  // Keyset pages; the next page is asked for before this one is parsed, so the database works while this thread
  // parses. Registry and roster are read side by side (the registry wins whatever the order, see SubjectIndex).
  const pages = async (chunk: typeof registryChunk, parse: (s: string) => void) => {
    let pending = chunk(0);
    for (;;) {
      const [r] = await pending;
      if (!r?.s) break;
      pending = chunk(Number(r.last));
      parse(r.s);
      await onChunk();
    }
  };
  await Promise.all([pages(registryChunk, parseRegistry), pages(rosterChunk, parseRoster)]);
  return subjects;
}

/** Which of these hit keys are already recorded. */
export async function recordedKeys(q: Queryable, keys: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < keys.length; i += 5_000) {
    const rows = await q.query<{ k: string }>(`SELECT idempotency_key AS k FROM warning_hit WHERE idempotency_key = ANY($1::text[])`, [keys.slice(i, i + 5_000)]);
    for (const r of rows) out.add(r.k);
  }
  return out;
}

/** Open warnings (not terminal) of these subjects for these rules: `${subject}\0${rule}` → warning id (the oldest). */
export async function openWarnings(q: Queryable, subjects: readonly string[], rules: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < subjects.length; i += 5_000) {
    const rows = await q.query<{ id: number; s: string; r: string }>(
      `SELECT id, subject_identity_key AS s, rule_code AS r FROM warning
        WHERE NOT terminal AND subject_identity_key = ANY($1::text[]) AND rule_code = ANY($2::text[]) ORDER BY id`,
      [subjects.slice(i, i + 5_000), [...rules]],
    );
    for (const r of rows) {
      const k = `${r.s}\u0000${r.r}`;
      if (!out.has(k)) out.set(k, Number(r.id));
    }
  }
  return out;
}

export async function registrySubjects(q: Queryable, personIds: readonly number[]): Promise<Map<number, { name: string; villageCode: string; householdId: number }>> {
  const out = new Map<number, { name: string; villageCode: string; householdId: number }>();
  for (let i = 0; i < personIds.length; i += 5_000) {
    const rows = await q.query<{ id: number; name: string; village_code: string; household_id: number }>(
      `SELECT p.id, p.name, h.village_code, h.id AS household_id FROM person p JOIN household h ON h.id = p.household_id WHERE p.id = ANY($1::bigint[])`,
      [personIds.slice(i, i + 5_000)],
    );
    for (const r of rows) out.set(Number(r.id), { name: r.name, villageCode: r.village_code, householdId: Number(r.household_id) });
  }
  return out;
}

export async function rosterSubjects(q: Queryable, ids: readonly number[]): Promise<Map<number, { name: string; villageCode: string }>> {
  const out = new Map<number, { name: string; villageCode: string }>();
  for (let i = 0; i < ids.length; i += 5_000) {
    const rows = await q.query<{ id: number; name: string; village_code: string }>(
      `SELECT id, name, village_code FROM roster_person WHERE id = ANY($1::bigint[])`, [ids.slice(i, i + 5_000)]);
    for (const r of rows) out.set(Number(r.id), { name: r.name, villageCode: r.village_code });
  }
  return out;
}

/** Registry persons with these ID numbers within `areaCode` (the small-file path: no whole-county map). */
export async function registryByIds(q: Queryable, areaCode: string, ids: readonly string[]): Promise<Map<string, RegistryPerson>> {
  const { from, to } = areaRange(areaCode);
  const map = new Map<string, RegistryPerson>();
  for (let i = 0; i < ids.length; i += 5_000) {
    const rows = await q.query<{ k: string; pid: number; hid: number; household_type: 'alleviated' | 'ordinary'; monitored: boolean }>(
      `SELECT p.identity_key AS k, p.id AS pid, p.household_id AS hid, h.household_type, (h.monitor_category IS NOT NULL AND NOT h.risk_eliminated) AS monitored
         FROM person p JOIN household h ON h.id = p.household_id
        WHERE p.identity_key = ANY($1::text[]) AND h.village_code >= $2 AND h.village_code < $3`,
      [ids.slice(i, i + 5_000), from, to],
    );
    for (const r of rows) map.set(r.k, { personId: String(r.pid), householdId: String(r.hid), householdType: r.household_type, monitored: r.monitored });
  }
  return map;
}

/** Roster persons with these ID numbers within `areaCode`. */
export async function rosterByIds(q: Queryable, areaCode: string, ids: readonly string[]): Promise<Map<string, number>> {
  const { from, to } = areaRange(areaCode);
  const map = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 5_000) {
    const rows = await q.query<{ k: string; id: number }>(
      `SELECT identity_key AS k, id FROM roster_person WHERE identity_key = ANY($1::text[]) AND village_code >= $2 AND village_code < $3`,
      [ids.slice(i, i + 5_000), from, to],
    );
    for (const r of rows) map.set(r.k, Number(r.id));
  }
  return map;
}
