/**
 * 数据质量检查: run every rule set-wise (on demand by the county office, nightly by the scheduler), store the
 * findings with first seen / last seen, resolve those a later run no longer finds; results by rule and by area.
 */
import { QUALITY_RULES, QUALITY_RULE_CODES, areaRange, qualityMessage, qualityRule, type QualityRuleCode } from '@shouwang/domain';
import type { Db, Queryable } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import { todayOf } from '../../clock.js';
import type { AuthedContext } from '../../http/context.js';
import { householdScopeSql } from '../../http/scope.js';
import { SqlParams } from '../../db/sql-params.js';
import { conflict, notFound } from '../../http/errors.js';
import { writeAudit } from '../audit/audit.writer.js';
import { runCheck, type CheckRow } from './quality.checks.js';
import { finishRun, lastRuns, startRun, type JobTrigger } from './job-run.repository.js';
import { householdInScope } from './followup.repository.js';

const BATCH = 2000;

export interface RunCounts {
  found: number;
  opened: number;
  resolved: number;
  byRule: Record<string, number>;
  millis: Record<string, number>;
}

export class QualityCheckService {
  private running: Promise<unknown> | null = null;

  constructor(private readonly db: Db, private readonly clock: Clock) {}

  rules() {
    return { items: QUALITY_RULES.map((r) => ({ ...r })) };
  }

  /** Run every check and store the results (one transaction). Only one run at a time in this process. */
  async run(ctx: AuthedContext | null, trigger: JobTrigger) {
    if (this.running) throw conflict('数据质量检查正在运行，请稍后再试', 'job_running');
    const p = this.doRun(ctx, trigger);
    this.running = p;
    try {
      return await p;
    } finally {
      this.running = null;
    }
  }

  private async doRun(ctx: AuthedContext | null, trigger: JobTrigger) {
    const today = todayOf(this.clock);
    const runId = await startRun(this.db, 'quality_checks', trigger, this.clock(), null, ctx?.user.id ?? null);
    try {
      const counts = await this.db.tx(async (q) => {
        const all: CheckRow[] = [];
        const byRule: Record<string, number> = {};
        const millis: Record<string, number> = {};
        for (const rule of QUALITY_RULE_CODES) {
          const t0 = performance.now();
          const rows = await runCheck(q, rule, { today });
          millis[rule] = Math.round(performance.now() - t0);
          byRule[rule] = rows.length;
          all.push(...rows);
        }
        const opened = await storeFindings(q, runId, today, all);
        const resolved = await q.query(
          `UPDATE quality_finding SET resolved_on = $2 WHERE resolved_on IS NULL AND last_run_id <> $1 RETURNING id`, [runId, today]);
        const c: RunCounts = { found: all.length, opened, resolved: resolved.length, byRule, millis };
        if (ctx) await writeAudit(q, ctx, { action: 'quality_checks.run', entityType: 'job_run', entityId: runId, after: { found: c.found, opened, resolved: c.resolved } });
        return c;
      });
      await finishRun(this.db, runId, this.clock(), counts as unknown as Record<string, unknown>);
      return { runId, ...counts };
    } catch (e) {
      await finishRun(this.db, runId, this.clock(), {}, e instanceof Error ? e.message : String(e));
      throw e;
    }
  }

  async runs() {
    return { items: await lastRuns(this.db, 'quality_checks', 12) };
  }

  /** Open findings by rule and by the area's children (township → village), within the user's scope. */
  async summary(ctx: AuthedContext, areaCode?: string) {
    const area = areaCode ?? ctx.user.areaCode;
    const p = new SqlParams();
    const where = this.where(ctx, p, area);
    const childLen = area.length <= 6 ? 9 : 12;
    const byRule = await this.db.query(
      `SELECT f.rule_code, count(*)::int AS n, count(DISTINCT f.household_id)::int AS households
         FROM quality_finding f JOIN household h ON h.id = f.household_id WHERE ${where} GROUP BY f.rule_code`, p.values);
    const byArea = await this.db.query(
      `SELECT x.code, a.name, x.n, x.households FROM (
         SELECT substr(f.village_code, 1, ${childLen}) AS code, count(*)::int AS n, count(DISTINCT f.household_id)::int AS households
           FROM quality_finding f JOIN household h ON h.id = f.household_id WHERE ${where} GROUP BY 1) x
         LEFT JOIN area a ON a.code = x.code ORDER BY x.n DESC, x.code`, p.values);
    const [lastRun] = await lastRuns(this.db, 'quality_checks', 1);
    const counts = new Map(byRule.map((r) => [r.rule_code, r]));
    return {
      areaCode: area,
      total: byRule.reduce((s, r) => s + r.n, 0),
      byRule: QUALITY_RULES.map((r) => ({
        code: r.code, name: r.name, description: r.description, severity: r.severity,
        findings: counts.get(r.code)?.n ?? 0, households: counts.get(r.code)?.households ?? 0,
      })),
      byArea: byArea.map((r) => ({ code: r.code as string, name: (r.name ?? r.code) as string, findings: r.n as number, households: r.households as number })),
      lastRun: lastRun ?? null,
    };
  }

  async findings(ctx: AuthedContext, f: { rule?: string; areaCode?: string; page: number; pageSize: number }) {
    const p = new SqlParams();
    let where = this.where(ctx, p, f.areaCode ?? ctx.user.areaCode);
    if (f.rule) where += ` AND f.rule_code = ${p.add(f.rule)}`;
    const [c] = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM quality_finding f JOIN household h ON h.id = f.household_id WHERE ${where}`, p.values);
    const rows = await this.db.query(
      `${FINDING_SELECT} WHERE ${where} ORDER BY f.village_code, f.household_id, f.rule_code, f.id
        LIMIT ${p.add(f.pageSize)} OFFSET ${p.add((f.page - 1) * f.pageSize)}`, p.values);
    return { total: c!.n, page: f.page, pageSize: f.pageSize, items: rows.map(presentFinding) };
  }

  /** Open findings of one household (and the recently resolved) for the household card. */
  async ofHousehold(ctx: AuthedContext, householdId: number) {
    const h = await householdInScope(this.db, ctx.user, householdId);
    if (!h) throw notFound();
    const rows = await this.db.query(`${FINDING_SELECT} WHERE f.household_id = $1 ORDER BY f.resolved_on IS NOT NULL, f.resolved_on DESC, f.id LIMIT 50`, [householdId]);
    const [lastRun] = await lastRuns(this.db, 'quality_checks', 1);
    return { items: rows.map(presentFinding), lastRun: lastRun ?? null };
  }

  private where(ctx: AuthedContext, p: SqlParams, area: string) {
    const r = areaRange(area);
    return `f.resolved_on IS NULL AND ${householdScopeSql(ctx.user, p)} AND f.village_code >= ${p.add(r.from)} AND f.village_code < ${p.add(r.to)}`;
  }
}

const FINDING_SELECT = `
  SELECT f.id, f.rule_code, f.household_id, f.person_id, f.village_code, f.message, to_char(f.first_seen_on, 'YYYY-MM-DD') AS first_seen_on,
         to_char(f.last_seen_on, 'YYYY-MM-DD') AS last_seen_on, to_char(f.resolved_on, 'YYYY-MM-DD') AS resolved_on,
         h.household_no, v.name AS village_name, tw.name AS township_name, p.name AS person_name,
         (SELECT hp.name FROM person hp WHERE hp.household_id = h.id AND hp.relation = 'head' ORDER BY hp.id LIMIT 1) AS head_name
    FROM quality_finding f
    JOIN household h ON h.id = f.household_id
    JOIN area v ON v.code = f.village_code
    LEFT JOIN area tw ON tw.code = v.parent_code
    LEFT JOIN person p ON p.id = f.person_id`;

function presentFinding(r: Record<string, any>) {
  const rule = qualityRule(r.rule_code);
  return {
    id: Number(r.id),
    ruleCode: r.rule_code as string,
    ruleName: rule?.name ?? r.rule_code,
    severity: rule?.severity ?? 'warning',
    fixAt: rule?.fixAt ?? 'household_page',
    householdId: Number(r.household_id),
    householdNo: r.household_no as string,
    headName: (r.head_name ?? null) as string | null,
    personId: r.person_id == null ? null : Number(r.person_id),
    personName: (r.person_name ?? null) as string | null,
    villageCode: r.village_code as string,
    villageName: r.village_name as string,
    townshipName: (r.township_name ?? null) as string | null,
    message: r.message as string,
    firstSeenOn: r.first_seen_on as string,
    lastSeenOn: r.last_seen_on as string,
    resolvedOn: (r.resolved_on ?? null) as string | null,
  };
}

/** Upsert the run's findings in batches; returns how many were opened (new). */
async function storeFindings(q: Queryable, runId: number, today: string, rows: readonly CheckRow[]): Promise<number> {
  let opened = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const b = rows.slice(i, i + BATCH);
    const res = await q.query<{ inserted: boolean }>(
      `INSERT INTO quality_finding (rule_code, household_id, person_id, subject_key, village_code, message, details, first_run_id, last_run_id, first_seen_on, last_seen_on)
       SELECT x.rule_code, x.household_id, x.person_id, x.subject_key, x.village_code, x.message, x.details::jsonb, $8, $8, $9::date, $9::date
         FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[])
              AS x(rule_code, household_id, person_id, subject_key, village_code, message, details)
       ON CONFLICT (rule_code, subject_key) WHERE resolved_on IS NULL
       DO UPDATE SET message = EXCLUDED.message, details = EXCLUDED.details, village_code = EXCLUDED.village_code,
                     last_run_id = EXCLUDED.last_run_id, last_seen_on = EXCLUDED.last_seen_on
       RETURNING (xmax = 0) AS inserted`,
      [
        b.map((r) => r.rule), b.map((r) => r.householdId), b.map((r) => r.personId), b.map((r) => subjectKey(r)), b.map((r) => r.villageCode),
        b.map((r) => qualityMessage(r.rule as QualityRuleCode, r.values, r.personName)), b.map((r) => JSON.stringify(r.values)), runId, today,
      ],
    );
    opened += res.filter((r) => r.inserted).length;
  }
  return opened;
}

export const subjectKey = (r: Pick<CheckRow, 'householdId' | 'personId'>) => (r.personId == null ? String(r.householdId) : `${r.householdId}:${r.personId}`);
