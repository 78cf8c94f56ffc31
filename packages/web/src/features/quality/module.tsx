import { BarChartOutlined, CalendarOutlined, ExperimentOutlined, SafetyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { GROUP_ASSISTANCE, type FeatureModule } from '../../app/feature-module';
import { guarded } from '../../app/guarded';

const TasksPage = lazy(() => import('./TasksPage'));
const QualityPage = lazy(() => import('./QualityPage'));
const SimulationPage = lazy(() => import('./SimulationPage'));
const FiguresPage = lazy(() => import('./FiguresPage'));

export const module: FeatureModule = {
  routes: [
    { path: 'followup-tasks', element: guarded('followup_task:read', <TasksPage />) },
    { path: 'quality', element: guarded('quality_check:read', <QualityPage />) },
    { path: 'simulation', element: guarded('simulation:read', <SimulationPage />) },
    { path: 'monitoring-figures', element: guarded('monitoring_case:read', <FiguresPage />) },
  ],
  menu: [
    { path: '/followup-tasks', label: '月度任务', icon: <CalendarOutlined />, permission: 'followup_task:read', group: GROUP_ASSISTANCE },
    { path: '/quality', label: '数据质量', icon: <SafetyOutlined />, permission: 'quality_check:read', group: GROUP_ASSISTANCE },
    { path: '/simulation', label: '监测线模拟', icon: <ExperimentOutlined />, permission: 'simulation:read', group: GROUP_ASSISTANCE },
    { path: '/monitoring-figures', label: '监测统计', icon: <BarChartOutlined />, permission: 'monitoring_case:read', group: GROUP_ASSISTANCE },
  ],
};
