// The notifications inbox: assignments, SLA warnings, stale deals and the like, newest first,
// unread ones marked; opening one marks it read and goes to its record.
import { useState } from 'react';
import { recordHref } from '../app/hrefs';
import { navigate } from '../app/router';
import { useAsync } from '../api/use-async';
import { useI18n } from '../i18n/i18n';
import { EmptyState, ErrorNotice, Loading, plainError } from '../ui/feedback';
import { useToast } from '../ui/toast';
import { notificationsApi, type NotificationItem } from './notifications-api';
import './notification-strings';
import './notifications.css';

export function InboxPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const toast = useToast();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useAsync((signal) => notificationsApi.list({ unreadOnly, limit: 100 }, signal), [unreadOnly]);

  const markRead = async (item: NotificationItem): Promise<boolean> => {
    if (item.readAt !== null) return true;
    try {
      await notificationsApi.markRead(item.id);
      return true;
    } catch (error) {
      toast(plainError(error, t), 'error');
      return false;
    }
  };
  const open = async (item: NotificationItem) => {
    await markRead(item);
    if (item.entity && item.recordId) navigate(recordHref.view(item.entity, item.recordId));
    else list.reload();
  };
  const markAll = async () => {
    for (const item of list.data?.data ?? []) if (item.readAt === null && !(await markRead(item))) break;
    list.reload();
  };

  const items = list.data?.data ?? [];
  const unread = list.data?.unread ?? 0;
  return (
    <div className="page inbox">
      <div className="page__header">
        <div>
          <h1>{t('notifications.title')}</h1>
          <p className="muted small">{t('notifications.summary', { count: i18n.number(unread) })}</p>
        </div>
        <div className="page__actions">
          <label className="inbox__toggle">
            <input type="checkbox" checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} />
            {t('notifications.unreadOnly')}
          </label>
          <button type="button" className="button" disabled={unread === 0} onClick={() => void markAll()}>
            {t('notifications.markAllRead')}
          </button>
        </div>
      </div>
      {list.error !== undefined && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading />}
      {list.data && items.length === 0 && <EmptyState title={unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')} />}
      {items.length > 0 && (
        <ul className="inbox__list">
          {items.map((item) => {
            const isUnread = item.readAt === null;
            return (
              <li key={item.id} className={isUnread ? 'inbox__item inbox__item--unread' : 'inbox__item'}>
                <span className="inbox__marker" aria-hidden="true" />
                <div className="inbox__content">
                  <p className="inbox__title">
                    {isUnread && <span className="visually-hidden">{t('notifications.unread')}: </span>}
                    {item.title}
                  </p>
                  {item.body && item.body !== item.title && <p className="inbox__body">{item.body}</p>}
                  <p className="inbox__time muted small">
                    <time dateTime={item.createdAt}>{i18n.dateTime(item.createdAt)}</time>
                  </p>
                </div>
                <div className="inbox__actions">
                  {item.entity && item.recordId && (
                    <button type="button" className="button button--small" onClick={() => void open(item)}>
                      {t('notifications.open')}
                    </button>
                  )}
                  {isUnread && (
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      onClick={() => void markRead(item).then((done) => done && list.reload())}
                    >
                      {t('notifications.markRead')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
