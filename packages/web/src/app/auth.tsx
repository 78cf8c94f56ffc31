/** Who is logged in: /api/auth/me through TanStack Query, shared with the whole app through a context. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthorized } from '../api/client';
import type { Me } from '../api/types';
import { hasPermission, type Permission } from './permissions';

import { setServerToday } from '../lib/today';

export const ME_KEY = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const { user } = await api<{ user: Me }>('/auth/me', { quiet401: true });
    setServerToday(user.today);
    return user;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

interface AuthState {
  user: Me | null;
  loading: boolean;
  error: unknown;
  /** Why the user is signed out: a deliberate logout does not bring the next user back to the last page. */
  signedOutBy: 'logout' | 'expired' | null;
  can: (permission: Permission) => boolean;
  /**
   * Drop every cached answer but /auth/me. The login page calls it once the pages showing the last user's
   * data have unmounted (dropping it under a mounted page would only make that page fetch again).
   */
  forgetData: () => void;
  /** Store the user returned by a successful login. */
  signedIn: (user: Me) => void;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
  const [signedOutBy, setSignedOutBy] = useState<AuthState['signedOutBy']>(null);

  const signedOut = useCallback(
    (by: 'logout' | 'expired') => {
      setSignedOutBy(by);
      queryClient.setQueryData(ME_KEY, null);
    },
    [queryClient],
  );

  // Any 401 from any call means the session is gone: forget the user, RequireAuth sends to /login.
  useEffect(() => onUnauthorized(() => signedOut('expired')), [signedOut]);

  const value = useMemo<AuthState>(() => {
    const user = me.data ?? null;
    return {
      user,
      loading: me.isPending,
      error: me.error,
      signedOutBy,
      can: (permission) => hasPermission(user, permission),
      forgetData: () => queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] }),
      signedIn: (u) => {
        setServerToday(u.today);
        setSignedOutBy(null);
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
        queryClient.setQueryData(ME_KEY, u);
      },
      logout: async () => {
        try {
          await api<void>('/auth/logout', { method: 'POST', quiet401: true });
        } finally {
          signedOut('logout');
        }
      },
    };
  }, [me.data, me.isPending, me.error, signedOutBy, queryClient, signedOut]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}
