import { lazy } from 'react';
import { CloudUploadOutlined, IdcardOutlined } from '@ant-design/icons';
import { GROUP_EARLY_WARNING, type FeatureModule } from '../../app/feature-module';
import { guarded } from '../../app/guarded';

const ImportExportPage = lazy(() => import('./ImportExportPage'));
const RosterPage = lazy(() => import('./RosterPage'));

export const module: FeatureModule = {
  routes: [
    { path: 'data-in', element: guarded('import_job:read', <ImportExportPage />) },
    { path: 'data-in/roster', element: guarded('roster:read', <RosterPage />) },
  ],
  menu: [
    { path: '/data-in', label: '导入导出', icon: <CloudUploadOutlined />, permission: 'import_job:read', group: GROUP_EARLY_WARNING },
    { path: '/data-in/roster', label: '人口底册', icon: <IdcardOutlined />, permission: 'roster:read', group: GROUP_EARLY_WARNING },
  ],
};
