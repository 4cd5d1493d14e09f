// The start page: a greeting and, per group of the navigation, a card per list or insight the
// user may open; record lists show how many records the user may see.
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { RecordPage } from '../api/types';
import { useAsync } from '../api/use-async';
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { metadata } from '../metadata/metadata';
import { useMe } from '../session/session';
import { ErrorNotice, Loading } from '../ui/feedback';
import { navigationItems, recordNav } from './navigation';

/** How many records each list holds for this user (one small counting request per list; "|"-joined addresses). */
function useCounts(hrefs: string): Map<string, number> {
  const [counts, setCounts] = useState(new Map<string, number>());
  useEffect(() => {
    const controller = new AbortController();
    for (const href of hrefs.split('|')) {
      const entity = /^\/records\/([^/?]+)$/.exec(href)?.[1];
      if (!entity) continue;
      api
        .get<RecordPage>(`/api/records/${entity}`, { pageSize: 1, fields: 'id' }, controller.signal)
        .then((page) => setCounts((current) => new Map(current).set(href, page.total ?? 0)))
        .catch(() => undefined);
    }
    return () => controller.abort();
  }, [hrefs]);
  return counts;
}

export function HomePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const state = useAsync(async () => {
    const [entities, layouts, reports] = await Promise.all([metadata.entities(), metadata.layouts(), metadata.reports().catch(() => [])]);
    return { entities, layouts, reports };
  }, [me.user.id]);
  // Keyed by the addresses only: switching the language does not count again.
  const counts = useCounts(state.data ? recordNav({ me, ...state.data, i18n }).map((item) => item.href).join('|') : '');
  const items = state.data ? navigationItems({ me, ...state.data, i18n }) : [];
  const groups = [
    { name: 'records', label: t('app.records') },
    { name: 'insights', label: t('app.insights') },
  ] as const;
  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1>{me.user.displayName ?? me.user.username}</h1>
          <p className="muted">{t('app.homeIntro')}</p>
        </div>
      </header>
      {state.error !== undefined && <ErrorNotice error={state.error} onRetry={state.reload} />}
      {state.loading && !state.data && <Loading />}
      {groups.map((group) => {
        const entries = items.filter((item) => item.group === group.name);
        if (entries.length === 0) return null;
        return (
          <section key={group.name} className="home-group" aria-labelledby={`home-${group.name}`}>
            <h2 id={`home-${group.name}`} className="home-group__title">
              {group.label}
            </h2>
            <ul className="card-grid">
              {entries.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="card card--link home-card">
                    <span className="home-card__mark" aria-hidden="true">
                      {item.label.slice(0, 1)}
                    </span>
                    <span className="home-card__text">
                      <span className="card__title">{item.label}</span>
                      {counts.has(item.href) && <span className="muted small">{t('list.total', { count: i18n.number(counts.get(item.href) ?? 0) })}</span>}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
