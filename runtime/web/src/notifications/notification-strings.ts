// The notifications' own words, in both languages.
import { addMessages } from '../i18n/strings';

addMessages({
  en: {
    'notifications.title': 'Notifications',
    'notifications.bell': 'Notifications',
    'notifications.bellUnread': 'Notifications, {count} unread',
    'notifications.unreadOnly': 'Unread only',
    'notifications.empty': 'No notifications',
    'notifications.emptyUnread': 'All caught up: nothing unread.',
    'notifications.markRead': 'Mark read',
    'notifications.markAllRead': 'Mark all read',
    'notifications.open': 'Open record',
    'notifications.unread': 'Unread',
    'notifications.summary': '{count} unread',
  },
  'zh-CN': {
    'notifications.title': '通知',
    'notifications.bell': '通知',
    'notifications.bellUnread': '通知，{count} 条未读',
    'notifications.unreadOnly': '仅未读',
    'notifications.empty': '没有通知',
    'notifications.emptyUnread': '已全部读完：没有未读通知。',
    'notifications.markRead': '标为已读',
    'notifications.markAllRead': '全部标为已读',
    'notifications.open': '打开记录',
    'notifications.unread': '未读',
    'notifications.summary': '{count} 条未读',
  },
});
