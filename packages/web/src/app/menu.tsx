import { AuditOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Me } from '../api/types';
import { hasPermission, type Permission } from './permissions';

export interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  permission: Permission;
}

/** Every page of the side menu; an entry shows only when the user holds its permission. */
export const MENU: MenuEntry[] = [
  { path: '/households', label: '户籍台账', icon: <HomeOutlined />, permission: 'household:read' },
  { path: '/users', label: '用户管理', icon: <TeamOutlined />, permission: 'user:manage' },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit_log:read' },
];

export function menuFor(user: Me | null): MenuEntry[] {
  return MENU.filter((m) => hasPermission(user, m.permission));
}

/** Whether `path` lies in a menu area the user may open (e.g. the page an expired session was on). */
export function mayOpen(user: Me | null, path: string): boolean {
  const entry = MENU.find((m) => path === m.path || path.startsWith(`${m.path}/`) || path.startsWith(`${m.path}?`));
  return !!entry && hasPermission(user, entry.permission);
}

/** Where a user lands after login: the first page they may open. */
export function homePathFor(user: Me | null): string | null {
  return menuFor(user)[0]?.path ?? null;
}
