/** Department users act and see for their own department only; other linkage roles see every department. */
import type { AuthedContext } from '../../../http/context.js';

/** The department a caller is restricted to, or null for a county-level role. */
export function ownDepartment(ctx: AuthedContext): string | null {
  return ctx.user.role === 'department_user' ? ctx.user.departmentCode ?? '' : null;
}

/** Whether the caller may see records of `departmentCode`. */
export function seesDepartment(ctx: AuthedContext, departmentCode: string): boolean {
  const own = ownDepartment(ctx);
  return own === null || own === departmentCode;
}
