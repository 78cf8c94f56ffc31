import type { Me } from '../api/types';

/** Permission strings as delivered by /api/auth/me (`resource:action`). */
export type Permission =
  | 'household:read'
  | 'household:create'
  | 'household:update'
  | 'household:delete'
  | 'household:export'
  | 'person_identity:reveal'
  | 'user:manage'
  | 'audit_log:read'
  | 'area:read'
  | 'code_list:read'
  | 'department:read'
  | 'department:manage'
  | 'self_check:read'
  | 'self_check:submit'
  | 'self_check:manage'
  | 'meeting:read'
  | 'meeting:manage'
  | 'verification:read'
  | 'verification:manage'
  | 'score:read'
  | 'score:manage'
  | 'score:approve'
  | 'ranking:read'
  | 'ranking:manage'
  | 'notice:read'
  | 'notice:manage'
  | 'notice:approve'
  | 'policy_doc:read'
  | 'policy_doc:manage'
  | 'coop_case:read'
  | 'coop_case:manage'
  | 'coop_case:update';

export function hasPermission(user: Me | null | undefined, permission: Permission): boolean {
  return !!user?.permissions.includes(permission);
}
