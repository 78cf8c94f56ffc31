import { lazy } from 'react';
import { FileSearchOutlined } from '@ant-design/icons';
import { GROUP_EARLY_WARNING, type FeatureModule } from '../../app/feature-module';
import { guarded } from '../../app/guarded';

const ComparisonRunsPage = lazy(() => import('./ComparisonRunsPage'));
const ComparisonUploadPage = lazy(() => import('./ComparisonUploadPage'));
const ComparisonRunDetailPage = lazy(() => import('./ComparisonRunDetailPage'));
const ComparisonRulesPage = lazy(() => import('./ComparisonRulesPage'));

export const module: FeatureModule = {
  routes: [
    { path: 'comparison', element: guarded('comparison_run:read', <ComparisonRunsPage />) },
    { path: 'comparison/upload', element: guarded('comparison_run:submit', <ComparisonUploadPage />) },
    { path: 'comparison/runs/:id', element: guarded('comparison_run:read', <ComparisonRunDetailPage />) },
    { path: 'comparison/rules', element: guarded('comparison_rule:read', <ComparisonRulesPage />) },
  ],
  menu: [
    { path: '/comparison', label: '信息比对', icon: <FileSearchOutlined />, permission: 'comparison_run:read', group: GROUP_EARLY_WARNING },
    { path: '/comparison/upload', label: '上传比对数据', icon: <FileSearchOutlined />, permission: 'comparison_run:submit', group: GROUP_EARLY_WARNING },
    { path: '/comparison/rules', label: '比对规则', icon: <FileSearchOutlined />, permission: 'comparison_rule:read', group: GROUP_EARLY_WARNING },
  ],
};
