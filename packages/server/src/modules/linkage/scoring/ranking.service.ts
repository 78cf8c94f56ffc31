/**
 * 每季度一次排序: final scores per class (rankByScore with the 延伸评价 weight; 外部评价 where entered), stored as a
 * draft with the full item-by-item explanation; publishing freezes it. A recomputation after publication is a
 * new version that supersedes the published one; publishing it requires a reason.
 */
import { quarterEnd, rankByScore, type DepartmentClass, type Quarter, type Ranked } from '@shouwang/domain';
import type { Db, Queryable } from '../../../db/db.js';
import type { Clock } from '../../../clock.js';
import { todayOf } from '../../../clock.js';
import { camelRow } from '../../../db/case.js';
import { isUniqueViolation } from '../../../db/db-error.js';
import type { AuthedContext } from '../../../http/context.js';
import { badRequest, conflict, notFound } from '../../../http/errors.js';
import { writeAudit } from '../../audit/audit.writer.js';
import * as repo from './ranking.repository.js';
import { listEvaluations } from './evaluation.repository.js';
import { computeScores, type DepartmentScore } from './score.service.js';
import { listDepartments } from './scoring.facts.js';
import { ownDepartment } from './scoring.scope.js';
import { loadSettings } from './settings.service.js';

export const CLASS_ORDER: readonly DepartmentClass[] = ['close', 'related', 'emergency'];

export interface RankingEntry extends Ranked { departmentName: string; class: DepartmentClass }

/** Entries (per class, by rank) and explanation of a quarter as of `asOf`. */
export async function buildRanking(q: Queryable, quarter: Quarter, asOf: string): Promise<repo.RankingContent & { entries: RankingEntry[] }> {
  const { extensionWeight } = await loadSettings(q);
  const scores = await computeScores(q, quarter, asOf);
  const evals = await listEvaluations(q, { year: quarter.year, quarter: quarter.quarter, department: null });
  const evalOf = (code: string, kind: string) => {
    const e = evals.find((x) => x.department_code === code && x.kind === kind);
    return e ? Number(e.score) : null;
  };
  const entries: RankingEntry[] = [];
  for (const cls of CLASS_ORDER) {
    const members = scores.filter((s) => s.class === cls);
    const ranked = rankByScore(members.map((s) => ({
      departmentCode: s.departmentCode,
      officeScore: s.total,
      extensionScore: cls === 'close' ? evalOf(s.departmentCode, 'extension') : null,
      externalScore: evalOf(s.departmentCode, 'external'),
    })), extensionWeight);
    for (const r of ranked) entries.push({ ...r, departmentName: members.find((m) => m.departmentCode === r.departmentCode)!.departmentName, class: cls });
  }
  const explanation: Record<string, DepartmentScore> = Object.fromEntries(scores.map((s) => [s.departmentCode, s]));
  return { asOf, extensionWeight, entries, explanation };
}

export class RankingService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  async list(ctx: AuthedContext, f: { year?: number }) {
    return { items: (await repo.listRankings(this.db, { ...f, publishedOnly: ownDepartment(ctx) !== null })).map((r) => camelRow(r)) };
  }

  /** Compute (or recompute) the quarter's draft; after publication this is a new, superseding version. */
  async compute(ctx: AuthedContext, quarter: Quarter) {
    const today = todayOf(this.clock);
    if (today <= quarterEnd(quarter)) throw badRequest('该季度尚未结束，不能排序', [{ field: 'quarter', message: '季度结束后才能排序' }]);
    try {
      return await this.db.tx(async (q) => {
        const versions = await repo.versionsOf(q, quarter.year, quarter.quarter, true);
        const content = await buildRanking(q, quarter, today);
        const draft = versions.find((v) => v.status === 'draft');
        const published = versions.find((v) => v.status === 'published');
        let row;
        if (draft) {
          row = await repo.updateDraft(q, Number(draft.id), { ...content, by: ctx.user.id });
          await writeAudit(q, ctx, { action: 'ranking.recompute', entityType: 'quarter_ranking', entityId: row.id, after: summaryOf(row, content.entries) });
        } else {
          const version = versions.reduce((m, v) => Math.max(m, Number(v.version)), 0) + 1;
          row = await repo.insertRanking(q, { ...quarter, ...content, version, supersedesId: published ? Number(published.id) : null, by: ctx.user.id });
          await writeAudit(q, ctx, { action: published ? 'ranking.supersede' : 'ranking.create', entityType: 'quarter_ranking', entityId: row.id, after: summaryOf(row, content.entries) });
        }
        return { ranking: camelRow(row), entries: content.entries };
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('该季度排序正在由他人计算，请稍后刷新', 'concurrent_ranking');
      throw e;
    }
  }

  /** Freeze a draft. The first version publishes plainly; a superseding version needs a reason (else 409, like any publication of a published quarter). */
  async publish(ctx: AuthedContext, id: number, reason: string | null) {
    return this.db.tx(async (q) => {
      const r = await repo.findRanking(q, id, true);
      if (!r) throw notFound();
      const versions = await repo.versionsOf(q, r.year, r.quarter, true);
      if (r.status !== 'draft') throw conflict('本季度排序已发布', 'already_published');
      const published = versions.find((v) => v.status === 'published');
      if (published && !reason) throw conflict(`本季度排序已发布（第${published.version}版），发布新版本须填写原因`, 'reason_required');
      if (published) await repo.setStatus(q, Number(published.id), 'superseded');
      await repo.setStatus(q, id, 'published', { by: ctx.user.id, reason: published ? reason : null });
      await writeAudit(q, ctx, {
        action: published ? 'ranking.republish' : 'ranking.publish', entityType: 'quarter_ranking', entityId: id,
        before: published ? { publishedId: Number(published.id), version: published.version } : undefined,
        after: { version: r.version, reason: published ? reason : null },
      });
      return { ranking: camelRow((await repo.versionsOf(q, r.year, r.quarter)).find((v) => Number(v.id) === id)!) };
    });
  }

  /** A ranking with entries and explanation; a department user sees published versions and the own explanation only. */
  async get(ctx: AuthedContext, id: number) {
    const r = await repo.findRanking(this.db, id);
    const own = ownDepartment(ctx);
    if (!r || (own !== null && r.status === 'draft')) throw notFound();
    const explanation = r.explanation as Record<string, DepartmentScore>;
    const { entries, explanation: _e, ...rest } = r;
    return {
      ranking: camelRow(rest),
      entries: entries as RankingEntry[],
      explanation: own === null ? explanation : Object.fromEntries(Object.entries(explanation).filter(([code]) => code === own)),
    };
  }

  /** Four quarters' published final scores and ranks side by side, per department. */
  async annual(year: number) {
    const published = await repo.publishedOfYear(this.db, year);
    const byQuarter = new Map(published.map((p) => [Number(p.quarter), p]));
    const departments = await listDepartments(this.db);
    const items = departments.map((d) => ({
      departmentCode: d.code, departmentName: d.name, class: d.class,
      quarters: [1, 2, 3, 4].map((qn) => {
        const p = byQuarter.get(qn);
        const e = (p?.entries as RankingEntry[] | undefined)?.find((x) => x.departmentCode === d.code);
        return e ? { quarter: qn, rankingId: Number(p!.id), version: Number(p!.version), finalScore: e.finalScore, rank: e.rank, basis: e.basis } : null;
      }),
    }));
    return { year, rankings: published.map((p) => ({ quarter: Number(p.quarter), id: Number(p.id), version: Number(p.version) })), items };
  }
}

const summaryOf = (row: Record<string, unknown>, entries: RankingEntry[]) =>
  ({ year: row.year, quarter: row.quarter, version: row.version, supersedesId: row.supersedes_id, finalScores: Object.fromEntries(entries.map((e) => [e.departmentCode, e.finalScore])) });
