/**
 * Provisional scores (computed now from the records), their item-by-item explanation, the monthly ranking of the
 * 紧密型 departments, and the 延伸评价 / 外部评价 entered by the office.
 *
 * Evaluation date: scores are computed as of today (the injected clock). The engine itself cuts deadlines at the
 * quarter end; the self-check of a quarter's last month falls due after the quarter (on the due day of the next
 * month), so a later evaluation date is what lets a missing self-check of that month count.
 */
import { computeQuarterScore, quarterOfMonth, rankByScore, type Month, type Quarter, type QuarterScore } from '@shouwang/domain';
import type { Db, Queryable } from '../../../db/db.js';
import type { Clock } from '../../../clock.js';
import { todayOf } from '../../../clock.js';
import { camelRow } from '../../../db/case.js';
import type { AuthedContext } from '../../../http/context.js';
import { badRequest, notFound } from '../../../http/errors.js';
import { writeAudit } from '../../audit/audit.writer.js';
import { computeMonthScore } from './monthly-score.js';
import { gatherFacts, listDepartments, type DepartmentRow } from './scoring.facts.js';
import { ownDepartment, seesDepartment } from './scoring.scope.js';
import { loadSettings } from './settings.service.js';
import * as evaluations from './evaluation.repository.js';
import type { EvaluationInput, QuarterQuery } from './scoring.schemas.js';

export interface DepartmentScore extends QuarterScore { departmentCode: string; departmentName: string; class: DepartmentRow['class'] }

/** 外部评价 may replace the office score of these departments only (乡村振兴局: 后评估; 财政局: 资金绩效评估). */
export const EXTERNAL_EVALUATION_DEPARTMENTS = ['rural_revitalization', 'finance'] as const;

const asQuarter = (f: QuarterQuery): Quarter => ({ year: f.year, quarter: f.quarter as Quarter['quarter'] });

/** Every department's score (or one department's) for the quarter as of `asOf`, in department order. */
export async function computeScores(q: Queryable, quarter: Quarter, asOf: string, only?: string): Promise<DepartmentScore[]> {
  const settings = await loadSettings(q);
  const departments = (await listDepartments(q)).filter((d) => only === undefined || d.code === only);
  const facts = await gatherFacts(q, departments, quarter);
  return departments.map((d) => ({
    departmentCode: d.code, departmentName: d.name, class: d.class,
    ...computeQuarterScore(quarter, facts.get(d.code)!, asOf, { selfCheckDueDay: settings.selfCheckDueDay }),
  }));
}

export class ScoreService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  /** All departments' provisional scores; a department user gets the own department's only. */
  async list(ctx: AuthedContext, f: QuarterQuery) {
    const asOf = todayOf(this.clock);
    const own = ownDepartment(ctx);
    const items = await computeScores(this.db, asQuarter(f), asOf, own ?? undefined);
    return { year: f.year, quarter: f.quarter, asOf, items };
  }

  /** One department's score, item by item (another department's → 404 for a department user). */
  async explain(ctx: AuthedContext, departmentCode: string, f: QuarterQuery) {
    if (!seesDepartment(ctx, departmentCode)) throw notFound();
    const asOf = todayOf(this.clock);
    const [score] = await computeScores(this.db, asQuarter(f), asOf, departmentCode);
    if (!score) throw notFound('部门不存在');
    const evals = await evaluations.listEvaluations(this.db, { ...f, department: departmentCode });
    return { year: f.year, quarter: f.quarter, asOf, score, evaluations: evals.map((e) => camelRow(e)) };
  }

  /** 紧密型 departments ranked by the month's items (office score only); a department user gets the own row. */
  async monthly(ctx: AuthedContext, month: Month) {
    const asOf = todayOf(this.clock);
    const settings = await loadSettings(this.db);
    const close = (await listDepartments(this.db)).filter((d) => d.class === 'close');
    const facts = await gatherFacts(this.db, close, quarterOfMonth(month));
    const scores = new Map(close.map((d) => [d.code, computeMonthScore(month, facts.get(d.code)!, asOf, { selfCheckDueDay: settings.selfCheckDueDay })]));
    const ranked = rankByScore(close.map((d) => ({ departmentCode: d.code, officeScore: scores.get(d.code)!.total })));
    const names = new Map(close.map((d) => [d.code, d.name]));
    const items = ranked
      .filter((r) => seesDepartment(ctx, r.departmentCode))
      .map((r) => ({ departmentCode: r.departmentCode, departmentName: names.get(r.departmentCode)!, total: r.finalScore, rank: r.rank, lines: scores.get(r.departmentCode)!.lines }));
    return { month, asOf, items };
  }

  async listEvaluations(ctx: AuthedContext, f: QuarterQuery) {
    return { items: (await evaluations.listEvaluations(this.db, { ...f, department: ownDepartment(ctx) })).map((e) => camelRow(e)) };
  }

  /** Enter, change or (score null) remove an evaluation. */
  async putEvaluation(ctx: AuthedContext, input: EvaluationInput) {
    const source = input.source?.trim() || null;
    return this.db.tx(async (q) => {
      const dept = (await listDepartments(q)).find((d) => d.code === input.departmentCode);
      if (!dept) throw badRequest(`部门代码 ${input.departmentCode} 不存在`, [{ field: 'departmentCode', message: '部门不存在' }]);
      if (input.kind === 'extension' && dept.class !== 'close') {
        throw badRequest(`延伸评价仅适用于紧密型部门，${dept.name}不是紧密型部门`, [{ field: 'departmentCode', message: '延伸评价仅适用于紧密型部门' }]);
      }
      if (input.kind === 'external' && !(EXTERNAL_EVALUATION_DEPARTMENTS as readonly string[]).includes(dept.code)) {
        throw badRequest('外部评价仅适用于县乡村振兴局和县财政局', [{ field: 'departmentCode', message: '外部评价仅适用于县乡村振兴局和县财政局' }]);
      }
      if (input.kind === 'external' && input.score !== null && !source) {
        throw badRequest('请填写外部评价来源', [{ field: 'source', message: '请填写外部评价来源（如省、市后评估结果）' }]);
      }
      const key = { departmentCode: dept.code, year: input.year, quarter: input.quarter, kind: input.kind };
      const before = await evaluations.findEvaluation(q, key);
      if (input.score === null) {
        if (before) {
          await evaluations.deleteEvaluation(q, Number(before.id));
          await writeAudit(q, ctx, { action: 'linkage_evaluation.delete', entityType: 'linkage_evaluation', entityId: before.id, before: camelRow(before) });
        }
        return { evaluation: null };
      }
      const row = await evaluations.upsertEvaluation(q, { ...key, score: input.score, source, by: ctx.user.id });
      await writeAudit(q, ctx, { action: before ? 'linkage_evaluation.update' : 'linkage_evaluation.create', entityType: 'linkage_evaluation', entityId: row.id, before: before ? camelRow(before) : undefined, after: camelRow(row) });
      return { evaluation: camelRow(row) };
    });
  }
}
