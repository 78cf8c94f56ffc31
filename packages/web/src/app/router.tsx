import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { AppLayout } from './AppLayout';
import { FullPageSpin, HomeRedirect, NotFound, RequireAuth, RequirePermission } from './guards';
import type { Permission } from './permissions';

// Pages are loaded on demand: each becomes its own chunk.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const HouseholdListPage = lazy(() => import('../features/households/list/HouseholdListPage'));
const HouseholdDetailPage = lazy(() => import('../features/households/detail/HouseholdDetailPage'));
const HouseholdCreatePage = lazy(() => import('../features/households/form/HouseholdCreatePage'));
const HouseholdEditPage = lazy(() => import('../features/households/form/HouseholdEditPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));

function guarded(permission: Permission, page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <LoginPage />
      </Suspense>
    ),
  },
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
      { path: '*', element: <NotFound /> },
    ],
  },
]);
