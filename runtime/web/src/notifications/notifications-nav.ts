// The inbox's navigation entry.
import type { NavContributor } from '../app/app-types';
import './notification-strings';

export const notificationsNav: NavContributor = ({ i18n }) => [{ href: '/notifications', label: i18n.t('notifications.title'), group: 'insights' as const }];
