// The app: language, session, toasts and the router; the login page until someone is signed in.
import { useEffect } from 'react';
import { I18nProvider, useI18n } from '../i18n/i18n';
import { SessionProvider, useSession } from '../session/session';
import { LoginPage } from '../shell/LoginPage';
import { Shell } from '../shell/Shell';
import { Loading } from '../ui/feedback';
import { ToastProvider } from '../ui/toast';
import { findRoute } from './routes';
import { Link, RouterProvider, useLocation } from './router';

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="page">
      <h1>{t('app.notFound')}</h1>
      <Link href="/">{t('app.backHome')}</Link>
    </div>
  );
}

/** The studio is its own page, served to administrators: one who signed in here at /studio loads it. */
function isStudioPath(path: string): boolean {
  return path === '/studio' || path.startsWith('/studio/');
}

function Screens() {
  const { state } = useSession();
  const { path } = useLocation();
  const isStudioForAdmin = state.status === 'signedIn' && state.me.isAdmin && isStudioPath(path);
  useEffect(() => {
    if (isStudioForAdmin) window.location.reload();
  }, [isStudioForAdmin]);
  if (state.status === 'checking' || isStudioForAdmin) return <Loading />;
  if (state.status === 'signedOut') return <LoginPage expired={state.expired} />;
  const found = findRoute(path);
  return <Shell key={state.me.user.id}>{found ? found.route.render(found.params) : <NotFound />}</Shell>;
}

export function App() {
  return (
    <I18nProvider>
      <ToastProvider>
        <RouterProvider>
          <SessionProvider>
            <Screens />
          </SessionProvider>
        </RouterProvider>
      </ToastProvider>
    </I18nProvider>
  );
}
