/** Linkage settings (office-editable): self-check due day, 延伸评价 weight, the notice's lagging thresholds. */
import type { Db, Queryable } from '../../../db/db.js';
import type { AuthedContext } from '../../../http/context.js';
import { writeAudit } from '../../audit/audit.writer.js';
import { readSettingValues, SETTING_KEYS, writeSetting, type SettingName } from './settings.repository.js';
import type { LinkageSettings } from './scoring.schemas.js';

export const DEFAULT_SETTINGS: LinkageSettings = { selfCheckDueDay: 5, extensionWeight: 0, noticeBottomN: 3, noticeConsecutiveQuarters: 2 };

export async function loadSettings(q: Queryable): Promise<LinkageSettings> {
  const values = await readSettingValues(q);
  const out = { ...DEFAULT_SETTINGS };
  for (const name of Object.keys(SETTING_KEYS) as SettingName[]) {
    const v = values.get(SETTING_KEYS[name]);
    if (typeof v === 'number' && Number.isFinite(v)) out[name] = v;
  }
  return out;
}

export class SettingsService {
  constructor(private readonly db: Db) {}

  get(): Promise<LinkageSettings> {
    return loadSettings(this.db);
  }

  async update(ctx: AuthedContext, changes: Partial<LinkageSettings>): Promise<LinkageSettings> {
    return this.db.tx(async (q) => {
      const before = await loadSettings(q);
      for (const name of Object.keys(changes) as SettingName[]) {
        const value = changes[name];
        if (value !== undefined) await writeSetting(q, SETTING_KEYS[name], value, ctx.user.username);
      }
      const after = await loadSettings(q);
      await writeAudit(q, ctx, { action: 'linkage_setting.update', entityType: 'linkage_setting', before, after });
      return after;
    });
  }
}
