/**
 * Area scope, applied in one place: a user sees records whose village lies within the user's area
 * (a half-open code range, index-friendly); a 帮扶责任人 sees only the households assigned to them.
 */
import { areaRange, isWithinArea } from '@shouwang/domain';
import type { AuthUser } from './context.js';
import type { SqlParams } from '../db/sql-params.js';

/** SQL condition restricting household alias `h` to what `user` may see. */
export function householdScopeSql(user: AuthUser, p: SqlParams, alias = 'h'): string {
  const { from, to } = areaRange(user.areaCode);
  let cond = `${alias}.village_code >= ${p.add(from)} AND ${alias}.village_code < ${p.add(to)}`;
  if (user.role === 'helper') cond += ` AND ${alias}.helper_user_id = ${p.add(user.id)}`;
  return cond;
}

/** Whether an area code (e.g. a village chosen in a form) lies within the user's area. */
export const areaInScope = (user: AuthUser, code: string) => isWithinArea(code, user.areaCode);
