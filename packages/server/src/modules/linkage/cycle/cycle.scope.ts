/** Department scope of the linkage records: a department user sees and acts for the own department only. */
import type { AuthUser } from '../../../http/context.js';

/** The department a user is confined to, or null when the user sees every department (office, leader, inspector). */
export const confinedDepartment = (user: AuthUser): string | null =>
  user.role === 'department_user' ? user.departmentCode ?? '' : null;
