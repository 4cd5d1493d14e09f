// The studio's addresses under /studio (a reload keeps the screen): pushState navigation, the
// Back button, and links that stay in the page.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

export const STUDIO_BASE = '/studio';

interface Location {
  /** The path below /studio, e.g. `/entities/account` (`/` for the start). */
  path: string;
  navigate(path: string): void;
}

const RouterContext = createContext<Location | undefined>(undefined);

function currentPath(): string {
  const path = window.location.pathname.startsWith(STUDIO_BASE) ? window.location.pathname.slice(STUDIO_BASE.length) : '/';
  return path === '' ? '/' : path;
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onPop = (): void => setPath(currentPath());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: string) => {
    window.history.pushState(null, '', `${STUDIO_BASE}${next === '/' ? '' : next}`);
    setPath(next);
    window.scrollTo(0, 0);
  }, []);
  const value = useMemo(() => ({ path, navigate }), [path, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useLocation(): Location {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useLocation outside RouterProvider');
  return value;
}

export function Link({ href, children, ...rest }: { href: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const { navigate } = useLocation();
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={`${STUDIO_BASE}${href === '/' ? '' : href}`} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
