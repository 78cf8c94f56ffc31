/**
 * The in-process scheduler (croner): daily 月度任务生成 (creates the current month's tasks when missing —
 * idempotent) and the nightly 数据质量检查. Started once from main.ts, never by the test app; stopped on shutdown.
 * Times are China Standard Time. Each run is recorded as a job run by the services (started, finished, counts,
 * error), so a failure is visible on the pages; the scheduler itself only logs it.
 *
 * SHOUWANG_SCHEDULER=off (config) disables it (e.g. a second app instance on the same database).
 */
import { Cron } from 'croner';
import { BUSINESS_TIME_ZONE } from '../clock.js';
import type { Services } from '../services.js';

export const SCHEDULE = {
  /** 01:10 every day: the month's follow-up tasks (a new month gets its tasks on its first day). */
  followupTasks: '10 1 * * *',
  /** 02:30 every night: the data-quality checks. */
  qualityChecks: '30 2 * * *',
} as const;

export interface Scheduler {
  readonly jobs: readonly Cron[];
  /** When each job runs next (ISO), for the startup log and tests. */
  nextRuns(): Record<string, string | null>;
  stop(): void;
}

type Log = Pick<Console, 'log' | 'error'>;

const active = new Set<Scheduler>();
/** Schedulers running in this process (a test asserts none is started by the test app). */
export const activeSchedulers = () => active.size;

export async function runFollowupJob(services: Services, log: Log = console) {
  try {
    const r = await services.quality.followup.generate(null, { trigger: 'schedule' });
    if (r.revisit + r.assessment + r.cancelled > 0) log.log(`月度任务生成（${r.month}）：新增已消除月排查 ${r.revisit} 项、未消除月评估 ${r.assessment} 项，取消 ${r.cancelled} 项`);
    return r;
  } catch (e) {
    log.error(`月度任务生成失败：${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

export async function runQualityJob(services: Services, log: Log = console) {
  try {
    const r = await services.quality.checks.run(null, 'schedule');
    log.log(`数据质量检查完成：发现问题 ${r.found} 条（新增 ${r.opened}，已解决 ${r.resolved}）`);
    return r;
  } catch (e) {
    log.error(`数据质量检查失败：${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

export function startScheduler(
  services: Services,
  config: { SHOUWANG_SCHEDULER: 'on' | 'off' },
  o: { log?: Log; catchUp?: boolean; handleSignals?: boolean } = {},
): Scheduler | null {
  const log = o.log ?? console;
  if (config.SHOUWANG_SCHEDULER === 'off') return null;
  const opts = { timezone: BUSINESS_TIME_ZONE, protect: true, unref: true, catch: true } as const;
  const jobs = [
    new Cron(SCHEDULE.followupTasks, { ...opts, name: 'followup-tasks' }, () => void runFollowupJob(services, log)),
    new Cron(SCHEDULE.qualityChecks, { ...opts, name: 'quality-checks' }, () => void runQualityJob(services, log)),
  ];
  // catch up at start: the current month's tasks when missing (cheap and idempotent)
  const catchUp = o.catchUp !== false ? setTimeout(() => void runFollowupJob(services, log), 3000) : null;
  catchUp?.unref();
  const onSignal = () => scheduler.stop();
  const scheduler: Scheduler = {
    jobs,
    nextRuns: () => Object.fromEntries(jobs.map((j) => [j.name ?? '', j.nextRun()?.toISOString() ?? null])),
    stop() {
      if (catchUp) clearTimeout(catchUp);
      for (const j of jobs) j.stop();
      active.delete(scheduler);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
  if (o.handleSignals !== false) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  active.add(scheduler);
  return scheduler;
}
