import { lazy } from 'react';
import { AlertOutlined } from '@ant-design/icons';
import { GROUP_EARLY_WARNING, type FeatureModule } from '../../app/feature-module';
import { guarded } from '../../app/guarded';

const WarningsPage = lazy(() => import('./WarningsPage'));
const WarningDetailPage = lazy(() => import('./WarningDetailPage'));
const WarningPushPage = lazy(() => import('./WarningPushPage'));
const WarningFiguresPage = lazy(() => import('./WarningFiguresPage'));
const WarningSettingsPage = lazy(() => import('./WarningSettingsPage'));

/** The county office's settings permission (policy: warning.manage). */
const WARNING_MANAGE = 'warning:manage';

export const module: FeatureModule = {
  routes: [
    { path: 'warnings', element: guarded('warning:read', <WarningsPage />) },
    { path: 'warnings/new', element: guarded('warning:create', <WarningPushPage />) },
    { path: 'warnings/figures', element: guarded('warning:read', <WarningFiguresPage />) },
    { path: 'warnings/settings', element: guarded(WARNING_MANAGE, <WarningSettingsPage />) },
    { path: 'warnings/:id', element: guarded('warning:read', <WarningDetailPage />) },
  ],
  menu: [
    { path: '/warnings', label: '预警线索', icon: <AlertOutlined />, permission: 'warning:read', group: GROUP_EARLY_WARNING },
    { path: '/warnings/new', label: '信息预警', icon: <AlertOutlined />, permission: 'warning:create', group: GROUP_EARLY_WARNING },
    { path: '/warnings/figures', label: '预警统计', icon: <AlertOutlined />, permission: 'warning:read', group: GROUP_EARLY_WARNING },
  ],
};
