/** Who is asking, from where: built once per request by the auth plugin, passed to services. */
import type { Role } from '@shouwang/domain';

export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  areaCode: string;
  departmentCode: string | null;
}

export interface RequestContext {
  user: AuthUser | null;
  clientIp: string;
}

export interface AuthedContext extends RequestContext {
  user: AuthUser;
}
