/** 成员单位与职责清单: the 26 departments with their class and duties; the county office edits the duty lists. */
import { DEPARTMENT_CLASS_LABELS, normalizeDutyList } from '@shouwang/domain';
import type { Db } from '../../../db/db.js';
import type { AuthedContext } from '../../../http/context.js';
import { badRequest, notFound } from '../../../http/errors.js';
import { writeAudit } from '../../audit/audit.writer.js';
import * as repo from './department.repository.js';

export const DEPARTMENT_NOT_FOUND = '部门不存在';

export function presentDepartment(d: repo.DepartmentRow, duties: readonly string[]) {
  return { code: d.code, name: d.name, class: d.class, classLabel: DEPARTMENT_CLASS_LABELS[d.class], sortOrder: d.sort_order, duties: [...duties] };
}

export class DepartmentService {
  constructor(private readonly db: Db) {}

  async list() {
    const [rows, duties] = await Promise.all([repo.listDepartmentRows(this.db), repo.dutiesByDepartment(this.db)]);
    return { items: rows.map((d) => presentDepartment(d, duties.get(d.code) ?? [])) };
  }

  async get(code: string) {
    const d = await repo.findDepartment(this.db, code);
    if (!d) throw notFound(DEPARTMENT_NOT_FOUND);
    const duties = await repo.dutiesByDepartment(this.db, code);
    return { department: presentDepartment(d, duties.get(code) ?? []) };
  }

  /** Replace a department's duty list as a whole; audited with the list before and after. */
  async setDuties(ctx: AuthedContext, code: string, input: readonly string[]) {
    const n = normalizeDutyList(input);
    if (!n.ok) throw badRequest(n.message, [{ field: `duties.${n.index}`, message: n.message }]);
    return this.db.tx(async (q) => {
      const d = await repo.findDepartment(q, code, true);
      if (!d) throw notFound(DEPARTMENT_NOT_FOUND);
      const before = (await repo.dutiesByDepartment(q, code)).get(code) ?? [];
      await repo.replaceDuties(q, code, n.duties);
      await writeAudit(q, ctx, { action: 'department.duties.update', entityType: 'department', entityId: code, before: { duties: before }, after: { duties: n.duties } });
      return { department: presentDepartment(d, n.duties) };
    });
  }
}
