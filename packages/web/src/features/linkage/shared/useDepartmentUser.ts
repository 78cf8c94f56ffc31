import { useAuth } from '../../../app/auth';

/**
 * The department the user acts for when the user is a 行业部门用户 (the server confines such users to it), or null
 * for the office, leaders and inspectors, who see every department.
 */
export function useDepartmentUser(): string | null {
  const { user } = useAuth();
  return user?.role === 'department_user' ? user.departmentCode : null;
}
