// Loading, empty and error states shared by every screen: the server's errors in plain words
// (the server's own message when it explains a validation or permission problem).
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n, type Translate } from '../i18n/i18n';

export function plainError(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.server');
  switch (error.status) {
    case 0:
      return t('error.network');
    case 401:
      return t('error.unauthorized');
    case 403:
      return error.message || t('error.forbidden');
    case 404:
      return t('error.notFound');
    case 409:
      return error.code === 'versionConflict' ? t('error.conflict') : error.message;
    case 400:
    case 422:
      return error.message || t('error.validation');
    case 429:
      return t('error.tooMany');
    default:
      return t('error.server');
  }
}

export function Loading({ label, inline = false }: { label?: string; inline?: boolean }) {
  const { t } = useI18n();
  return (
    <div className={inline ? 'loading loading--inline' : 'loading'} role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice--error" role="alert">
      <p>{plainError(error, t)}</p>
      {onRetry && (
        <button type="button" className="button button--quiet" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <svg className="empty-state__art" viewBox="0 0 64 48" aria-hidden="true">
        <rect x="6" y="8" width="52" height="34" rx="6" />
        <path d="M14 20h36M14 28h24" />
      </svg>
      <p className="empty-state__title">{title}</p>
      {children && <div className="empty-state__hint">{children}</div>}
    </div>
  );
}
