// The bell in the top bar: the unread count, kept fresh when the user moves between screens,
// when the inbox marks something read, and once a minute.
import { useEffect, useState } from 'react';
import { Link, useLocation } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { NOTIFICATIONS_CHANGED, notificationsApi } from './notifications-api';
import './notification-strings';
import './notifications.css';

const REFRESH_MS = 60_000;

export function NotificationBell() {
  const i18n = useI18n();
  const { path } = useLocation();
  const [unread, setUnread] = useState<number>();
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const refresh = () => setTick((value) => value + 1);
    const timer = window.setInterval(refresh, REFRESH_MS);
    window.addEventListener(NOTIFICATIONS_CHANGED, refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, refresh);
    };
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    notificationsApi.list({ unreadOnly: true, limit: 1 }, controller.signal).then(
      (answer) => setUnread(answer.unread),
      () => undefined,
    );
    return () => controller.abort();
  }, [path, tick]);

  const count = unread ?? 0;
  // The badge's text must be part of the link's name (WCAG 2.5.3), "99+" included.
  const shown = count > 99 ? '99+' : i18n.number(count);
  const label = count > 0 ? i18n.t('notifications.bellUnread', { count: shown }) : i18n.t('notifications.bell');
  return (
    <Link href="/notifications" className="bell" aria-label={label} title={label} aria-current={path === '/notifications' ? 'page' : undefined}>
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" className="bell__icon">
        <path d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm0 18a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 21Z" />
      </svg>
      {count > 0 && (
        <span className="bell__badge" aria-hidden="true" data-testid="unread-count">
          {shown}
        </span>
      )}
    </Link>
  );
}
