// The studio's frame: a skip link, the top bar (name, draft status with undo / redo, Publish,
// language, the way back to the app, sign out), the section navigation and the main landmark.
// Publishing is offered only while the draft has changes and no problems.
import { useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { useStudio } from '../draft/draft-store';
import { useI18n, type StudioLocale } from '../i18n/i18n';
import { PublishDialog } from '../publish/PublishDialog';
import { Link, useLocation } from './router';

function DraftStatus() {
  const { t, time } = useI18n();
  const { save, takenOver } = useStudio();
  const text =
    save.status === 'clean' ? t('draft.clean') : save.status === 'pending' || save.status === 'saving' ? t('draft.saving') : save.status === 'saved' ? t('draft.savedBy', { author: save.author, time: time(save.at) }) : t('draft.error', { message: save.message });
  return (
    <span className={save.status === 'error' ? 'draft-status draft-status--error' : 'draft-status'} role="status" aria-live="polite">
      {takenOver ? t('draft.otherAuthor', { author: takenOver.author, time: time(takenOver.at) }) : text}
    </span>
  );
}

export function StudioShell({ children, notice, onNotice }: { children: ReactNode; notice: string | null; onNotice(message: string | null): void }) {
  const { t, locale, setLocale } = useI18n();
  const studio = useStudio();
  const { path } = useLocation();
  const [isPublishing, setPublishing] = useState(false);
  const hasChanges = JSON.stringify(studio.draft) !== JSON.stringify(studio.live.bundle);
  const isOutdated = studio.baseVersion !== studio.live.version && hasChanges;
  const sections = [
    { href: '/', label: t('section.dataModel'), isCurrent: path === '/' || path.startsWith('/entities') },
    { href: '/diagram', label: t('section.diagram'), isCurrent: path === '/diagram' },
    { href: '/layouts', label: t('section.layouts'), isCurrent: path.startsWith('/layouts') },
    { href: '/processes', label: t('section.processes'), isCurrent: path.startsWith('/processes') },
    { href: '/people/users', label: t('section.people'), isCurrent: path.startsWith('/people') },
    { href: '/permissions', label: t('section.permissions'), isCurrent: path.startsWith('/permissions') },
    { href: '/changes', label: t('section.changes'), isCurrent: path === '/changes' },
    { href: '/versions', label: t('section.versions'), isCurrent: path === '/versions' },
  ];
  const signOut = async (): Promise<void> => {
    await api.post('/api/auth/logout').catch(() => undefined);
    window.location.assign('/');
  };

  return (
    <div className="studio">
      <a className="skip-link" href="#main">
        {t('studio.skip')}
      </a>
      <header className="studio-bar">
        <Link href="/" className="studio-bar__brand">
          <span className="brand-mark" aria-hidden="true" />
          {t('studio.name')}
        </Link>
        <div className="studio-bar__draft">
          <DraftStatus />
          <button type="button" className="button button--small" disabled={!studio.canUndo} onClick={studio.undo}>
            {t('draft.undo')}
          </button>
          <button type="button" className="button button--small" disabled={!studio.canRedo} onClick={studio.redo}>
            {t('draft.redo')}
          </button>
          {hasChanges && (
            <button type="button" className="button button--small" onClick={() => window.confirm(t('draft.discardConfirm')) && void studio.discard()}>
              {t('draft.discard')}
            </button>
          )}
          {studio.problems.length > 0 ? (
            <Link href="/changes" className="badge badge--danger" title={t('problems.blockPublish')}>
              {t('problems.count', { count: studio.problems.length })}
            </Link>
          ) : null}
          <button type="button" className="button button--primary" disabled={!hasChanges || studio.problems.length > 0} onClick={() => setPublishing(true)}>
            {t('publish.button')}
          </button>
        </div>
        <div className="studio-bar__tools">
          <label className="visually-hidden" htmlFor="studio-language">
            {t('studio.language')}
          </label>
          <select id="studio-language" value={locale} onChange={(event) => setLocale(event.target.value as StudioLocale)}>
            <option value="en">English</option>
            <option value="zh-CN">简体中文</option>
          </select>
          <a className="button button--quiet" href="/">
            {t('studio.backToApp')}
          </a>
          <button type="button" className="button button--quiet" onClick={() => void signOut()}>
            {t('studio.signOut')}
          </button>
        </div>
      </header>
      <nav className="studio-nav" aria-label={t('studio.nav')}>
        <ul>
          {sections.map((section) => (
            <li key={section.href}>
              <Link href={section.href} aria-current={section.isCurrent ? 'page' : undefined}>
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="studio-main" tabIndex={-1}>
        {isOutdated && (
          <div className="alert alert--warning" role="alert">
            <p>{t('draft.outdated', { version: studio.live.version ?? '?' })}</p>
            <button type="button" className="button" onClick={() => void studio.discard()}>
              {t('draft.reload')}
            </button>
          </div>
        )}
        {notice && (
          <div className="alert alert--success" role="status">
            <p>{notice}</p>
            <button type="button" className="button button--small" onClick={() => onNotice(null)}>
              {t('field.close')}
            </button>
          </div>
        )}
        {children}
      </main>
      {isPublishing && (
        <PublishDialog
          onClose={() => setPublishing(false)}
          onPublished={(version, details) => {
            setPublishing(false);
            onNotice(details ? `${t('publish.done', { version })} ${details}` : t('publish.done', { version }));
            void studio.reload();
          }}
        />
      )}
    </div>
  );
}
