import type { Queryable } from '../../db/db.js';
import type { AreaRecord } from '../../areas/area-source.js';
import { areaRange } from '@shouwang/domain';

export interface AreaRow {
  code: string;
  name: string;
  level: AreaRecord['level'];
  parent_code: string | null;
}

/** Insert areas not present yet (idempotent). Parents come before children in `areas`. */
export async function upsertAreas(q: Queryable, areas: readonly AreaRecord[]): Promise<number> {
  const existing = new Set((await q.query<{ code: string }>('SELECT code FROM area')).map((r) => r.code));
  const fresh = areas.filter((a) => !existing.has(a.code));
  if (!fresh.length) return 0;
  return q.copyFrom('area', ['code', 'name', 'level', 'parent_code', 'county_code'],
    fresh.map((a) => [a.code, a.name, a.level, a.parentCode, a.countyCode || a.code.padEnd(6, '0').slice(0, 6)]));
}

/** The area itself and everything below it, ordered by code. */
export async function areasWithin(q: Queryable, areaCode: string): Promise<AreaRow[]> {
  const { from, to } = areaRange(areaCode);
  return q.query<AreaRow>('SELECT code, name, level, parent_code FROM area WHERE code >= $1 AND code < $2 ORDER BY code', [from, to]);
}

export async function findArea(q: Queryable, code: string): Promise<AreaRow | null> {
  return (await q.query<AreaRow>('SELECT code, name, level, parent_code FROM area WHERE code = $1', [code]))[0] ?? null;
}

export const listDepartments = (q: Queryable) =>
  q.query<{ code: string; name: string; class: string }>('SELECT code, name, class FROM department ORDER BY sort_order, code');
