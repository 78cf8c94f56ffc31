/**
 * 资料报送: the office requests a submission from departments by a due date; a department user submits for
 * the own department. Late (after the due date) costs 1 point, never made (due passed) 2 — via the engine's facts.
 */
import type { Db } from '../../../db/db.js';
import type { Clock } from '../../../clock.js';
import { todayOf } from '../../../clock.js';
import { camelRow } from '../../../db/case.js';
import type { AuthedContext } from '../../../http/context.js';
import { badRequest, conflict, forbidden, notFound } from '../../../http/errors.js';
import { writeAudit } from '../../audit/audit.writer.js';
import { listDepartments } from './scoring.facts.js';
import { ownDepartment } from './scoring.scope.js';
import * as repo from './submission.repository.js';
import type { SubmissionRequestInput } from './scoring.schemas.js';

export class SubmissionService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  async list(ctx: AuthedContext, f: { year?: number }) {
    const department = ownDepartment(ctx);
    const requests = await repo.listRequests(this.db, { ...f, department });
    const subs = requests.length ? await repo.submissionsOf(this.db, requests.map((r) => Number(r.id)), department) : [];
    return {
      items: requests.map((r) => ({
        ...camelRow(r),
        submissions: subs.filter((s) => Number(s.request_id) === Number(r.id)).map((s) => ({ ...camelRow(s), late: s.submitted_on !== null && s.submitted_on > r.due_date })),
      })),
    };
  }

  async create(ctx: AuthedContext, input: SubmissionRequestInput) {
    if (input.dueDate < todayOf(this.clock)) throw badRequest('报送截止日期不能早于今天', [{ field: 'dueDate', message: '报送截止日期不能早于今天' }]);
    const codes = [...new Set(input.departmentCodes)];
    return this.db.tx(async (q) => {
      const known = new Set((await listDepartments(q)).map((d) => d.code));
      const unknown = codes.find((c) => !known.has(c));
      if (unknown) throw badRequest(`部门代码 ${unknown} 不存在`, [{ field: 'departmentCodes', message: `部门代码 ${unknown} 不存在` }]);
      const row = await repo.insertRequest(q, { title: input.title, description: input.description ?? null, dueDate: input.dueDate, createdBy: ctx.user.id });
      await repo.insertPendingSubmissions(q, Number(row.id), codes);
      await writeAudit(q, ctx, { action: 'submission_request.create', entityType: 'submission_request', entityId: row.id, after: { ...input, departmentCodes: codes } });
      return { id: Number(row.id) };
    });
  }

  /** A department user submits for the own department; a request not addressed to it is not found. */
  async submit(ctx: AuthedContext, requestId: number, note: string | null) {
    const department = ownDepartment(ctx);
    if (!department) throw forbidden('仅部门用户可以为本部门报送资料');
    const today = todayOf(this.clock);
    return this.db.tx(async (q) => {
      const s = await repo.findSubmissionForUpdate(q, requestId, department);
      if (!s) throw notFound();
      if (s.status === 'submitted') throw conflict('本部门已报送该资料，不能重复报送', 'already_submitted');
      const row = await repo.markSubmitted(q, requestId, department, { on: today, by: ctx.user.id, note });
      const late = today > s.due_date;
      await writeAudit(q, ctx, { action: 'submission.submit', entityType: 'submission_request', entityId: requestId, after: { departmentCode: department, submittedOn: today, late, note } });
      return { submission: { ...camelRow(row), late } };
    });
  }
}
