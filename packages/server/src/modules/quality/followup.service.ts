/** 月度任务: generation (scheduled or on demand), lists, and the assessment / revisit forms that complete them. */
import {
  FOLLOWUP_KIND_LABELS, checkFollowupDueDay, codesOf, followupDueOn, isFutureMonth, isMonth, monthEnd, monthOf, revisitOutcome,
} from '@shouwang/domain';
import type { Db, Queryable } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import { todayOf } from '../../clock.js';
import type { AuthedContext } from '../../http/context.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { writeAudit } from '../audit/audit.writer.js';
import * as repo from './followup.repository.js';
import { finishRun, lastRuns, startRun, type JobTrigger } from './job-run.repository.js';

export interface AssessmentInput {
  perCapitaNetIncome?: number | null;
  housingUnsafe: boolean;
  schoolingDropout: boolean;
  medicalUninsured: boolean;
  waterUnsafe: boolean;
  newRiskTypes: string[];
  notes?: string | null;
}

export interface RevisitInput {
  newRiskTypes: string[];
  /** When a new risk is found: what the village suggests (风险消除回退 / 重新识别), decided in the cases pages. */
  suggestion?: 'rollback' | 'reidentification' | null;
  perCapitaNetIncome?: number | null;
  notes?: string | null;
}

const num = (v: unknown) => (v == null ? null : Number(v));

export function presentTask(r: Record<string, any>) {
  return {
    id: Number(r.id),
    kind: r.kind as 'revisit' | 'assessment',
    kindLabel: FOLLOWUP_KIND_LABELS[r.kind as 'revisit' | 'assessment'],
    householdId: Number(r.household_id),
    householdNo: r.household_no as string,
    headName: (r.head_name ?? null) as string | null,
    villageCode: r.village_code as string,
    villageName: r.village_name as string,
    townshipName: (r.township_name ?? null) as string | null,
    helperName: (r.helper_name ?? null) as string | null,
    monitorCategory: (r.monitor_category ?? null) as string | null,
    riskTypes: (r.risk_types ?? []) as string[],
    month: r.month as string,
    dueOn: r.due_on as string,
    status: r.status as 'open' | 'done' | 'cancelled',
    doneOn: (r.done_on ?? null) as string | null,
    doneByName: (r.done_by_name ?? null) as string | null,
    outcome: (r.outcome ?? null) as string | null,
    assessmentId: num(r.assessment_id),
  };
}

export function presentAssessment(r: Record<string, any>) {
  return {
    id: Number(r.id),
    month: r.month as string,
    assessedOn: r.assessed_on as string,
    perCapitaNetIncome: num(r.per_capita_net_income),
    housingUnsafe: r.housing_unsafe as boolean,
    schoolingDropout: r.schooling_dropout as boolean,
    medicalUninsured: r.medical_uninsured as boolean,
    waterUnsafe: r.water_unsafe as boolean,
    newRiskTypes: (r.new_risk_types ?? []) as string[],
    notes: (r.notes ?? null) as string | null,
    assessedByName: (r.assessed_by_name ?? null) as string | null,
  };
}

export class FollowupService {
  private generating: Promise<unknown> | null = null;

  constructor(private readonly db: Db, private readonly clock: Clock) {}

  async dueDay(q: Queryable = this.db): Promise<number | null> {
    const v = await repo.getSetting(q, 'followup_due_day');
    return typeof v === 'number' ? v : null;
  }

  async settings() {
    return { dueDay: await this.dueDay() };
  }

  async updateSettings(ctx: AuthedContext, dueDay: number | null) {
    const msg = checkFollowupDueDay(dueDay);
    if (msg) throw badRequest(msg, [{ field: 'dueDay', message: msg }]);
    return this.db.tx(async (q) => {
      const before = await this.dueDay(q);
      await repo.putSetting(q, 'followup_due_day', dueDay, ctx.user.id);
      await writeAudit(q, ctx, { action: 'followup_settings.update', entityType: 'quality_setting', entityId: 'followup_due_day', before: { dueDay: before }, after: { dueDay } });
      return { dueDay };
    });
  }

  /**
   * Generate the month's tasks (default: the current month). Idempotent. Recorded as a job run; audited when a
   * user asks. `householdIds` limits it (tests).
   */
  async generate(ctx: AuthedContext | null, o: { month?: string; trigger: JobTrigger; householdIds?: readonly number[] }) {
    const today = todayOf(this.clock);
    const month = o.month ?? monthOf(today);
    if (!isMonth(month)) throw badRequest('月份格式应为 YYYY-MM', [{ field: 'month', message: '月份格式应为 YYYY-MM' }]);
    if (isFutureMonth(month, today)) throw badRequest(`不能为未来月份（${month}）生成任务`, [{ field: 'month', message: '不能晚于本月' }]);
    if (this.generating) throw conflict('月度任务正在生成，请稍后再试', 'job_running');
    const run = (async () => {
      const runId = await startRun(this.db, 'followup_tasks', o.trigger, this.clock(), month, ctx?.user.id ?? null);
      try {
        const counts = await this.db.tx(async (q) => {
          const dueOn = followupDueOn(month, await this.dueDay(q));
          const c = await repo.generateTasks(q, month, monthEnd(month), dueOn, o.householdIds);
          if (ctx) await writeAudit(q, ctx, { action: 'followup_tasks.generate', entityType: 'job_run', entityId: runId, after: { month, ...c } });
          return { month, dueOn, ...c };
        });
        await finishRun(this.db, runId, this.clock(), counts);
        return { runId, ...counts };
      } catch (e) {
        await finishRun(this.db, runId, this.clock(), {}, e instanceof Error ? e.message : String(e));
        throw e;
      }
    })();
    this.generating = run;
    try {
      return await run;
    } finally {
      this.generating = null;
    }
  }

  async list(ctx: AuthedContext, f: Omit<repo.TaskFilter, 'today'>) {
    const today = todayOf(this.clock);
    const month = f.month ?? monthOf(today);
    const r = await repo.listTasks(this.db, ctx.user, { ...f, month, today });
    const [lastRun] = await lastRuns(this.db, 'followup_tasks', 1);
    return {
      month, total: r.total, open: r.open, done: r.done, overdue: r.overdue, page: f.page, pageSize: f.pageSize,
      items: r.rows.map(presentTask), lastRun: lastRun ?? null,
    };
  }

  async runs() {
    return { items: await lastRuns(this.db, 'followup_tasks', 12) };
  }

  async ofHousehold(ctx: AuthedContext, householdId: number) {
    const h = await repo.householdInScope(this.db, ctx.user, householdId);
    if (!h) throw notFound();
    const [tasks, assessments] = await Promise.all([repo.tasksOfHousehold(this.db, householdId), repo.assessmentsOfHousehold(this.db, householdId)]);
    return { tasks: tasks.map(presentTask), assessments: assessments.map(presentAssessment) };
  }

  /** 未消除月评估: the month's assessment row + the task done. */
  async completeAssessment(ctx: AuthedContext, taskId: number, input: AssessmentInput) {
    this.checkRisks(input.newRiskTypes);
    return this.db.tx(async (q) => {
      const t = await this.openTask(q, ctx, taskId, 'assessment');
      const today = todayOf(this.clock);
      const assessmentId = await this.insertAssessment(q, ctx, Number(t.household_id), t.month, today, input);
      await repo.completeTask(q, taskId, today, ctx.user.id, input.newRiskTypes.length ? 'new_risk' : 'assessed', assessmentId);
      await writeAudit(q, ctx, { action: 'followup_task.complete', entityType: 'followup_task', entityId: taskId, after: { kind: 'assessment', assessmentId, ...input } });
      return this.taskResult(q, ctx, taskId);
    });
  }

  /** 已消除月排查: outcome no change / new risk (with the suggested next step), recorded as the month's assessment too. */
  async completeRevisit(ctx: AuthedContext, taskId: number, input: RevisitInput) {
    this.checkRisks(input.newRiskTypes);
    if (input.suggestion && !input.newRiskTypes.length) {
      throw badRequest('未发现新风险时不能建议风险消除回退或重新识别', [{ field: 'suggestion', message: '请先选择新发现的风险类型' }]);
    }
    return this.db.tx(async (q) => {
      const t = await this.openTask(q, ctx, taskId, 'revisit');
      const today = todayOf(this.clock);
      const assessmentId = await this.insertAssessment(q, ctx, Number(t.household_id), t.month, today, {
        perCapitaNetIncome: input.perCapitaNetIncome ?? null, housingUnsafe: false, schoolingDropout: false, medicalUninsured: false, waterUnsafe: false,
        newRiskTypes: input.newRiskTypes, notes: input.notes ?? null,
      });
      const outcome = revisitOutcome(input.newRiskTypes, input.suggestion ?? null);
      await repo.completeTask(q, taskId, today, ctx.user.id, outcome, assessmentId);
      await writeAudit(q, ctx, { action: 'followup_task.complete', entityType: 'followup_task', entityId: taskId, after: { kind: 'revisit', outcome, assessmentId, ...input } });
      return this.taskResult(q, ctx, taskId);
    });
  }

  /** An assessment for a month filed from the household (back-filling months); closes that month's open assessment task. */
  async recordAssessment(ctx: AuthedContext, householdId: number, month: string, input: AssessmentInput) {
    const today = todayOf(this.clock);
    if (isFutureMonth(month, today)) throw badRequest(`评估月份（${month}）不能晚于本月`, [{ field: 'month', message: '评估月份不能晚于本月' }]);
    this.checkRisks(input.newRiskTypes);
    return this.db.tx(async (q) => {
      const h = await repo.householdInScope(q, ctx.user, householdId);
      if (!h) throw notFound();
      if (!h.monitor_category) throw badRequest('该户不是监测对象，无需月度评估');
      const assessmentId = await this.insertAssessment(q, ctx, householdId, month, today, input);
      const open = await repo.openTaskFor(q, householdId, month);
      for (const t of open.filter((x) => x.kind === 'assessment')) {
        await repo.completeTask(q, Number(t.id), today, ctx.user.id, input.newRiskTypes.length ? 'new_risk' : 'assessed', assessmentId);
      }
      await writeAudit(q, ctx, { action: 'household_assessment.create', entityType: 'household', entityId: householdId, after: { month, assessmentId, ...input } });
      const [row] = (await repo.assessmentsOfHousehold(q, householdId, 100)).filter((a) => Number(a.id) === assessmentId);
      return { assessment: presentAssessment(row!) };
    });
  }

  private checkRisks(risks: readonly string[]) {
    const known = codesOf('riskType');
    const bad = risks.findIndex((r) => !known.includes(r));
    if (bad >= 0) throw badRequest(`未知的风险类型：${risks[bad]}`, [{ field: `newRiskTypes.${bad}`, message: '未知的风险类型' }]);
    if (new Set(risks).size !== risks.length) throw badRequest('风险类型重复', [{ field: 'newRiskTypes', message: '风险类型重复' }]);
  }

  private async openTask(q: Queryable, ctx: AuthedContext, id: number, kind: 'assessment' | 'revisit') {
    const t = await repo.findTask(q, ctx.user, id, true);
    if (!t) throw notFound();
    if (t.kind !== kind) throw badRequest(`该任务是${FOLLOWUP_KIND_LABELS[t.kind as 'revisit' | 'assessment']}，请使用对应的表单`);
    if (t.status !== 'open') throw conflict(t.status === 'done' ? '该任务已完成' : '该任务已取消', 'task_closed');
    return t;
  }

  private async insertAssessment(q: Queryable, ctx: AuthedContext, householdId: number, month: string, today: string, input: AssessmentInput) {
    const id = await repo.insertAssessment(q, {
      householdId, month, assessedOn: today, perCapitaNetIncome: input.perCapitaNetIncome ?? null, housingUnsafe: input.housingUnsafe,
      schoolingDropout: input.schoolingDropout, medicalUninsured: input.medicalUninsured, waterUnsafe: input.waterUnsafe,
      newRiskTypes: input.newRiskTypes, notes: input.notes?.trim() || null, assessedBy: ctx.user.id,
    });
    if (id == null) throw conflict(`该户${month}已有月度评估记录`, 'assessment_exists');
    return id;
  }

  private async taskResult(q: Queryable, ctx: AuthedContext, id: number) {
    const t = await repo.findTask(q, ctx.user, id);
    return { task: presentTask(t!) };
  }
}
