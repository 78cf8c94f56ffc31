import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { AppLayout } from './AppLayout';
import { FullPageSpin, HomeRedirect, NotFound, RequireAuth } from './guards';
import { guarded } from './guarded';
import { module as dataIn } from '../features/data-in/module';
import { module as comparison } from '../features/comparison/module';
import { module as warnings } from '../features/warnings/module';
import { module as selfReport } from '../features/self-report/module';
import { module as cases } from '../features/cases/module';
import { module as assistance } from '../features/assistance/module';
import { module as quality } from '../features/quality/module';

// Pages are loaded on demand: each becomes its own chunk.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const HouseholdListPage = lazy(() => import('../features/households/list/HouseholdListPage'));
const HouseholdDetailPage = lazy(() => import('../features/households/detail/HouseholdDetailPage'));
const HouseholdCreatePage = lazy(() => import('../features/households/form/HouseholdCreatePage'));
const HouseholdEditPage = lazy(() => import('../features/households/form/HouseholdEditPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
// "5+2" linkage
const LinkageDashboardPage = lazy(() => import('../features/linkage/dashboard/LinkageDashboardPage'));
const SelfChecksPage = lazy(() => import('../features/linkage/self-checks/SelfChecksPage'));
const SelfCheckDetailPage = lazy(() => import('../features/linkage/self-checks/SelfCheckDetailPage'));
const TownshipRankingsPage = lazy(() => import('../features/linkage/township-rankings/TownshipRankingsPage'));
const MeetingsPage = lazy(() => import('../features/linkage/meetings/MeetingsPage'));
const MeetingDetailPage = lazy(() => import('../features/linkage/meetings/MeetingDetailPage'));
const VerificationPage = lazy(() => import('../features/linkage/verification/VerificationPage'));
const ScoresPage = lazy(() => import('../features/linkage/scores/ScoresPage'));
const ScoreDetailPage = lazy(() => import('../features/linkage/scores/ScoreDetailPage'));
const RankingsPage = lazy(() => import('../features/linkage/rankings/RankingsPage'));
const RankingDetailPage = lazy(() => import('../features/linkage/rankings/RankingDetailPage'));
const NoticesPage = lazy(() => import('../features/linkage/notices/NoticesPage'));
const NoticeDetailPage = lazy(() => import('../features/linkage/notices/NoticeDetailPage'));
const SubmissionsPage = lazy(() => import('../features/linkage/submissions/SubmissionsPage'));
const PoliciesPage = lazy(() => import('../features/linkage/policies/PoliciesPage'));
const CoopCasesPage = lazy(() => import('../features/linkage/coop-cases/CoopCasesPage'));
const CoopCaseDetailPage = lazy(() => import('../features/linkage/coop-cases/CoopCaseDetailPage'));
const DepartmentsPage = lazy(() => import('../features/linkage/departments/DepartmentsPage'));
const LinkageSettingsPage = lazy(() => import('../features/linkage/settings/LinkageSettingsPage'));

const FEATURES = [dataIn, comparison, warnings, selfReport, cases, assistance, quality];

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <LoginPage />
      </Suspense>
    ),
  },
  ...FEATURES.flatMap((f) => (f.publicRoutes ?? []).map((r) => ({ ...r, element: <Suspense fallback={<FullPageSpin />}>{r.element}</Suspense> }))),
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'households', element: guarded('household:read', <HouseholdListPage />) },
      { path: 'households/new', element: guarded('household:create', <HouseholdCreatePage />) },
      { path: 'households/:id', element: guarded('household:read', <HouseholdDetailPage />) },
      { path: 'households/:id/edit', element: guarded('household:update', <HouseholdEditPage />) },
      { path: 'users', element: guarded('user:manage', <UsersPage />) },
      { path: 'audit', element: guarded('audit_log:read', <AuditPage />) },
      { path: 'linkage', element: guarded('score:read', <LinkageDashboardPage />) },
      { path: 'linkage/self-checks', element: guarded('self_check:read', <SelfChecksPage />) },
      { path: 'linkage/self-checks/:id', element: guarded('self_check:read', <SelfCheckDetailPage />) },
      { path: 'linkage/township-rankings', element: guarded('self_check:read', <TownshipRankingsPage />) },
      { path: 'linkage/meetings', element: guarded('meeting:read', <MeetingsPage />) },
      { path: 'linkage/meetings/:id', element: guarded('meeting:read', <MeetingDetailPage />) },
      { path: 'linkage/verification', element: guarded('verification:read', <VerificationPage />) },
      { path: 'linkage/scores', element: guarded('score:read', <ScoresPage />) },
      { path: 'linkage/scores/:departmentCode', element: guarded('score:read', <ScoreDetailPage />) },
      { path: 'linkage/rankings', element: guarded('ranking:read', <RankingsPage />) },
      { path: 'linkage/rankings/:id', element: guarded('ranking:read', <RankingDetailPage />) },
      { path: 'linkage/notices', element: guarded('notice:read', <NoticesPage />) },
      { path: 'linkage/notices/:id', element: guarded('notice:read', <NoticeDetailPage />) },
      { path: 'linkage/submissions', element: guarded('score:read', <SubmissionsPage />) },
      { path: 'linkage/policies', element: guarded('policy_doc:read', <PoliciesPage />) },
      { path: 'linkage/coop-cases', element: guarded('coop_case:read', <CoopCasesPage />) },
      { path: 'linkage/coop-cases/:id', element: guarded('coop_case:read', <CoopCaseDetailPage />) },
      { path: 'linkage/departments', element: guarded('department:read', <DepartmentsPage />) },
      { path: 'linkage/settings', element: guarded('score:manage', <LinkageSettingsPage />) },
      ...FEATURES.flatMap((f) => f.routes),
      { path: '*', element: <NotFound /> },
    ],
  },
]);
