/**
 * 每季度一次通报: generated from a published ranking (text with each class's ranking and the departments lagging
 * for consecutive quarters), approved by the county leader, then delivered to every department (one read receipt
 * each); department users mark it read; printable as an A4 HTML page.
 */
import { laggingDepartments, previousQuarter, type Quarter, type Ranked } from '@shouwang/domain';
import type { Db, Queryable } from '../../../db/db.js';
import type { Clock } from '../../../clock.js';
import { todayOf } from '../../../clock.js';
import { camelRow } from '../../../db/case.js';
import { isUniqueViolation } from '../../../db/db-error.js';
import type { AuthedContext } from '../../../http/context.js';
import { badRequest, conflict, forbidden, notFound } from '../../../http/errors.js';
import { writeAudit } from '../../audit/audit.writer.js';
import * as repo from './notice.repository.js';
import { findRanking, publishedOf } from './ranking.repository.js';
import { CLASS_ORDER, type RankingEntry } from './ranking.service.js';
import { listDepartments } from './scoring.facts.js';
import { ownDepartment } from './scoring.scope.js';
import { loadSettings } from './settings.service.js';
import { noticeBody, noticeTitle } from './notice.text.js';
import { printableNoticeHtml } from './notice.print.js';
import { noticePdf } from './notice.pdf.js';

/**
 * Departments in the bottom `bottomN` of their class in each of the last `quarters` published rankings (consecutive
 * quarters ending with `current`; a quarter without a published ranking breaks the run). The small-class rule is the
 * domain's (`laggingDepartments`).
 */
export async function laggingOf(q: Queryable, quarter: Quarter, current: RankingEntry[], bottomN: number, quarters: number): Promise<string[]> {
  const history: RankingEntry[][] = [current];
  let prev = quarter;
  while (history.length < quarters) {
    prev = previousQuarter(prev);
    const p = await publishedOf(q, prev.year, prev.quarter);
    if (!p) break;
    history.unshift(p.entries as RankingEntry[]);
  }
  const out: string[] = [];
  for (const cls of CLASS_ORDER) {
    const perQuarter: Ranked[][] = history.map((entries) => entries.filter((e) => e.class === cls));
    if (perQuarter[perQuarter.length - 1]!.length === 0) continue;
    out.push(...laggingDepartments(perQuarter, bottomN, quarters));
  }
  return out;
}

export class NoticeService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  async list(ctx: AuthedContext, f: { year?: number }) {
    return { items: (await repo.listNotices(this.db, { ...f, department: ownDepartment(ctx) })).map((r) => camelRow(r)) };
  }

  async get(ctx: AuthedContext, id: number) {
    const n = await this.visible(ctx, id);
    return { notice: camelRow(n), receipts: (await repo.receiptsOf(this.db, id, ownDepartment(ctx))).map((r) => camelRow(r)) };
  }

  async generate(ctx: AuthedContext, rankingId: number) {
    const settings = await loadSettings(this.db);
    try {
      return await this.db.tx(async (q) => {
        const r = await findRanking(q, rankingId);
        if (!r) throw badRequest('排序不存在', [{ field: 'rankingId', message: '排序不存在' }]);
        if (r.status !== 'published') {
          const message = r.status === 'draft' ? '只能根据已发布的排序生成通报' : '该排序已被新版本取代，请根据现行版本生成通报';
          throw badRequest(message, [{ field: 'rankingId', message }]);
        }
        const quarter: Quarter = { year: r.year, quarter: r.quarter };
        const entries = r.entries as RankingEntry[];
        const lagging = await laggingOf(q, quarter, entries, settings.noticeBottomN, settings.noticeConsecutiveQuarters);
        const title = noticeTitle(quarter);
        const body = noticeBody({ quarter, entries, lagging, bottomN: settings.noticeBottomN, consecutiveQuarters: settings.noticeConsecutiveQuarters, date: todayOf(this.clock) });
        const row = await repo.insertNotice(q, { rankingId, year: r.year, quarter: r.quarter, title, body, lagging, by: ctx.user.id });
        await writeAudit(q, ctx, { action: 'notice.create', entityType: 'linkage_notice', entityId: row.id, after: { rankingId, title, lagging } });
        return { notice: camelRow(row) };
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('该排序已生成通报', 'notice_exists');
      throw e;
    }
  }

  async update(ctx: AuthedContext, id: number, text: { title: string; body: string }) {
    return this.db.tx(async (q) => {
      const before = await repo.findNotice(q, id, true);
      if (!before) throw notFound();
      if (before.status !== 'draft') throw conflict('通报已审核送达，不能修改', 'notice_delivered');
      const row = await repo.updateNoticeText(q, id, text.title, text.body);
      await writeAudit(q, ctx, { action: 'notice.update', entityType: 'linkage_notice', entityId: id, before: { title: before.title, body: before.body }, after: text });
      return { notice: camelRow(row) };
    });
  }

  /** The leader's approval delivers the notice: one receipt per department. */
  async approve(ctx: AuthedContext, id: number) {
    return this.db.tx(async (q) => {
      const before = await repo.findNotice(q, id, true);
      if (!before) throw notFound();
      if (before.status !== 'draft') throw conflict('通报已审核送达', 'notice_delivered');
      const row = await repo.markDelivered(q, id, ctx.user.id);
      const departments = (await listDepartments(q)).map((d) => d.code);
      await repo.insertReceipts(q, id, departments);
      await writeAudit(q, ctx, { action: 'notice.approve', entityType: 'linkage_notice', entityId: id, before: { status: 'draft' }, after: { status: 'delivered', receipts: departments.length } });
      return { notice: camelRow(row), receipts: departments.length };
    });
  }

  /** A department user marks the delivered notice read for the own department (once). */
  async markRead(ctx: AuthedContext, id: number) {
    const department = ownDepartment(ctx);
    if (!department) throw forbidden('仅部门用户可以签收通报');
    return this.db.tx(async (q) => {
      const n = await repo.findNotice(q, id);
      if (!n || n.status !== 'delivered') throw notFound();
      const before = (await repo.receiptsOf(q, id, department))[0];
      if (!before) throw notFound();
      const receipt = await repo.markRead(q, id, department, ctx.user.id);
      if (!before.read_at) await writeAudit(q, ctx, { action: 'notice.read', entityType: 'linkage_notice', entityId: id, after: { departmentCode: department } });
      return { receipt: camelRow(receipt!) };
    });
  }

  async print(ctx: AuthedContext, id: number): Promise<string> {
    const n = await this.visible(ctx, id);
    return printableNoticeHtml({ title: n.title, body: n.body, status: n.status });
  }

  async pdf(ctx: AuthedContext, id: number): Promise<{ title: string; pdf: Buffer }> {
    const n = await this.visible(ctx, id);
    return { title: n.title, pdf: await noticePdf({ title: n.title, body: n.body, status: n.status }) };
  }

  /** Drafts are not shown to department users. */
  private async visible(ctx: AuthedContext, id: number) {
    const n = await repo.findNotice(this.db, id);
    if (!n || (ownDepartment(ctx) !== null && n.status !== 'delivered')) throw notFound();
    return n;
  }
}
