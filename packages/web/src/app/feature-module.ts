/**
 * What a feature contributes to the app shell: its pages (child routes of the signed-in layout), its menu entries
 * and any public pages (no login, e.g. the 一码通 self-report page). router.tsx and menu.tsx collect them.
 */
import type { RouteObject } from 'react-router-dom';
import type { MenuEntry } from './menu';

export interface FeatureModule {
  /** Child routes under the signed-in layout; paths without a leading slash (e.g. 'warnings/:id'). */
  routes: RouteObject[];
  menu: MenuEntry[];
  /** Top-level routes outside the signed-in layout (rendered without the menu; must not need a session). */
  publicRoutes?: RouteObject[];
}

/** Menu groups of the feature modules (kept here, not in menu.tsx, which imports the modules). */
export const GROUP_EARLY_WARNING = '早发现';
export const GROUP_ASSISTANCE = '监测帮扶';
