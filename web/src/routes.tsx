/**
 * Every address of the app. Pages are React.lazy chunks so a submitter's phone never downloads the
 * admin pages; permission gates mirror the side navigation, and the server re-checks every call.
 */
import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth, RequirePermission } from './auth/RequireAuth.tsx';
import { PageLoading } from './components/PageLoading.tsx';
import { RouteError } from './components/RouteError.tsx';
// Static: RequirePermission shows it too, and it is a few hundred bytes.
import { ForbiddenPage } from './pages/ForbiddenPage.tsx';

// The frame of every signed-in page (menu, header, notification bell) is a chunk of its own too. The login
// page is no route here: it is a page of its own without React (web/login.html, decision 0020).
const AppLayout = lazy(() => import('./layout/AppLayout.tsx').then((m) => ({ default: m.AppLayout })));
const ChangePasswordPage = lazy(() => import('./pages/ChangePasswordPage.tsx'));
const SessionsPage = lazy(() => import('./pages/SessionsPage.tsx'));
const HomePage = lazy(() => import('./pages/HomePage.tsx'));
const OrganisationsPage = lazy(() => import('./pages/OrganisationsPage.tsx'));
const AccountsPage = lazy(() => import('./pages/AccountsPage.tsx'));
const AccountsImportPage = lazy(() => import('./pages/AccountsImportPage.tsx'));
const CampaignsPage = lazy(() => import('./pages/CampaignsPage.tsx'));
const CampaignDetailPage = lazy(() => import('./pages/CampaignDetailPage.tsx'));
const NominationPage = lazy(() => import('./pages/NominationPage.tsx'));
const PrintNominationPage = lazy(() => import('./pages/PrintNominationPage.tsx'));
const PrintCampaignPage = lazy(() => import('./pages/PrintCampaignPage.tsx'));
const WinnersPage = lazy(() => import('./pages/WinnersPage.tsx'));
const ActivitiesPage = lazy(() => import('./pages/ActivitiesPage.tsx'));
const WinnerActivitiesPage = lazy(() => import('./pages/WinnerActivitiesPage.tsx'));
const CalendarPage = lazy(() => import('./pages/CalendarPage.tsx'));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage.tsx'));
const MyReviewsPage = lazy(() => import('./pages/MyReviewsPage.tsx'));
const ReviewPage = lazy(() => import('./pages/ReviewPage.tsx'));
const RankingPage = lazy(() => import('./pages/RankingPage.tsx'));
const PrintScoreSheetPage = lazy(() => import('./pages/PrintScoreSheetPage.tsx'));
const ObjectionExplanationsPage = lazy(() => import('./pages/ObjectionExplanationsPage.tsx'));
// ECharts travels with this page's chunk only (issue 14): the login page stays small.
const StatisticsPage = lazy(() => import('./pages/StatisticsPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));
const ApprovalsPage = lazy(() => import('./components/results/ApprovalsPage.tsx'));

function gated(permission: string, page: ReactNode): ReactNode {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

/** Print views: A4 sheets alone on the page, without the side menu and header. */
function printView(page: ReactNode) {
  return {
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <Suspense fallback={<PageLoading />}>{gated('campaigns.view', page)}</Suspense>
      </RequireAuth>
    ),
  };
}

export const router = createBrowserRouter([
  { path: '/nominations/:id/print', ...printView(<PrintNominationPage />) },
  { path: '/campaigns/:id/print', ...printView(<PrintCampaignPage />) },
  { path: '/print/reviews/:roundId', ...printView(<PrintScoreSheetPage />) },
  {
    path: '/',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <Suspense fallback={<PageLoading />}>
          <AppLayout />
        </Suspense>
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'account/password', element: <ChangePasswordPage /> },
      { path: 'account/sessions', element: <SessionsPage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'objection-explanations', element: <ObjectionExplanationsPage /> },
      { path: 'organisations', element: gated('organisations.view', <OrganisationsPage />) },
      { path: 'accounts', element: gated('accounts.view', <AccountsPage />) },
      { path: 'accounts/import', element: gated('accounts.import', <AccountsImportPage />) },
      { path: 'campaigns', element: gated('campaigns.view', <CampaignsPage />) },
      { path: 'campaigns/:id', element: gated('campaigns.view', <CampaignDetailPage />) },
      { path: 'nominations/:id', element: gated('campaigns.view', <NominationPage />) },
      // Who may score or rank is the server's to say (pool, assignment, chair, conflicts); the pages show its answer.
      { path: 'reviews', element: <MyReviewsPage /> },
      { path: 'approvals', element: <ApprovalsPage /> },
      { path: 'reviews/:roundId/:nominationId', element: <ReviewPage /> },
      {
        path: 'campaigns/:campaignId/review/ranking',
        element: gated('campaigns.view', <RankingPage />),
      },
      { path: 'winners', element: gated('winners.manage', <WinnersPage />) },
      { path: 'activities', element: gated('campaigns.view', <ActivitiesPage />) },
      {
        path: 'activities/winners/:nominationId',
        element: gated('campaigns.view', <WinnerActivitiesPage />),
      },
      { path: 'calendar', element: gated('calendar.manage', <CalendarPage />) },
      { path: 'audit', element: gated('audit.view', <AuditPage />) },
      { path: 'statistics', element: gated('statistics.view', <StatisticsPage />) },
      { path: '403', element: <ForbiddenPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
