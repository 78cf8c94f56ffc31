import type { ReactNode } from 'react';
import { RequirePermission } from './guards';
import type { Permission } from './permissions';

/** A page element shown only to users holding `permission`. */
export function guarded(permission: Permission, page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}
