// The frame of the People screens: the links between users, teams and roles, the page title, the
// reminder that these are records (changes apply at once, nothing to publish), the outcome of the
// last change, and the loaded users, teams and roles for the screen's own content.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import '../styles/people.css';
import { Link, useLocation } from '../shell/router';
import type { People, PeopleState } from './use-people';

export const PEOPLE_SCREENS = [
  { href: '/people/users', key: 'users.title' },
  { href: '/people/teams', key: 'teams.title' },
  { href: '/people/roles', key: 'roles.title' },
] as const;

interface FrameProps {
  title: string;
  intro: string;
  state: PeopleState;
  notice: { text: string; isError: boolean } | null;
  onDismiss(): void;
  action?: ReactNode;
  children(people: People): ReactNode;
}

export function PeopleFrame({ title, intro, state, notice, onDismiss, action, children }: FrameProps) {
  const { t } = useI18n();
  const { path } = useLocation();
  return (
    <div className="page">
      <nav className="tabs" aria-label={t('people.nav')}>
        {PEOPLE_SCREENS.map((screen) => (
          <Link key={screen.href} href={screen.href} aria-current={path === screen.href ? 'page' : undefined}>
            {t(screen.key)}
          </Link>
        ))}
      </nav>
      <div className="page__header">
        <div>
          <h1>{title}</h1>
          <p className="page__intro">{intro}</p>
        </div>
        {action}
      </div>
      <p className="alert alert--info">{t('people.appliesAtOnce')}</p>
      {notice && (
        <div className={notice.isError ? 'alert alert--danger' : 'alert alert--success'} role={notice.isError ? 'alert' : 'status'}>
          <p>{notice.text}</p>
          <button type="button" className="button button--small" onClick={onDismiss}>
            {t('field.close')}
          </button>
        </div>
      )}
      {state.status === 'loading' && <p className="muted">{t('studio.loading')}</p>}
      {state.status === 'failed' && (
        <p className="alert alert--danger" role="alert">
          {t('common.error', { message: state.message })}
        </p>
      )}
      {state.status === 'ready' && children(state.people)}
    </div>
  );
}
