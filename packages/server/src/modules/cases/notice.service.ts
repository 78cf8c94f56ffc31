/**
 * 村内公示 and 结果公告 of a village's review batch. A draft is generated from the village's cases waiting for it
 * (公示: cases in 村级评议; 公告: cases in 结果公告 after county approval) and can be printed as a preview; posting it
 * runs every listed case's step (民主评议通过，张贴公示 / 发布结果公告 — the machine decides who may) in one
 * transaction, and fixes the posting date and the 公示期. Objections are steps on the cases (登记异议 pauses a case).
 */
import { NOTICE_KIND_LABELS, type NoticeKind, type PublicNotice } from '@shouwang/domain';
import type { Db, Queryable } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import { todayOf } from '../../clock.js';
import type { AuthedContext } from '../../http/context.js';
import { AppError, badRequest, conflict, notFound } from '../../http/errors.js';
import { areaInScope } from '../../http/scope.js';
import { writeAudit } from '../audit/audit.writer.js';
import * as repo from './case.repository.js';
import { buildNotice, runStep } from './case.steps.js';

/** The machine, the state its cases wait in, and the event posting runs. */
const KIND_STEP: Record<NoticeKind, { machine: repo.CaseKind; waitingIn: string; event: string }> = {
  identification_publicity: { machine: 'identification', waitingIn: 'village_review', event: 'approve' },
  identification_result: { machine: 'identification', waitingIn: 'announcement', event: 'publish_result' },
  elimination_publicity: { machine: 'elimination', waitingIn: 'village_review', event: 'approve' },
  elimination_result: { machine: 'elimination', waitingIn: 'announcement', event: 'publish_result' },
};

const STATUS_LABELS: Record<string, string> = { draft: '草稿', posted: '已张贴', cancelled: '已作废' };

export class NoticeService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  private async village(ctx: AuthedContext, code: string) {
    const v = await repo.findVillage(this.db, code);
    if (!v || !areaInScope(ctx.user, code)) throw badRequest('所选村不存在或不在您的管辖范围内', [{ field: 'villageCode', message: '所选村不存在或不在您的管辖范围内' }]);
    return v;
  }

  /** Cases of the village waiting for a notice of the kind and not on another live notice. */
  private async waiting(q: Queryable, ctx: AuthedContext, kind: NoticeKind, villageCode: string) {
    const k = KIND_STEP[kind];
    const cases = await repo.listCases(q, ctx.user, { kind: k.machine, state: k.waitingIn, area: villageCode, open: true });
    const taken = await repo.casesOnNotices(q, kind, cases.map((c) => c.id));
    return { cases: cases.filter((c) => !taken.has(c.id)), taken };
  }

  async candidates(ctx: AuthedContext, kind: NoticeKind, villageCode: string) {
    await this.village(ctx, villageCode);
    const { cases } = await this.waiting(this.db, ctx, kind, villageCode);
    return { items: cases.map((c) => ({ id: c.id, householdId: c.household_id, headName: c.head_name, memberCount: c.member_count, state: c.state, stateEnteredOn: c.state_entered_on, openObjections: Number(c.open_objections) })) };
  }

  async generate(ctx: AuthedContext, b: { kind: NoticeKind; villageCode: string; caseIds?: number[]; contactPhone?: string | null }) {
    const v = await this.village(ctx, b.villageCode);
    const id = await this.db.tx(async (q) => {
      const { cases, taken } = await this.waiting(q, ctx, b.kind, b.villageCode);
      let chosen = cases;
      if (b.caseIds?.length) {
        const byId = new Map(cases.map((c) => [c.id, c]));
        const bad = b.caseIds.filter((x) => !byId.has(x));
        if (bad.length) {
          const why = bad.map((x) => (taken.has(x) ? `${x}（已在公示公告 ${taken.get(x)} 中）` : `${x}`)).join('、');
          throw badRequest(`以下事项不在本村待${NOTICE_KIND_LABELS[b.kind].endsWith('公示') ? '公示' : '公告'}之列：${why}`, [{ field: 'caseIds', message: '所选事项不可列入' }]);
        }
        chosen = b.caseIds.map((x) => byId.get(x)!);
      }
      if (!chosen.length) throw badRequest(`${v.name}没有待列入「${NOTICE_KIND_LABELS[b.kind]}」的事项`, [{ field: 'caseIds', message: '没有可列入的事项' }]);
      const notice = await buildNotice(q, b.kind, v, chosen, todayOf(this.clock), b.contactPhone ?? null);
      const nid = await repo.insertNotice(q, { kind: b.kind, villageCode: b.villageCode, title: notice.title, content: notice, contactPhone: b.contactPhone ?? null, createdBy: ctx.user.id, caseIds: chosen.map((c) => c.id) });
      await writeAudit(q, ctx, { action: 'case_notice.generate', entityType: 'case_notice', entityId: nid, after: { kind: b.kind, villageCode: b.villageCode, caseIds: chosen.map((c) => c.id) } });
      return nid;
    });
    return this.get(ctx, id);
  }

  async list(ctx: AuthedContext, f: { area?: string; kind?: NoticeKind; status?: string }) {
    const rows = await repo.listNotices(this.db, ctx.user, f);
    return { items: rows.map((n) => this.presentBrief(n)) };
  }

  private presentBrief(n: repo.NoticeRowDb) {
    return {
      id: n.id,
      kind: n.kind,
      kindLabel: NOTICE_KIND_LABELS[n.kind as NoticeKind],
      villageCode: n.village_code,
      villageName: n.village_name,
      townshipName: n.township_name,
      status: n.status,
      statusLabel: STATUS_LABELS[n.status] ?? n.status,
      title: n.title,
      postedOn: n.posted_on,
      periodFrom: n.period_from,
      periodTo: n.period_to,
      earliestNextOn: n.earliest_next_on,
      households: n.case_ids.length,
      caseIds: n.case_ids,
      createdAt: new Date(n.created_at).toISOString(),
    };
  }

  async get(ctx: AuthedContext, id: number) {
    const n = await repo.findNotice(this.db, ctx.user, id);
    if (!n) throw notFound();
    const cases = (await repo.listCases(this.db, ctx.user, { area: n.village_code })).filter((c) => n.case_ids.includes(c.id));
    const objections = await repo.objectionSteps(this.db, n.case_ids);
    return {
      notice: { ...this.presentBrief(n), content: n.content as PublicNotice },
      cases: cases.map((c) => ({ id: c.id, kind: c.kind, householdId: c.household_id, headName: c.head_name, state: c.state, version: Number(c.version), openObjections: Number(c.open_objections), terminal: c.terminal })),
      objections: objections.map((o) => ({ caseId: Number(o.case_id), event: o.event, label: o.event === 'raise_objection' ? '收到异议' : '异议已处理', actorName: o.actor_name, on: o.on_date, remarks: o.remarks })),
    };
  }

  /** The stored notice for printing (HTML) or the PDF; reading a notice for print is audited. */
  async printable(ctx: AuthedContext, id: number, format: 'html' | 'pdf') {
    return this.db.tx(async (q) => {
      const n = await repo.findNotice(q, ctx.user, id);
      if (!n) throw notFound();
      await writeAudit(q, ctx, { action: `case_notice.${format}`, entityType: 'case_notice', entityId: id });
      return { notice: n.content as PublicNotice, draft: n.status !== 'posted', title: n.title };
    });
  }

  /** 张贴 / 发布: every case on the notice takes its step today, and the notice records the date and the period. */
  async post(ctx: AuthedContext, id: number) {
    await this.db.tx(async (q) => {
      const n = await repo.findNotice(q, ctx.user, id, true);
      if (!n) throw notFound();
      if (n.status !== 'draft') throw conflict(`该公示公告${STATUS_LABELS[n.status]}，不能再张贴`, 'notice_not_draft');
      const kind = n.kind as NoticeKind;
      const k = KIND_STEP[kind];
      const today = todayOf(this.clock);
      for (const caseId of n.case_ids) {
        const c = await repo.findCase(q, ctx.user, caseId);
        if (!c) throw notFound(`事项 ${caseId} 不存在或不在您的管辖范围内`);
        if (c.state !== k.waitingIn) throw conflict(`${c.head_name ?? ''}户（事项 ${caseId}）已不在待${kind.endsWith('publicity') ? '公示' : '公告'}环节，请重新生成`, 'not_allowed_from_state');
        try {
          await runStep(q, ctx, this.clock, caseId, { event: k.event, remarks: `${NOTICE_KIND_LABELS[kind]}（编号 ${id}）` }, { noticeId: id });
        } catch (e) {
          if (e instanceof AppError) throw new AppError(e.status, e.code, `${c.head_name ?? ''}户（事项 ${caseId}）：${e.message}`, e.fields);
          throw e;
        }
      }
      const v = (await repo.findVillage(q, n.village_code))!;
      const cases = (await repo.listCases(q, ctx.user, { area: n.village_code })).filter((c) => n.case_ids.includes(c.id));
      cases.sort((a, b) => n.case_ids.indexOf(a.id) - n.case_ids.indexOf(b.id));
      const built = await buildNotice(q, kind, v, cases, today, n.contact_phone);
      await repo.markNoticePosted(q, id, {
        title: built.title, content: built, postedOn: today, periodFrom: built.period?.from ?? null, periodTo: built.period?.to ?? null, earliestNextOn: built.period?.earliestNextStepOn ?? null, postedBy: ctx.user.id,
      });
      await writeAudit(q, ctx, { action: 'case_notice.post', entityType: 'case_notice', entityId: id, after: { kind, caseIds: n.case_ids, postedOn: today, period: built.period } });
    });
    return this.get(ctx, id);
  }

  async cancel(ctx: AuthedContext, id: number) {
    await this.db.tx(async (q) => {
      const n = await repo.findNotice(q, ctx.user, id, true);
      if (!n) throw notFound();
      if (n.status !== 'draft') throw conflict('只能作废尚未张贴的草稿', 'notice_not_draft');
      await repo.cancelNotice(q, id);
      await writeAudit(q, ctx, { action: 'case_notice.cancel', entityType: 'case_notice', entityId: id });
    });
    return { ok: true };
  }
}
