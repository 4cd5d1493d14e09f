// The sign-in page: username and password, the server's answer in plain words, a language switch.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { plainError } from '../ui/feedback';
import { LanguageSwitch } from './LanguageSwitch';

export function LoginPage({ expired }: { expired: boolean }) {
  const { t } = useI18n();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(expired ? t('error.unauthorized') : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login(username.trim(), password);
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 401 ? t('login.failed') : plainError(failure, t));
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <main className="login__panel" aria-labelledby="login-title">
        <div className="login__brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>{t('app.name')}</span>
        </div>
        <h1 id="login-title">{t('login.title')}</h1>
        <p className="muted">{t('login.intro')}</p>
        <form onSubmit={submit} className="stack" noValidate>
          <div className="field">
            <label htmlFor="login-username">{t('login.username')}</label>
            <input id="login-username" name="username" autoComplete="username" value={username} onChange={(event) => setUsername(event.target.value)} required autoFocus />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input id="login-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required />
          </div>
          {error && (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button button--primary button--wide" disabled={busy || username.trim() === '' || password === ''}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <p className="muted small">{t('login.demoHint')}</p>
        <div className="login__footer">
          <LanguageSwitch />
        </div>
      </main>
    </div>
  );
}
