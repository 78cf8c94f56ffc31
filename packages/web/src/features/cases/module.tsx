import { AlertOutlined, FileTextOutlined, SafetyCertificateOutlined, SettingOutlined, UserAddOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { GROUP_ASSISTANCE, type FeatureModule } from '../../app/feature-module';
import { guarded } from '../../app/guarded';

const CasesListPage = lazy(() => import('./CasesListPage'));
const CaseDetailPage = lazy(() => import('./CaseDetailPage'));
const NoticesPage = lazy(() => import('./NoticesPage'));
const OverduePage = lazy(() => import('./OverduePage'));
const CaseSettingsPage = lazy(() => import('./CaseSettingsPage'));

/** monitoring_case:manage: the county office (settings, rollback). */
const MANAGE = 'monitoring_case:manage';

export const module: FeatureModule = {
  routes: [
    { path: 'cases/identification', element: guarded('monitoring_case:read', <CasesListPage key="identification" kind="identification" />) },
    { path: 'cases/elimination', element: guarded('monitoring_case:read', <CasesListPage key="elimination" kind="elimination" />) },
    { path: 'cases/notices', element: guarded('monitoring_case:read', <NoticesPage />) },
    { path: 'cases/overdue', element: guarded('monitoring_case:read', <OverduePage />) },
    { path: 'cases/settings', element: guarded(MANAGE, <CaseSettingsPage />) },
    { path: 'cases/:id', element: guarded('monitoring_case:read', <CaseDetailPage />) },
  ],
  menu: [
    { path: '/cases/identification', label: '识别纳入', icon: <UserAddOutlined />, permission: 'monitoring_case:read', group: GROUP_ASSISTANCE },
    { path: '/cases/elimination', label: '风险消除', icon: <SafetyCertificateOutlined />, permission: 'monitoring_case:read', group: GROUP_ASSISTANCE },
    { path: '/cases/notices', label: '公示公告', icon: <FileTextOutlined />, permission: 'monitoring_case:read', group: GROUP_ASSISTANCE },
    { path: '/cases/overdue', label: '逾期预警', icon: <AlertOutlined />, permission: 'monitoring_case:read', group: GROUP_ASSISTANCE },
    { path: '/cases/settings', label: '办理时限设置', icon: <SettingOutlined />, permission: MANAGE, group: GROUP_ASSISTANCE },
  ],
};
