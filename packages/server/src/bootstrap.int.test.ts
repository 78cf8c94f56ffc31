import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines, freshDb } from './testing/engines.js';
import { prepareDatabase } from './bootstrap.js';
import { listMigrations } from './db/migrate.js';
import type { Db } from './db/db.js';

const engines = await availableEngines();

describe.each(engines)('bootstrap on %s', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshDb(engine));
  });
  afterAll(() => drop?.());

  it('migrates, loads two counties side by side with their real townships and villages, and is idempotent', async () => {
    const first = await prepareDatabase(db, ['411321', '411323']);
    expect(first.migrations).toEqual(listMigrations().map((m) => m.name));
    const counts = await db.query<{ county_code: string; level: string; n: number }>(
      `SELECT county_code, level, count(*) AS n FROM area WHERE level IN ('township', 'village') GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const of = (c: string, l: string) => counts.find((r) => r.county_code === c && r.level === l)?.n;
    expect(of('411321', 'township')).toBe(16); // 南召县: 8 镇 + 8 乡
    expect(of('411321', 'village')).toBeGreaterThan(330);
    expect(of('411323', 'township')).toBeGreaterThan(10);
    const names = (await db.query<{ name: string }>(`SELECT name FROM area WHERE level = 'township' AND county_code = '411321' ORDER BY code`)).map((r) => r.name);
    expect(names).toContain('留山镇');
    expect(names).toContain('崔庄乡');
    expect((await db.query(`SELECT name FROM area WHERE code = '411321101200'`))[0]!.name).toBe('大沟村');
    expect((await db.query('SELECT count(*) AS n FROM department'))[0]!.n).toBe(26);

    const again = await prepareDatabase(db, ['411321', '411323']);
    expect(again).toEqual({ migrations: [], areasAdded: 0 });
  });

  it('refuses an unknown county code with a clear message', async () => {
    await expect(prepareDatabase(db, ['419999'])).rejects.toThrow('未知的县级行政区划代码: 419999');
  });
});
