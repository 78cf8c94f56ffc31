/** Job runs (月度任务生成, 数据质量检查): started, finished, counts, error. */
import type { Queryable } from '../../db/db.js';

export type JobName = 'followup_tasks' | 'quality_checks';
export type JobTrigger = 'schedule' | 'manual' | 'demo';

export interface JobRunRow {
  id: number;
  job: JobName;
  trigger: JobTrigger;
  period: string | null;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'succeeded' | 'failed';
  counts: Record<string, unknown>;
  error: string | null;
  startedBy: string | null;
}

export async function startRun(q: Queryable, job: JobName, trigger: JobTrigger, at: Date, period: string | null, userId: number | null): Promise<number> {
  const [r] = await q.query<{ id: number }>(
    `INSERT INTO job_run (job, trigger, period, started_at, started_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [job, trigger, period, at.toISOString(), userId],
  );
  return Number(r!.id);
}

export async function finishRun(q: Queryable, id: number, at: Date, counts: Record<string, unknown>, error: string | null = null): Promise<void> {
  await q.query(`UPDATE job_run SET finished_at = $2, status = $3, counts = $4, error = $5 WHERE id = $1`, [
    id, at.toISOString(), error ? 'failed' : 'succeeded', JSON.stringify(counts), error,
  ]);
}

const present = (r: Record<string, any>): JobRunRow => ({
  id: Number(r.id),
  job: r.job,
  trigger: r.trigger,
  period: r.period,
  startedAt: new Date(r.started_at).toISOString(),
  finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  status: r.status,
  counts: r.counts ?? {},
  error: r.error,
  startedBy: r.started_by_name ?? null,
});

export async function lastRuns(q: Queryable, job: JobName, limit = 10): Promise<JobRunRow[]> {
  const rows = await q.query(
    `SELECT r.*, u.display_name AS started_by_name FROM job_run r LEFT JOIN user_account u ON u.id = r.started_by
      WHERE r.job = $1 ORDER BY r.started_at DESC, r.id DESC LIMIT $2`,
    [job, limit],
  );
  return rows.map(present);
}
