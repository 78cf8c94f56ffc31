import { FileSearchOutlined, QrcodeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { FeatureModule } from '../../app/feature-module';
import { GROUP_EARLY_WARNING } from '../../app/feature-module';
import { guarded } from '../../app/guarded';

const PublicSelfReportPage = lazy(() => import('./PublicSelfReportPage'));
const SelfReportsPage = lazy(() => import('./SelfReportsPage'));
const HouseholdCardPage = lazy(() => import('./HouseholdCardPage').then((m) => ({ default: m.HouseholdCardPage })));
const VillageCardsPage = lazy(() => import('./HouseholdCardPage').then((m) => ({ default: m.VillageCardsPage })));
const ScreeningRoundsPage = lazy(() => import('./ScreeningRoundsPage'));
const ScreeningRoundPage = lazy(() => import('./ScreeningRoundPage'));
const ScreeningVillagePage = lazy(() => import('./ScreeningVillagePage'));

export const module: FeatureModule = {
  routes: [
    { path: 'self-reports', element: guarded('screening:read', <SelfReportsPage />) },
    { path: 'households/:id/card', element: guarded('household:read', <HouseholdCardPage />) },
    { path: 'household-cards', element: guarded('household:read', <VillageCardsPage />) },
    { path: 'screening', element: guarded('screening:read', <ScreeningRoundsPage />) },
    { path: 'screening/:id', element: guarded('screening:read', <ScreeningRoundPage />) },
    { path: 'screening/:id/villages/:village', element: guarded('screening:read', <ScreeningVillagePage />) },
  ],
  menu: [
    { path: '/self-reports', label: '农户申报', icon: <QrcodeOutlined />, permission: 'screening:read', group: GROUP_EARLY_WARNING },
    { path: '/screening', label: '村级排查', icon: <FileSearchOutlined />, permission: 'screening:read', group: GROUP_EARLY_WARNING },
    { path: '/household-cards', label: '一码通明白纸', icon: <QrcodeOutlined />, permission: 'household:read', group: GROUP_EARLY_WARNING },
  ],
  publicRoutes: [{ path: '/r/:code', element: <PublicSelfReportPage /> }],
};
