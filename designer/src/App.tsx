// The studio: who is signed in (an administrator, or the way back to sign in), the working copy
// loaded once, and the screen for the address.
import { lazy, Suspense, useEffect, useState } from 'react';
import { api, setCsrfToken } from './api/client';
import { EntityEditor } from './editors/EntityEditor';
import { EntityList } from './editors/EntityList';
import { loadStudio, StudioProvider } from './draft/draft-store';
import { I18nProvider, useI18n } from './i18n/i18n';
import { RolesPage } from './people/RolesPage';
import { TeamsPage } from './people/TeamsPage';
import { UsersPage } from './people/UsersPage';
import { PermissionsPage } from './permissions/PermissionsPage';
import { LayoutEditor } from './layouts/LayoutEditor';
import { LayoutList } from './layouts/LayoutList';
import { ChangesPage } from './publish/ChangesPage';
import { VersionsPage } from './publish/VersionsPage';
import { RouterProvider, useLocation } from './shell/router';
import { StudioShell } from './shell/StudioShell';
import { ProcessList, ProcessPage } from './processes/ProcessList';

// The canvas library is loaded with the diagram only — fetched while the studio is idle, so
// opening the diagram does not wait for it.
const loadDiagram = () => import('./canvas/EntityDiagram');
const EntityDiagram = lazy(loadDiagram);
function prefetchDiagram(): void {
  const idle = (window as { requestIdleCallback?: (callback: () => void) => number }).requestIdleCallback;
  if (idle) idle(() => void loadDiagram());
  else window.setTimeout(() => void loadDiagram(), 2000);
}

type Loaded = Awaited<ReturnType<typeof loadStudio>>;
type SessionAnswer = { signedIn: false } | { signedIn: true; isAdmin: boolean; csrfToken?: string };
type State = { status: 'loading' } | { status: 'signedOut' } | { status: 'notAdmin' } | { status: 'ready'; loaded: Loaded } | { status: 'failed'; message: string };

function Screen({ onNotice }: { onNotice(message: string | null): void }) {
  const { path } = useLocation();
  const entity = /^\/entities\/([^/]+)$/.exec(path)?.[1];
  if (entity) return <EntityEditor key={entity} name={decodeURIComponent(entity)} />;
  const layout = /^\/layouts\/([^/]+)$/.exec(path)?.[1];
  if (layout) return <LayoutEditor key={layout} name={decodeURIComponent(layout)} />;
  if (path === '/layouts') return <LayoutList />;
  const process = /^\/processes\/([^/]+)$/.exec(path)?.[1];
  if (process) return <ProcessPage key={process} name={decodeURIComponent(process)} />;
  if (path === '/processes') return <ProcessList />;
  if (path === '/versions') return <VersionsPage onNotice={onNotice} />;
  if (path === '/diagram') {
    return (
      <Suspense fallback={<p className="muted">…</p>}>
        <EntityDiagram />
      </Suspense>
    );
  }
  if (path === '/changes') return <ChangesPage />;
  if (path === '/people' || path === '/people/users') return <UsersPage />;
  if (path === '/people/teams') return <TeamsPage />;
  if (path === '/people/roles') return <RolesPage />;
  if (path.split('?')[0] === '/permissions') return <PermissionsPage />;
  return <EntityList />;
}

function Studio() {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    void api.get<SessionAnswer>('/api/auth/session').then(
      async (session) => {
        if (!session.signedIn) return setState({ status: 'signedOut' });
        if (!session.isAdmin) return setState({ status: 'notAdmin' });
        setCsrfToken(session.csrfToken);
        setState({ status: 'ready', loaded: await loadStudio() });
        prefetchDiagram();
      },
      (error: unknown) => setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  }, []);
  if (state.status === 'loading') return <p className="page muted">{t('studio.loading')}</p>;
  if (state.status !== 'ready') {
    return (
      <main className="page page--narrow">
        <h1>{t('studio.name')}</h1>
        <p>{state.status === 'notAdmin' ? t('studio.notAdmin') : state.status === 'signedOut' ? t('studio.signedOut') : t('common.error', { message: state.message })}</p>
        <a className="button button--primary" href="/">
          {t('studio.signIn')}
        </a>
      </main>
    );
  }
  return (
    <StudioProvider initial={state.loaded}>
      <StudioShell notice={notice} onNotice={setNotice}>
        <Screen onNotice={setNotice} />
      </StudioShell>
    </StudioProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <Studio />
      </RouterProvider>
    </I18nProvider>
  );
}
