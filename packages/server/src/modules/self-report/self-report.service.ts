/**
 * 一码通: the public self-report page (no login) and what staff see of it — the 农户申报 list and the printable
 * household card (明白纸). A report becomes a warning (source 'self_report') for the village in one transaction with
 * its photos and an audit row carrying the client address; rate limits are counted in the database.
 */
import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import {
  cardText, checkSelfReport, HARDSHIP_LABELS, isReportCode, maskName, maskPhone, rateWindowStart, riskTypesOfHardships, selfReportRateDecision,
  selfReportStatusOf, selfReportUrl, sniffAttachmentType, SELF_REPORT_STATUS_LABELS, WARNING_STATE_LABELS, type Hardship, type SelfReportRateLimits, type WarningState,
} from '@shouwang/domain';
import type { Db, Queryable } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import type { AuthedContext, RequestContext } from '../../http/context.js';
import { AppError, badRequest, forbidden, notFound } from '../../http/errors.js';
import { areaInScope } from '../../http/scope.js';
import { writeAudit } from '../audit/audit.writer.js';
import { insertAttachment } from '../attachments/attachment.repository.js';
import { createWarning } from '../warnings/warning.writer.js';
import { nowOf } from '../workflow/workflow.store.js';
import { findArea } from '../areas/area.repository.js';
import * as repo from './self-report.repository.js';

export const UNKNOWN_CODE_MESSAGE = '没有找到这个二维码对应的农户，请确认扫描的是本户的明白纸二维码，或联系村委会';

export interface Photo {
  fileName: string;
  data: Buffer;
}

export interface SubmittedReport {
  hardships: string[];
  description: string;
  phone?: string | null;
  photos: Photo[];
}

const PHOTO_TYPES = ['image/jpeg', 'image/png'];
const mb = (n: number) => `${Math.round((n / 1_048_576) * 10) / 10} MB`;
const iso = (d: Date | string) => new Date(d).toISOString();
const subjectGroupOf = (h: repo.CodeHousehold) => (h.monitor_category ? 'monitored' : h.household_type === 'alleviated' ? 'alleviated' : 'ordinary') as 'monitored' | 'alleviated' | 'ordinary';

export class SelfReportService {
  constructor(private readonly db: Db, private readonly clock: Clock, private readonly limits: SelfReportRateLimits, readonly photoMaxBytes: number) {}

  private async household(q: Queryable, code: string, lock = false) {
    const h = isReportCode(code) ? await repo.householdByCode(q, code, lock) : null;
    if (!h) throw notFound(UNKNOWN_CODE_MESSAGE);
    return h;
  }

  /** The public page: the village name and this household's reports with their status, nothing personal beyond what was typed. */
  async publicView(code: string) {
    const h = await this.household(this.db, code);
    const reports = await repo.reportsOfHousehold(this.db, h.id);
    return {
      villageName: h.village_name,
      hardships: Object.entries(HARDSHIP_LABELS).map(([value, label]) => ({ value, label })),
      reports: reports.map((r) => {
        const status = selfReportStatusOf(r.state as WarningState);
        return {
          submittedOn: r.submitted_on,
          hardships: r.hardships.map((x) => HARDSHIP_LABELS[x as Hardship] ?? x),
          description: r.description,
          photoCount: Number(r.photo_count),
          status,
          statusLabel: SELF_REPORT_STATUS_LABELS[status],
        };
      }),
    };
  }

  /** Check a photo before anything is stored: size (413), type read from the bytes, JPEG or PNG only (415). */
  checkPhoto(p: Photo, index: number): string {
    const n = index + 1;
    if (p.data.length === 0) throw badRequest(`第${n}张照片为空`, [{ field: 'photos', message: `第${n}张照片为空` }]);
    if (p.data.length > this.photoMaxBytes) throw new AppError(413, 'too_large', `第${n}张照片过大：每张不超过 ${mb(this.photoMaxBytes)}`, [{ field: 'photos', message: `每张照片不超过 ${mb(this.photoMaxBytes)}` }]);
    const type = sniffAttachmentType(p.data.subarray(0, 16));
    if (!type || !PHOTO_TYPES.includes(type)) throw new AppError(415, 'unsupported_type', `第${n}张照片格式不支持：只接受 JPEG 或 PNG 图片`, [{ field: 'photos', message: '只接受 JPEG 或 PNG 图片' }]);
    return type;
  }

  async submit(ctx: RequestContext, code: string, input: SubmittedReport) {
    await this.household(this.db, code);
    const hardships = [...new Set(input.hardships.map((s) => s.trim()).filter(Boolean))];
    const description = input.description.trim();
    const phone = input.phone?.trim() || null;
    const errors = checkSelfReport({ hardships, description, phone, photoCount: input.photos.length });
    if (errors.length) throw badRequest(errors[0]!.message, errors);
    const types = input.photos.map((p, i) => this.checkPhoto(p, i));
    const now = nowOf(this.clock);
    return this.db.tx(async (q) => {
      const h = await this.household(q, code, true);
      await repo.lockClient(q, ctx.clientIp);
      const counts = await repo.recentCounts(q, ctx.clientIp, h.id, rateWindowStart(now.at, this.limits.windowMinutes));
      const decision = selfReportRateDecision(counts, this.limits);
      if (!decision.ok) throw new AppError(429, 'rate_limited', decision.message);
      const reportId = await repo.nextReportId(q);
      const labels = hardships.map((x) => HARDSHIP_LABELS[x as Hardship]);
      const warningId = await createWarning(q, {
        source: 'self_report', pushingDepartmentCode: null, villageCode: h.village_code, householdId: h.id, personId: h.head_id,
        subjectIdentityKey: h.head_identity_key, subjectName: h.head_name, subjectGroup: subjectGroupOf(h),
        riskTypes: riskTypesOfHardships(hardships as Hardship[]), title: `农户自主申报：${labels.join('、')}`.slice(0, 200), description, createdBy: null,
      }, {
        sourceType: 'self_report', sourceRef: String(reportId),
        explanation: { via: '一码通', hardships: labels, photoCount: input.photos.length, contactLeft: phone !== null, submittedAt: now.at },
      }, null, now);
      await repo.insertReport(q, {
        id: reportId, householdId: h.id, villageCode: h.village_code, warningId, hardships, description, phone, photoCount: input.photos.length,
        clientIp: ctx.clientIp, submittedAt: now.at, submittedOn: now.today,
      });
      const attachmentIds: number[] = [];
      for (const [i, p] of input.photos.entries()) {
        const fileName = (p.fileName || '').trim().replace(/[\\/\u0000]/g, '_').slice(-100) || `照片${i + 1}.${types[i] === 'image/png' ? 'png' : 'jpg'}`;
        // A farmer has no account: the photo is stored without an uploader.
        attachmentIds.push(await insertAttachment(q, {
          ownerType: 'warning', ownerId: warningId, fileName, contentType: types[i]!, data: p.data,
          sha256: createHash('sha256').update(p.data).digest('hex'), uploadedBy: null,
        }));
      }
      await writeAudit(q, ctx, {
        action: 'self_report.submit', entityType: 'self_report', entityId: reportId,
        after: { householdId: h.id, warningId, hardships, photoCount: input.photos.length, attachmentIds },
      });
      const status = selfReportStatusOf('pushed');
      return { submittedOn: now.today, status, statusLabel: SELF_REPORT_STATUS_LABELS[status] };
    });
  }

  /** 农户申报: the self-reports of the user's area with the clue's state. Department users have no village area. */
  async list(ctx: AuthedContext, f: repo.ReportListFilter) {
    if (ctx.user.role === 'department_user') throw forbidden('农户申报由村、乡镇和县级办公室查看');
    const { total, rows } = await repo.listReports(this.db, ctx.user, f);
    return {
      total, page: f.page, pageSize: f.pageSize,
      items: rows.map((r) => ({
        id: Number(r.id),
        submittedAt: iso(r.submitted_at),
        villageCode: r.village_code,
        villageName: r.village_name,
        townshipName: r.township_name,
        householdId: Number(r.household_id),
        householdNo: r.household_no,
        headName: r.head_name,
        hardships: r.hardships.map((x) => HARDSHIP_LABELS[x as Hardship] ?? x),
        description: r.description,
        phone: maskPhone(r.phone),
        photoCount: Number(r.photo_count),
        warningId: Number(r.warning_id),
        warningState: r.state,
        warningStateLabel: WARNING_STATE_LABELS[r.state as WarningState] ?? r.state,
        statusLabel: SELF_REPORT_STATUS_LABELS[selfReportStatusOf(r.state as WarningState)],
      })),
    };
  }

  private async presentCard(q: Queryable, r: repo.CardRow, origin: string, hotline: string | null, contacts: { display_name: string; phone: string | null }[]) {
    const url = selfReportUrl(origin, r.report_code);
    const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    void q;
    return {
      householdId: Number(r.id),
      householdNo: r.household_no,
      code: r.report_code,
      url,
      qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
      villageName: r.village_name,
      townshipName: r.township_name,
      headName: maskName(r.head_name),
      helperName: r.helper_name,
      monitorContact: r.monitor_contact,
      villageContacts: contacts.map((c) => (c.phone ? `${c.display_name} ${c.phone}` : c.display_name)),
      text: cardText(hotline),
    };
  }

  /** One household's card; printing it is a full-record view (audited). */
  async card(ctx: AuthedContext, id: number, origin: string) {
    return this.db.tx(async (q) => {
      const r = await repo.cardOf(q, ctx.user, id);
      if (!r) throw notFound();
      const [hotline, contacts] = await Promise.all([repo.hotlineOf(q, r.village_code.slice(0, 6)), repo.villageContacts(q, r.village_code)]);
      await writeAudit(q, ctx, { action: 'household.card_view', entityType: 'household', entityId: id });
      return this.presentCard(q, r, origin, hotline, contacts);
    });
  }

  /** Every household card of a village (batch print, one card per page); audited as one view of the village. */
  async villageCards(ctx: AuthedContext, villageCode: string, origin: string) {
    const area = await findArea(this.db, villageCode);
    if (!area || area.level !== 'village') throw badRequest('请选择一个村', [{ field: 'village', message: '请选择一个村' }]);
    if (!areaInScope(ctx.user, villageCode)) throw notFound();
    return this.db.tx(async (q) => {
      const rows = await repo.cardsOfVillage(q, ctx.user, villageCode, 2000);
      const [hotline, contacts] = await Promise.all([repo.hotlineOf(q, villageCode.slice(0, 6)), repo.villageContacts(q, villageCode)]);
      await writeAudit(q, ctx, { action: 'household.card_batch_view', entityType: 'area', entityId: villageCode, after: { households: rows.length } });
      const items = [];
      for (const r of rows) items.push(await this.presentCard(q, r, origin, hotline, contacts));
      return { villageCode, villageName: area.name, items };
    });
  }
}
