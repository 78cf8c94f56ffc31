/** 乡镇评分排名: each month a 紧密型 department scores every township of the county; ranks follow the scores. */
import {
  checkFilingDepartment, checkFilingMonth, checkTownshipCoverage, checkTownshipRankingDepartment, rankTownships,
} from '@shouwang/domain';
import type { Db, Queryable } from '../../../db/db.js';
import type { Clock } from '../../../clock.js';
import { todayOf } from '../../../clock.js';
import type { AuthedContext } from '../../../http/context.js';
import { conflict, notFound } from '../../../http/errors.js';
import { writeAudit } from '../../audit/audit.writer.js';
import { confinedDepartment } from './cycle.scope.js';
import { enforce } from './cycle.refusal.js';
import { isoOrNull } from './cycle.present.js';
import { findDepartment } from './department.repository.js';
import { DEPARTMENT_NOT_FOUND } from './department.service.js';
import * as repo from './township-ranking.repository.js';
import type { ListTownshipRankingsQuery, SubmitTownshipRankingInput } from './township-ranking.schemas.js';

export class TownshipRankingService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  async list(ctx: AuthedContext, f: ListTownshipRankingsQuery) {
    return { items: await this.load(this.db, f, confinedDepartment(ctx.user)) };
  }

  async submit(ctx: AuthedContext, input: SubmitTownshipRankingInput) {
    const departmentCode = input.departmentCode ?? ctx.user.departmentCode ?? '';
    enforce(checkFilingDepartment(ctx.user.departmentCode, departmentCode));
    const department = await findDepartment(this.db, departmentCode);
    if (!department) throw notFound(DEPARTMENT_NOT_FOUND);
    enforce(checkTownshipRankingDepartment(department.class));
    enforce(checkFilingMonth(input.month, todayOf(this.clock)));
    const countyCode = ctx.user.areaCode.slice(0, 6);
    const townships = await repo.townshipsOfCounty(this.db, countyCode);
    enforce(checkTownshipCoverage(townships, input.items.map((i) => i.townshipCode)));
    const ranked = rankTownships(input.items);
    return this.db.tx(async (q) => {
      const id = await repo.insertRanking(q, { departmentCode, month: input.month, countyCode, submittedAt: this.clock().toISOString(), submittedBy: ctx.user.id });
      if (id === null) throw conflict(`本部门${input.month}月份的乡镇评分排名已报送，不能重复报送`, 'duplicate_month');
      await repo.insertRankingItems(q, id, ranked);
      await writeAudit(q, ctx, { action: 'township_ranking.create', entityType: 'township_ranking', entityId: id, after: { departmentCode, month: input.month, items: ranked } });
      return { ranking: (await this.load(q, { id }, null))[0]! };
    });
  }

  private async load(q: Queryable, f: ListTownshipRankingsQuery & { id?: number }, confined: string | null) {
    const { rankings, items } = await repo.listRankings(q, f, confined);
    return rankings.map((r) => ({
      id: Number(r.id),
      departmentCode: r.department_code as string,
      departmentName: r.department_name as string,
      month: r.month as string,
      submittedAt: isoOrNull(r.submitted_at)!,
      items: items.filter((i) => Number(i.ranking_id) === Number(r.id)).map((i) => ({
        townshipCode: i.township_code as string,
        townshipName: i.township_name as string,
        score: Number(i.score),
        rank: Number(i.rank),
        remark: (i.remark as string | null) ?? null,
      })),
    }));
  }
}
