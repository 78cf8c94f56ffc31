/** 政策共享: the policy library the county office keeps monthly, and each department's read receipts. */
import { monthOf, nextMonth } from '@shouwang/domain';
import type { Db, Queryable } from '../../../db/db.js';
import type { Clock } from '../../../clock.js';
import { todayOf } from '../../../clock.js';
import { isUniqueViolation } from '../../../db/db-error.js';
import type { AuthedContext } from '../../../http/context.js';
import { badRequest, conflict, forbidden, notFound } from '../../../http/errors.js';
import { writeAudit } from '../../audit/audit.writer.js';
import * as repo from './policy.repository.js';
import { POLICY_LEVELS, POLICY_LEVEL_LABELS, type PolicyInput, type PolicyLevel, type PolicyListQuery, type PolicyView } from './policy.schemas.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

/** A month in China Standard Time, as the half-open range of instants it covers. */
const monthRange = (month: string): repo.PublishedRange => ({ from: `${month}-01T00:00:00+08:00`, to: `${nextMonth(month)}-01T00:00:00+08:00` });

/** The caller's department when the caller acts for one (department users only). */
const myDepartment = (ctx: AuthedContext) => (ctx.user.role === 'department_user' ? ctx.user.departmentCode : null);

function present(r: repo.PolicyRow, departmentCount: number): PolicyView {
  return {
    id: Number(r.id),
    level: r.level as PolicyLevel,
    levelLabel: POLICY_LEVEL_LABELS[r.level as PolicyLevel],
    issuingBody: r.issuing_body,
    docNumber: r.doc_number,
    issuedOn: r.issued_on,
    title: r.title,
    summary: r.summary,
    tags: r.tags,
    link: r.link,
    attachmentName: r.attachment_name,
    publishedAt: iso(r.published_at),
    addedBy: r.added_by_name,
    version: r.version,
    readCount: Number(r.read_count),
    departmentCount,
    readByMyDepartment: r.read_by_me,
  };
}

export class PolicyService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  async list(ctx: AuthedContext, f: PolicyListQuery) {
    const [{ total, rows }, departmentCount] = await Promise.all([
      repo.listPolicies(this.db, f, f.month ? monthRange(f.month) : null, myDepartment(ctx)),
      repo.countDepartments(this.db),
    ]);
    return { total, page: f.page, pageSize: f.pageSize, items: rows.map((r) => present(r, departmentCount)) };
  }

  async get(ctx: AuthedContext, id: number) {
    const row = await repo.findPolicy(this.db, id, myDepartment(ctx));
    if (!row) throw notFound('政策不存在');
    return { policy: present(row, await repo.countDepartments(this.db)) };
  }

  async create(ctx: AuthedContext, input: PolicyInput) {
    this.checkIssuedOn(input);
    return this.db.tx(async (q) => {
      await this.ensureDocNumberFree(q, input.docNumber, 0);
      const id = await this.writing(() => repo.insertPolicy(q, input, ctx.user.id, this.clock()));
      await writeAudit(q, ctx, { action: 'policy_doc.create', entityType: 'policy_doc', entityId: id, after: input });
      return { policy: present((await repo.findPolicy(q, id, null))!, await repo.countDepartments(q)) };
    });
  }

  async update(ctx: AuthedContext, id: number, input: PolicyInput, version: number) {
    this.checkIssuedOn(input);
    return this.db.tx(async (q) => {
      const locked = await repo.lockPolicy(q, id);
      if (!locked) throw notFound('政策不存在');
      if (locked.version !== version) throw conflict('该政策已被他人修改，请刷新后再编辑', 'stale_version');
      await this.ensureDocNumberFree(q, input.docNumber, id);
      const before = (await repo.findPolicy(q, id, null))!;
      await this.writing(() => repo.updatePolicy(q, id, input));
      const after = (await repo.findPolicy(q, id, null))!;
      const departmentCount = await repo.countDepartments(q);
      await writeAudit(q, ctx, { action: 'policy_doc.update', entityType: 'policy_doc', entityId: id, before: present(before, departmentCount), after: input });
      return { policy: present(after, departmentCount) };
    });
  }

  /** A department user marks a policy read for the department: recorded once; later calls answer the first receipt. */
  async markRead(ctx: AuthedContext, id: number) {
    const department = myDepartment(ctx);
    if (!department) throw forbidden('只有行业部门用户可以登记本部门已阅');
    return this.db.tx(async (q) => {
      if (!(await repo.lockPolicy(q, id))) throw notFound('政策不存在');
      const r = await repo.recordReceipt(q, id, department, ctx.user.id, this.clock());
      if (r.created) await writeAudit(q, ctx, { action: 'policy_doc.read', entityType: 'policy_doc', entityId: id, after: { departmentCode: department } });
      return { policyId: id, departmentCode: department, readAt: iso(r.readAt), alreadyRead: !r.created };
    });
  }

  async receipts(id: number) {
    if (!(await repo.findPolicy(this.db, id, null))) throw notFound('政策不存在');
    const rows = await repo.receiptsOf(this.db, id);
    return {
      policyId: id,
      readCount: rows.filter((r) => r.read_at).length,
      departmentCount: rows.length,
      items: rows.map((r) => ({
        departmentCode: r.code, departmentName: r.name, departmentClass: r.class,
        read: r.read_at !== null, readAt: r.read_at ? iso(r.read_at) : null, readerName: r.reader_name,
      })),
    };
  }

  /** The month's additions to the library (this month by default), grouped 中央 → 县级, with receipt counts. */
  async digest(month?: string) {
    const m = month ?? monthOf(todayOf(this.clock));
    const [rows, departmentCount] = await Promise.all([repo.policiesPublishedIn(this.db, monthRange(m)), repo.countDepartments(this.db)]);
    return {
      month: m,
      total: rows.length,
      departmentCount,
      groups: POLICY_LEVELS.map((level) => ({
        level,
        label: POLICY_LEVEL_LABELS[level],
        items: rows.filter((r) => r.level === level).map((r) => ({
          id: Number(r.id), title: r.title, issuingBody: r.issuing_body, docNumber: r.doc_number, issuedOn: r.issued_on,
          publishedAt: iso(r.published_at), tags: r.tags, readCount: Number(r.read_count),
        })),
      })),
    };
  }

  private checkIssuedOn(input: PolicyInput) {
    if (input.issuedOn > todayOf(this.clock)) throw badRequest('印发日期不能晚于今天', [{ field: 'issuedOn', message: '印发日期不能晚于今天' }]);
  }

  private async ensureDocNumberFree(q: Queryable, docNumber: string | null, exceptId: number) {
    if (!docNumber) return;
    const holder = await repo.findByDocNumber(q, docNumber, exceptId);
    if (holder) throw conflict(`文号“${docNumber}”已在政策库中（${holder.title}）`, 'duplicate_doc_number');
  }

  /** A concurrent insert of the same 文号 loses at the unique index: the same 409 as the check above. */
  private async writing<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (isUniqueViolation(e, 'policy_doc_number_key')) throw conflict('该文号已在政策库中', 'duplicate_doc_number');
      throw e;
    }
  }
}
