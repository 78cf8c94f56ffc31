/** Configuration: the environment parsed once, at boot, with zod. Bad config stops the process with a clear message. */
import { z } from 'zod';
import path from 'node:path';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须以 postgres:// 开头').optional()),
  SHOUWANG_DATA_DIR: z.string().default('./data'),
  SHOUWANG_COUNTY: z
    .string()
    .default('411321')
    .transform((s) => s.split(',').map((c) => c.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d{6}$/, 'SHOUWANG_COUNTY 应为6位县级行政区划代码，多个用逗号分隔')).min(1)),
  SHOUWANG_DEMO: z.enum(['auto', 'off']).default('auto'),
  SHOUWANG_DEMO_SCALE: z.coerce.number().positive().max(20).default(1),
  SHOUWANG_DEMO_PASSWORD: z.string().min(8).default('Shouwang@2024'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(8),
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().positive().max(100 * 1_048_576).default(5 * 1_048_576),
  /** Largest spreadsheet upload (registry / roster import, department comparison files). */
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(200 * 1_048_576),
  /** 一码通 self-reports: per client IP and per household, within the window. */
  SELF_REPORT_MAX_PER_CLIENT: z.coerce.number().int().positive().default(10),
  SELF_REPORT_MAX_PER_HOUSEHOLD: z.coerce.number().int().positive().default(5),
  SELF_REPORT_WINDOW_MINUTES: z.coerce.number().int().positive().default(60),
  /** The in-process scheduler (monthly tasks, nightly quality checks); 'off' for a second instance on one database. */
  SHOUWANG_SCHEDULER: z.enum(['on', 'off'], { error: 'SHOUWANG_SCHEDULER 应为 on 或 off' }).default('on'),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Run as of this date (YYYY-MM-DD): for demonstrations, training and end-to-end tests. Time moves on from it. */
  SHOUWANG_TODAY: z.preprocess((v) => (v === '' ? undefined : v), z.iso.date('SHOUWANG_TODAY 应为 YYYY-MM-DD 日期').optional()),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export type Config = z.infer<typeof schema> & { webDist: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置错误 (configuration error):\n${lines.join('\n')}`);
  }
  // SHOUWANG_WEB_DIST: serve a web build from elsewhere (e.g. a test's own build folder).
  const webDist = path.resolve(env.SHOUWANG_WEB_DIST || new URL('../../web/dist', import.meta.url).pathname);
  return { ...parsed.data, webDist };
}
