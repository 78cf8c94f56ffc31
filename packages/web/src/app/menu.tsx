import { ApartmentOutlined, AuditOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Me } from '../api/types';
import { hasPermission, type Permission } from './permissions';
import { module as dataIn } from '../features/data-in/module';
import { module as comparison } from '../features/comparison/module';
import { module as warnings } from '../features/warnings/module';
import { module as selfReport } from '../features/self-report/module';
import { module as cases } from '../features/cases/module';
import { module as assistance } from '../features/assistance/module';
import { module as quality } from '../features/quality/module';

export interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  permission: Permission;
  /** Menu group heading; entries without one stand at the top level. */
  group?: string;
}

const LINKAGE = '"5+2"联动';

/** Every page of the side menu; an entry shows only when the user holds its permission. */
export const MENU: MenuEntry[] = [
  { path: '/households', label: '户籍台账', icon: <HomeOutlined />, permission: 'household:read' },
  ...[dataIn, comparison, warnings, selfReport, cases, assistance, quality].flatMap((f) => f.menu),
  { path: '/users', label: '用户管理', icon: <TeamOutlined />, permission: 'user:manage' },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit_log:read' },
  { path: '/linkage', label: '联动总览', icon: <ApartmentOutlined />, permission: 'score:read', group: LINKAGE },
  { path: '/linkage/self-checks', label: '月度自查', icon: <ApartmentOutlined />, permission: 'self_check:read', group: LINKAGE },
  { path: '/linkage/township-rankings', label: '乡镇评分排名', icon: <ApartmentOutlined />, permission: 'self_check:read', group: LINKAGE },
  { path: '/linkage/meetings', label: '例会小结', icon: <ApartmentOutlined />, permission: 'meeting:read', group: LINKAGE },
  { path: '/linkage/verification', label: '核查暗访', icon: <ApartmentOutlined />, permission: 'verification:read', group: LINKAGE },
  { path: '/linkage/scores', label: '季度评分', icon: <ApartmentOutlined />, permission: 'score:read', group: LINKAGE },
  { path: '/linkage/rankings', label: '排序', icon: <ApartmentOutlined />, permission: 'ranking:read', group: LINKAGE },
  { path: '/linkage/notices', label: '季度通报', icon: <ApartmentOutlined />, permission: 'notice:read', group: LINKAGE },
  { path: '/linkage/submissions', label: '资料报送', icon: <ApartmentOutlined />, permission: 'score:read', group: LINKAGE },
  { path: '/linkage/policies', label: '政策共享', icon: <ApartmentOutlined />, permission: 'policy_doc:read', group: LINKAGE },
  { path: '/linkage/coop-cases', label: '协同处置', icon: <ApartmentOutlined />, permission: 'coop_case:read', group: LINKAGE },
  { path: '/linkage/departments', label: '成员部门', icon: <ApartmentOutlined />, permission: 'department:read', group: LINKAGE },
  { path: '/linkage/settings', label: '联动设置', icon: <ApartmentOutlined />, permission: 'score:manage', group: LINKAGE },
];

export function menuFor(user: Me | null): MenuEntry[] {
  return MENU.filter((m) => hasPermission(user, m.permission));
}

/** Whether `path` lies in a menu area the user may open (e.g. the page an expired session was on). */
export function mayOpen(user: Me | null, path: string): boolean {
  const entry = menuEntryFor(MENU, path);
  return !!entry && hasPermission(user, entry.permission);
}

/** Where a user lands after login: the first page they may open. */
export function homePathFor(user: Me | null): string | null {
  return menuFor(user)[0]?.path ?? null;
}

/** The menu entry a path belongs to: the longest entry path that is the path itself or a prefix of it. */
export function menuEntryFor(entries: MenuEntry[], path: string): MenuEntry | undefined {
  return entries
    .filter((m) => path === m.path || path.startsWith(`${m.path}/`) || path.startsWith(`${m.path}?`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
