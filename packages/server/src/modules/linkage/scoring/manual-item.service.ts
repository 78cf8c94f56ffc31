/**
 * Manual score items: the office records an item the system cannot know (a manual code of 附件4) with evidence;
 * the county leader approves or rejects it. Only approved items count in the score.
 */
import { quarterEnd, scoreItem, ScoringError } from '@shouwang/domain';
import type { Db } from '../../../db/db.js';
import { camelRow } from '../../../db/case.js';
import type { AuthedContext } from '../../../http/context.js';
import { badRequest, conflict, notFound } from '../../../http/errors.js';
import { writeAudit } from '../../audit/audit.writer.js';
import * as repo from './manual-item.repository.js';
import { listDepartments, quarterStart } from './scoring.facts.js';
import { ownDepartment } from './scoring.scope.js';
import type { ManualItemInput } from './scoring.schemas.js';

const present = (row: Record<string, unknown>) => {
  const def = safeItem(String(row.item_code));
  return { ...camelRow(row), itemLabel: def?.label ?? null, points: def ? def.points * Number(row.count) : null };
};
const safeItem = (code: string) => { try { return scoreItem(code); } catch { return null; } };

export class ManualItemService {
  constructor(private readonly db: Db) {}

  async list(ctx: AuthedContext, f: { year?: number; quarter?: number; status?: string }) {
    return { items: (await repo.listManualItems(this.db, { ...f, department: ownDepartment(ctx) })).map(present) };
  }

  async create(ctx: AuthedContext, input: ManualItemInput) {
    const evidence = input.evidence?.trim() ?? '';
    if (!evidence) throw badRequest('请填写佐证材料', [{ field: 'evidence', message: '请填写佐证材料' }]);
    try {
      const def = scoreItem(input.itemCode);
      if (def.source !== 'manual') throw new ScoringError('not_manual', input.itemCode);
    } catch (e) {
      if (e instanceof ScoringError) throw badRequest(e.message, [{ field: 'itemCode', message: e.message }]);
      throw e;
    }
    const q = { year: input.year, quarter: input.quarter as 1 | 2 | 3 | 4 };
    const start = quarterStart(q);
    if (input.occurredOn < start || input.occurredOn > quarterEnd(q)) {
      throw badRequest('发生日期应在所选季度内', [{ field: 'occurredOn', message: `应在 ${start} 至 ${quarterEnd(q)} 之间` }]);
    }
    return this.db.tx(async (tx) => {
      if (!(await listDepartments(tx)).some((d) => d.code === input.departmentCode)) {
        throw badRequest(`部门代码 ${input.departmentCode} 不存在`, [{ field: 'departmentCode', message: '部门不存在' }]);
      }
      const row = await repo.insertManualItem(tx, { ...input, evidence, createdBy: ctx.user.id });
      await writeAudit(tx, ctx, { action: 'manual_score_item.create', entityType: 'manual_score_item', entityId: row.id, after: camelRow(row) });
      return { item: present(row) };
    });
  }

  async decide(ctx: AuthedContext, id: number, status: 'approved' | 'rejected', note: string | null) {
    return this.db.tx(async (q) => {
      const before = await repo.findManualItemForUpdate(q, id);
      if (!before) throw notFound();
      if (before.status !== 'pending') throw conflict('该评分项目已审核，不能重复审核', 'already_decided');
      const row = await repo.decideManualItem(q, id, { status, by: ctx.user.id, note });
      await writeAudit(q, ctx, { action: `manual_score_item.${status === 'approved' ? 'approve' : 'reject'}`, entityType: 'manual_score_item', entityId: id, before: { status: before.status }, after: { status, note } });
      return { item: present(row) };
    });
  }
}
