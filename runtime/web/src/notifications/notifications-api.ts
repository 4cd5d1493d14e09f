// The signed-in user's notifications: newest first with the unread count, and marking one read.
// Every change is announced on the window so the header's unread count follows at once.
import { api } from '../api/client';

export interface NotificationItem {
  id: string;
  title: string;
  body: string;
  entity: string | null;
  recordId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  data: NotificationItem[];
  unread: number;
}

export const NOTIFICATIONS_CHANGED = 'stagecraft:notifications-changed';

export const notificationsApi = {
  list: (options: { unreadOnly?: boolean; limit?: number } = {}, signal?: AbortSignal) =>
    api.get<NotificationList>('/api/notifications', { unread: options.unreadOnly ? 'true' : undefined, limit: options.limit ?? 50 }, signal),
  markRead: async (id: string) => {
    await api.post<void>(`/api/notifications/${encodeURIComponent(id)}/read`);
    window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
  },
};
