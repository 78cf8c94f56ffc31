/** Departments and their duty lists (职责清单). SQL only. */
import { DEFAULT_DEPARTMENTS, defaultDutiesOf } from '@shouwang/domain';
import type { Queryable } from '../../../db/db.js';
import { SqlParams } from '../../../db/sql-params.js';

export interface DepartmentRow {
  code: string;
  name: string;
  class: 'close' | 'related' | 'emergency';
  sort_order: number;
}

export const listDepartmentRows = (q: Queryable) =>
  q.query<DepartmentRow>('SELECT code, name, class, sort_order FROM department ORDER BY sort_order, code');

export async function findDepartment(q: Queryable, code: string, forUpdate = false): Promise<DepartmentRow | null> {
  const rows = await q.query<DepartmentRow>(`SELECT code, name, class, sort_order FROM department WHERE code = $1${forUpdate ? ' FOR UPDATE' : ''}`, [code]);
  return rows[0] ?? null;
}

/** Duty texts by department code, in order. */
export async function dutiesByDepartment(q: Queryable, code?: string): Promise<Map<string, string[]>> {
  const rows = await q.query<{ department_code: string; text: string }>(
    `SELECT department_code, text FROM department_duty${code ? ' WHERE department_code = $1' : ''} ORDER BY department_code, seq`,
    code ? [code] : [],
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.department_code, [...(out.get(r.department_code) ?? []), r.text]);
  return out;
}

export async function replaceDuties(q: Queryable, code: string, duties: readonly string[]): Promise<void> {
  await q.query('DELETE FROM department_duty WHERE department_code = $1', [code]);
  await insertDuties(q, duties.map((text, i) => ({ code, seq: i + 1, text })));
}

async function insertDuties(q: Queryable, rows: readonly { code: string; seq: number; text: string }[]): Promise<void> {
  if (!rows.length) return;
  const p = new SqlParams();
  const values = rows.map((r) => `(${p.add(r.code)}, ${p.add(r.seq)}, ${p.add(r.text)})`);
  await q.query(`INSERT INTO department_duty (department_code, seq, text) VALUES ${values.join(', ')}`, p.values);
}

/**
 * Seed the duty lists of seed 004 (附件1-3) when the table is empty, for the departments present.
 * Called at boot after the departments themselves; idempotent.
 */
export async function seedDepartmentDuties(q: Queryable): Promise<number> {
  const [{ n }] = (await q.query<{ n: number }>('SELECT count(*) AS n FROM department_duty')) as [{ n: number }];
  if (Number(n) > 0) return 0;
  const present = new Set((await q.query<{ code: string }>('SELECT code FROM department')).map((r) => r.code));
  const rows = DEFAULT_DEPARTMENTS.filter((d) => present.has(d.code))
    .flatMap((d) => defaultDutiesOf(d.code).map((text, i) => ({ code: d.code, seq: i + 1, text })));
  await insertDuties(q, rows);
  return rows.length;
}
