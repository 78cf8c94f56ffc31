/** Prepare a database for serving: migrations, the configured counties' areas, reference data. Idempotent. */
import { DEFAULT_DEPARTMENTS } from '@shouwang/domain';
import type { Db } from './db/db.js';
import { migrate } from './db/migrate.js';
import { loadCountyAreas } from './areas/area-source.js';
import { upsertAreas } from './modules/areas/area.repository.js';
import { seedDepartmentDuties } from './modules/linkage/cycle/cycle.service.js';

export async function prepareDatabase(db: Db, counties: readonly string[]): Promise<{ migrations: string[]; areasAdded: number }> {
  const migrations = await migrate(db);
  const areasAdded = await upsertAreas(db, await loadCountyAreas(counties));
  await db.tx(async (q) => {
    for (const [i, d] of DEFAULT_DEPARTMENTS.entries()) {
      await q.query('INSERT INTO department (code, name, class, sort_order) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING', [d.code, d.name, d.class, i + 1]);
    }
    await seedDepartmentDuties(q);
  });
  return { migrations, areasAdded };
}
