// Where other parts of the app plug into the shell (boards, dashboards, notifications live in
// their own folders and are listed here): extra routes, extra navigation entries and widgets in
// the top bar. The shell reads these lists; it knows nothing else about them.
import { lazy, Suspense, type ReactNode } from 'react';
import { boardNav } from '../board/board-nav';
import { BoardPage } from '../board/BoardPage';
import { BoardsPage } from '../board/BoardsPage';
import { dashboardNav } from '../dashboard/dashboard-nav';
import { InboxPage } from '../notifications/InboxPage';
import { NotificationBell } from '../notifications/NotificationBell';
import { notificationsNav } from '../notifications/notifications-nav';
import { Loading } from '../ui/feedback';
import type { AppRoute, HeaderWidget, NavContributor } from './app-types';

// The dashboards carry the chart library: loaded when first opened, not with every screen.
const DashboardPage = lazy(async () => ({ default: (await import('../dashboard/DashboardPage')).DashboardPage }));
const ReportPage = lazy(async () => ({ default: (await import('../dashboard/ReportPage')).ReportPage }));
const later = (page: ReactNode) => <Suspense fallback={<div className="page"><Loading /></div>}>{page}</Suspense>;

export const extraRoutes: AppRoute[] = [
  { pattern: '/boards', render: () => <BoardsPage /> },
  { pattern: '/boards/:name', render: ({ name = '' }) => <BoardPage key={name} name={name} /> },
  { pattern: '/dashboards', render: () => later(<DashboardPage />) },
  { pattern: '/dashboards/:name', render: ({ name = '' }) => later(<ReportPage key={name} name={name} />) },
  { pattern: '/notifications', render: () => <InboxPage /> },
];

export const extraNav: NavContributor[] = [boardNav, dashboardNav, notificationsNav];

export const headerWidgets: HeaderWidget[] = [NotificationBell];
