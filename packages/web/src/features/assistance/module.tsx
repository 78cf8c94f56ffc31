import { CalendarOutlined, ContactsOutlined, EnvironmentOutlined, ProfileOutlined, WarningOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { GROUP_ASSISTANCE, type FeatureModule } from '../../app/feature-module';
import { guarded } from '../../app/guarded';

const HelpersPage = lazy(() => import('./HelpersPage'));
const PlansPage = lazy(() => import('./PlansPage'));
const PlanPage = lazy(() => import('./PlanPage'));
const VisitsPage = lazy(() => import('./VisitsPage'));
const VisitFormPage = lazy(() => import('./VisitFormPage'));
const HelpDayCalendarPage = lazy(() => import('./HelpDayCalendarPage'));
const UnvisitedPage = lazy(() => import('./UnvisitedPage'));

export const module: FeatureModule = {
  routes: [
    { path: 'assistance/helpers', element: guarded('helper_registry:read', <HelpersPage />) },
    { path: 'assistance/plans', element: guarded('help_plan:read', <PlansPage />) },
    { path: 'assistance/plans/:id', element: guarded('help_plan:read', <PlanPage />) },
    { path: 'assistance/visits', element: guarded('visit:read', <VisitsPage />) },
    { path: 'assistance/visits/new', element: guarded('visit:create', <VisitFormPage />) },
    { path: 'assistance/help-days', element: guarded('visit:read', <HelpDayCalendarPage />) },
    { path: 'assistance/unvisited', element: guarded('visit:read', <UnvisitedPage />) },
  ],
  menu: [
    { path: '/assistance/helpers', label: '帮扶责任人', icon: <ContactsOutlined />, permission: 'helper_registry:read', group: GROUP_ASSISTANCE },
    { path: '/assistance/plans', label: '帮扶计划', icon: <ProfileOutlined />, permission: 'help_plan:read', group: GROUP_ASSISTANCE },
    { path: '/assistance/visits', label: '走访记录', icon: <EnvironmentOutlined />, permission: 'visit:read', group: GROUP_ASSISTANCE },
    { path: '/assistance/help-days', label: '帮扶日', icon: <CalendarOutlined />, permission: 'visit:read', group: GROUP_ASSISTANCE },
    { path: '/assistance/unvisited', label: '未走访户', icon: <WarningOutlined />, permission: 'visit:read', group: GROUP_ASSISTANCE },
  ],
};
