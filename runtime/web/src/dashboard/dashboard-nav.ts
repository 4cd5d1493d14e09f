// The dashboard's navigation entry, when the user may run at least one report.
import type { NavContributor } from '../app/app-types';
import './dashboard-strings';

export const dashboardNav: NavContributor = ({ reports, i18n }) => (reports.length > 0 ? [{ href: '/dashboards', label: i18n.t('dashboard.title'), group: 'insights' as const }] : []);
