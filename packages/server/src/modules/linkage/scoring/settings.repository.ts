/** Linkage settings SQL: one jsonb value per key in `linkage_setting`. */
import type { Queryable } from '../../../db/db.js';

export const SETTING_KEYS = {
  selfCheckDueDay: 'self_check_due_day',
  extensionWeight: 'extension_weight',
  noticeBottomN: 'notice_bottom_n',
  noticeConsecutiveQuarters: 'notice_consecutive_quarters',
} as const;
export type SettingName = keyof typeof SETTING_KEYS;

export async function readSettingValues(q: Queryable): Promise<Map<string, unknown>> {
  const rows = await q.query<{ key: string; value: unknown }>('SELECT key, value FROM linkage_setting');
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function writeSetting(q: Queryable, key: string, value: unknown, username: string): Promise<void> {
  await q.query(
    `INSERT INTO linkage_setting (key, value, updated_at, updated_by) VALUES ($1, $2, now(), $3)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [key, JSON.stringify(value), username],
  );
}

/** The day of the next month a self-check is due (setting `self_check_due_day`, default 5). */
export async function readSelfCheckDueDay(q: Queryable): Promise<number> {
  const rows = await q.query<{ value: unknown }>(`SELECT value FROM linkage_setting WHERE key = 'self_check_due_day'`);
  const v = Number(rows[0]?.value ?? 5);
  return Number.isInteger(v) && v >= 1 && v <= 28 ? v : 5;
}
