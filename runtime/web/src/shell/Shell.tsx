// The frame around every signed-in screen: a skip link, the top bar (brand, widgets, language,
// user, sign out), the side navigation generated from metadata, and the main landmark.
import { useMemo, type ReactNode } from 'react';
import { useAsync } from '../api/use-async';
import { headerWidgets } from '../app/extensions';
import { Link, useLocation } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { metadata } from '../metadata/metadata';
import { useMe, useSession } from '../session/session';
import { LanguageSwitch } from './LanguageSwitch';
import { navigationItems } from './navigation';
import { EntityIcon } from '../ui/EntityIcon';

function isCurrent(href: string, path: string): boolean {
  const base = href.split('?')[0] ?? href;
  return path === base || (base !== '/' && path.startsWith(`${base}/`));
}

export function Shell({ children }: { children: ReactNode }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const { logout } = useSession();
  const { path } = useLocation();
  const nav = useAsync(async () => {
    const [entities, layouts, reports] = await Promise.all([metadata.entities(), metadata.layouts(), metadata.reports().catch(() => [])]);
    return { entities, layouts, reports };
  }, [me.user.id]);
  const items = useMemo(() => (nav.data ? navigationItems({ me, ...nav.data, i18n }) : []), [nav.data, me, i18n]);
  const groups = [
    { name: 'records', label: t('app.records') },
    { name: 'insights', label: t('app.insights') },
  ] as const;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link href="/" className="topbar__brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>{t('app.name')}</span>
        </Link>
        <div className="topbar__tools">
          {headerWidgets.map((Widget, index) => (
            <Widget key={index} />
          ))}
          <LanguageSwitch />
          {me.isAdmin && (
            <a className="button button--quiet" href="/studio">
              {t('app.studio')}
            </a>
          )}
          <span className="topbar__user" title={me.user.username}>
            <span className="avatar" aria-hidden="true">
              {(me.user.displayName ?? me.user.username).slice(0, 1).toUpperCase()}
            </span>
            <span className="topbar__user-name">{me.user.displayName ?? me.user.username}</span>
          </span>
          <button type="button" className="button button--quiet" onClick={() => void logout()}>
            {t('app.signOut')}
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label={t('app.mainNav')}>
        <Link href="/" className="sidenav__link" aria-current={path === '/' ? 'page' : undefined}>
          {t('app.home')}
        </Link>
        {groups.map((group) => {
          const entries = items.filter((item) => item.group === group.name);
          if (entries.length === 0) return null;
          return (
            <div key={group.name} className="sidenav__group">
              <h2 className="sidenav__heading">{group.label}</h2>
              <ul>
                {entries.map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} className="sidenav__link" aria-current={isCurrent(item.href, path) ? 'page' : undefined}>
                      {item.icon ? <EntityIcon name={item.icon} color={item.color} className="sidenav__icon" /> : item.color && <span className="sidenav__dot" style={{ background: item.color }} aria-hidden="true" />}
                      <span>{item.label}</span>
                      {item.badge && <span className="sidenav__badge">{item.badge}</span>}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
