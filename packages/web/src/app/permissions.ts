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
  | 'code_list:read';

export function hasPermission(user: Me | null | undefined, permission: Permission): boolean {
  return !!user?.permissions.includes(permission);
}
