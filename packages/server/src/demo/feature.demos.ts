/**
 * Demo data of the early-warning and monitoring features, loaded on the first start after the registry and the
 * "5+2" demo. Each feature contributes one loader; loaders run in this order (later ones may use earlier data:
 * warnings before cases, cases before plans and visits). Each returns a one-line Chinese summary for the console.
 */
import type { Db } from '../db/db.js';
import type { Clock } from '../clock.js';

export interface FeatureDemoContext {
  countyCode: string;
  clock: Clock;
  services: import('../services.js').Services;
}

export type FeatureDemoLoader = (db: Db, o: FeatureDemoContext) => Promise<string | null>;

/** Filled in by the features (imports/roster, comparison, warnings, self-report + screening, cases, assistance, quality). */
export const FEATURE_DEMOS: { name: string; load: FeatureDemoLoader }[] = [
  { name: 'comparison', load: (db, o) => import('./comparison.demo.js').then((m) => m.loadComparisonDemo(db, o)) },
  { name: 'warnings', load: (db, o) => import('./warnings.demo.js').then((m) => m.loadWarningsDemo(db, o)) },
  { name: 'outreach', load: (db, o) => import('./outreach.demo.js').then((m) => m.loadOutreachDemo(db, o)) },
  { name: 'cases', load: (db, o) => import('./cases.demo.js').then((m) => m.loadCasesDemo(db, o)) },
  { name: 'assistance', load: (db, o) => import('./assistance.demo.js').then((m) => m.loadAssistanceDemo(db, o)) },
  // keep last: it reads the cases, plans and measures of the loaders above
  { name: 'quality', load: (db, o) => import('./quality.demo.js').then((m) => m.loadQualityDemo(db, o)) },
];
