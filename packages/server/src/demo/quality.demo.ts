/**
 * Quality demo: the monthly follow-up tasks of the last six months (the current month's open, the earlier months'
 * mostly done with their assessments), six months of above-the-line assessments for a few monitored households of
 * the demo village's township (so their income-stability criterion can pass), and one data-quality run with its
 * findings. Deterministic for a given today (choices by household id); bulk SQL, well under 2 s at scale 1.
 */
import { monitoringLineFor, monthOf } from '@shouwang/domain';
import type { Db } from '../db/db.js';
import { todayOf } from '../clock.js';
import type { FeatureDemoContext } from './feature.demos.js';

/** Months of tasks generated back from the current one (inclusive). */
export const QUALITY_DEMO_MONTHS = 6;
/** Monitored households (not eliminated) of the demo township given six stable monthly assessments. */
export const STABLE_HOUSEHOLDS = 8;

function monthsBack(month: string, n: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const t = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

export async function loadQualityDemo(db: Db, o: FeatureDemoContext): Promise<string | null> {
  const [existing] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM job_run`);
  if (existing!.n > 0) return null;
  const today = todayOf(o.clock);
  const current = monthOf(today);
  const months = monthsBack(current, QUALITY_DEMO_MONTHS);
  const line = monitoringLineFor(Number(today.slice(0, 4))) ?? 8300;
  for (const m of months) await o.services.quality.followup.generate(null, { month: m, trigger: 'demo' });

  const [village] = await db.query<{ area_code: string }>(`SELECT area_code FROM user_account WHERE username = 'village'`);
  const township = village ? village.area_code.slice(0, 9) : `${o.countyCode}101`;
  const [demoUser] = await db.query<{ id: number }>(`SELECT id FROM user_account WHERE username = 'village'`);
  const by = demoUser ? Number(demoUser.id) : null;

  await db.tx(async (q) => {
    // a few monitored households of the demo township: six months above the line
    const stable = await q.query<{ id: number; pc: number | null }>(
      `SELECT h.id, h.per_capita_net_income AS pc FROM household h
        WHERE h.monitor_category IS NOT NULL AND NOT h.risk_eliminated AND h.village_code >= $1 AND h.village_code < $2
        ORDER BY (h.village_code = $3) DESC, h.id LIMIT $4`,
      [township, `${township}999`, village?.area_code ?? '', STABLE_HOUSEHOLDS],
    );
    for (const h of stable) {
      const base = Math.max(Number(h.pc ?? 0), line * 1.08);
      for (const [i, m] of months.entries()) {
        const income = Math.round(base * (1 + 0.004 * i) * 100) / 100;
        await q.query(
          `INSERT INTO household_assessment (household_id, month, assessed_on, per_capita_net_income, notes, assessed_by)
           VALUES ($1, $2, $3, $4, '收入稳定，三保障和饮水安全均无问题', $5) ON CONFLICT (household_id, month) DO NOTHING`,
          [h.id, m, m === current ? today : `${m}-20`, income, by],
        );
      }
    }
    // earlier months' tasks of the township mostly done (every 5th left open: overdue), the current month a third done
    await q.query(
      `INSERT INTO household_assessment (household_id, month, assessed_on, per_capita_net_income, notes, assessed_by)
       SELECT t.household_id, t.month, CASE WHEN t.month = $3 THEN $4::date ELSE (t.month || '-22')::date END,
              CASE WHEN t.kind = 'assessment' THEN h.per_capita_net_income END,
              CASE WHEN t.kind = 'revisit' THEN '已消除户回访，无新风险' ELSE '月度评估' END, $5
         FROM followup_task t JOIN household h ON h.id = t.household_id
        WHERE t.village_code >= $1 AND t.village_code < $2 AND t.status = 'open'
          AND ((t.month < $3 AND t.household_id % 5 <> 0) OR (t.month = $3 AND t.household_id % 3 = 0))
       ON CONFLICT (household_id, month) DO NOTHING`,
      [township, `${township}999`, current, today, by],
    );
    await q.query(
      `UPDATE followup_task t SET status = 'done', done_on = a.assessed_on, done_by = $3, assessment_id = a.id,
              outcome = CASE WHEN t.kind = 'revisit' THEN 'no_change' ELSE 'assessed' END
         FROM household_assessment a
        WHERE a.household_id = t.household_id AND a.month = t.month AND t.status = 'open' AND t.village_code >= $1 AND t.village_code < $2`,
      [township, `${township}999`, by],
    );
  });
  const r = await o.services.quality.checks.run(null, 'demo');
  const [tasks] = await db.query<{ n: number; done: number }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'done')::int AS done FROM followup_task`);
  return `月度任务 ${tasks!.n} 项（已完成 ${tasks!.done} 项），数据质量问题 ${r.found} 条`;
}
