// Who is signed in. On start the app asks GET /api/auth/session (the session cookie survives a
// reload; the answer carries the CSRF token); login and logout go through the auth endpoints.
// Any 401 later (session expired) sends the user back to the login page.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import type { LoginAnswer, Me } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { resetMetadata } from '../metadata/metadata';

export type SessionState = { status: 'checking' } | { status: 'signedOut'; expired: boolean } | { status: 'signedIn'; me: Me };

export interface Session {
  state: SessionState;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const { adoptUserLocale } = useI18n();

  const signedIn = useCallback(
    (me: Me) => {
      setCsrfToken(me.csrfToken);
      resetMetadata();
      adoptUserLocale(me.user.username, me.user.locale ?? me.locale);
      setState({ status: 'signedIn', me });
    },
    [adoptUserLocale],
  );

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(undefined);
      resetMetadata();
      setState({ status: 'signedOut', expired: true });
    });
    // GET /session answers 200 when nobody is signed in, so the login page starts without a failed request.
    api.get<({ signedIn: true } & Me) | { signedIn: false }>('/api/auth/session').then(
      (answer) => (answer.signedIn ? signedIn(answer) : setState({ status: 'signedOut', expired: false })),
      (error: unknown) => {
        if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
        setState({ status: 'signedOut', expired: false });
      },
    );
    return () => setUnauthorizedHandler(undefined);
  }, [signedIn]);

  const login = useCallback(
    async (username: string, password: string) => {
      const answer = await api.post<LoginAnswer>('/api/auth/login', { username, password });
      setCsrfToken(answer.csrfToken);
      const me = await api.get<Me>('/api/auth/me');
      signedIn(me);
    },
    [signedIn],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setCsrfToken(undefined);
      resetMetadata();
      setState({ status: 'signedOut', expired: false });
    }
  }, []);

  const value = useMemo(() => ({ state, login, logout }), [state, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user (screens behind the login only). */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe while signed out');
  return state.me;
}
