/**
 * Gate for every page behind login. Sends visitors without a session to /login (remembering where they
 * were going) and keeps an account with a temporary password on /account/password until it is changed.
 */
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageLoading } from '../components/PageLoading.tsx';
import { ServerUnavailable } from '../components/ServerUnavailable.tsx';
import { ForbiddenPage } from '../pages/ForbiddenPage.tsx';
import { useMe } from './useMe.ts';

export const PASSWORD_PATH = '/account/password';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, isError, refetch } = useMe();
  const location = useLocation();

  if (isPending) return <PageLoading />;
  if (isError) return <ServerUnavailable onRetry={() => refetch()} />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.mustChangePassword && location.pathname !== PASSWORD_PATH) {
    return <Navigate to={PASSWORD_PATH} replace />;
  }
  return children;
}

/** Shows the page only when the caller holds the permission; the server checks again on every call. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { data: me } = useMe();
  if (!me?.permissions.includes(permission)) return <ForbiddenPage />;
  return children;
}
