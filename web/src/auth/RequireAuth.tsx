/**
 * Gate for every page behind login. Sends visitors without a session to /login (remembering where they
 * were going) and keeps an account with a temporary password on /account/password until it is changed.
 * The login page is a page of its own, not a route of the app (decision 0020): it is reached with a full
 * page load, and the loading view stays until the browser has left.
 */
import { type ReactNode, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageLoading } from '../components/PageLoading.tsx';
import { ServerUnavailable } from '../components/ServerUnavailable.tsx';
import { ForbiddenPage } from '../pages/ForbiddenPage.tsx';
import { goToLogin, PASSWORD_PATH } from './paths.ts';
import { useMe } from './useMe.ts';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, isError, refetch } = useMe();
  const location = useLocation();
  const signedOut = !isPending && !isError && !me;
  const next = location.pathname + location.search;
  useEffect(() => {
    if (signedOut) goToLogin(next);
  }, [signedOut, next]);

  if (isPending) return <PageLoading />;
  if (isError) return <ServerUnavailable onRetry={() => refetch()} />;
  // On the way to the login page (the effect above).
  if (!me) return <PageLoading />;
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
