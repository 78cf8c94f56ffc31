/**
 * Evidence files on records. Who may attach and see them follows the record's department: a department user only
 * its own department's records; the office, leaders and inspectors read all. Uploads are audited.
 */
import { createHash } from 'node:crypto';
import { can, checkAttachment, isWithinArea, sniffAttachmentType } from '@shouwang/domain';
import type { Db } from '../../db/db.js';
import type { AuthedContext } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { writeAudit } from '../audit/audit.writer.js';
import * as repo from './attachment.repository.js';

const STATUS: Record<string, number> = { empty: 400, bad_name: 400, too_large: 413, unsupported_type: 415 };

export const presentAttachment = (a: repo.AttachmentMeta) => ({
  id: Number(a.id),
  fileName: a.file_name,
  contentType: a.content_type,
  sizeBytes: Number(a.size_bytes),
  sha256: a.sha256,
  uploadedAt: new Date(a.uploaded_at).toISOString(),
  uploadedBy: a.uploaded_by_name,
});

export class AttachmentService {
  constructor(private readonly db: Db, readonly maxBytes: number) {}

  /**
   * The record exists and lies in the caller's scope: a department user only its own department's records (records
   * without a department are not theirs), area roles only records of villages in their area, a 帮扶责任人 only the
   * households assigned to them. Which role may read or upload at all is the route's (and `download`'s) policy check.
   */
  private async ownerInScope(ctx: AuthedContext, type: repo.OwnerType, id: number, q: Pick<Db, 'query'> = this.db) {
    const o = await repo.ownerScope(q as Db, type, id);
    const u = ctx.user;
    const denied =
      !o ||
      (u.role === 'department_user' && o.department_code !== u.departmentCode) ||
      (o.village_code !== null && u.role !== 'department_user' && !isWithinArea(o.village_code, u.areaCode)) ||
      (u.role === 'helper' && Number(o.helper_user_id) !== u.id);
    if (denied) throw notFound('记录不存在或不在您的管辖范围内');
  }

  async list(ctx: AuthedContext, type: repo.OwnerType, id: number) {
    await this.ownerInScope(ctx, type, id);
    return { items: (await repo.listAttachments(this.db, type, id)).map(presentAttachment) };
  }

  async upload(ctx: AuthedContext, type: repo.OwnerType, id: number, file: { fileName: string; data: Buffer }) {
    await this.ownerInScope(ctx, type, id);
    const refusal = checkAttachment({ fileName: file.fileName, size: file.data.length, head: file.data.subarray(0, 16) }, this.maxBytes);
    if (refusal) throw new AppError(STATUS[refusal.kind]!, refusal.kind, refusal.message);
    const contentType = sniffAttachmentType(file.data)!;
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    return this.db.tx(async (q) => {
      const attachmentId = await repo.insertAttachment(q, { ownerType: type, ownerId: id, fileName: file.fileName.trim(), contentType, data: file.data, sha256, uploadedBy: ctx.user.id });
      await writeAudit(q, ctx, { action: 'attachment.upload', entityType: type, entityId: id, after: { attachmentId, fileName: file.fileName, contentType, sizeBytes: file.data.length, sha256 } });
      return presentAttachment((await repo.listAttachments(q, type, id)).find((a) => Number(a.id) === attachmentId)!);
    });
  }

  async download(ctx: AuthedContext, attachmentId: number) {
    const a = await repo.findAttachment(this.db, attachmentId);
    if (!a || !can(ctx.user.role, 'read', repo.OWNER_RESOURCE[a.owner_type])) throw notFound('文件不存在');
    await this.ownerInScope(ctx, a.owner_type, Number(a.owner_id));
    return { fileName: a.file_name, contentType: a.content_type, data: Buffer.from(a.data) };
  }
}
