// The dashboard: every report the user may run, each as its chart, generated from report metadata.
import { useAsync } from '../api/use-async';
import { useI18n } from '../i18n/i18n';
import { EmptyState, ErrorNotice, Loading } from '../ui/feedback';
import './dashboard-strings';
import './dashboard.css';
import { reportApi } from './report-api';
import { ReportCard } from './ReportCard';

export function DashboardPage() {
  const { t, locale } = useI18n();
  const reports = useAsync((signal) => reportApi.list(locale, signal), [locale]);
  return (
    <div className="page dashboard">
      <div className="page__header">
        <div>
          <h1>{t('dashboard.title')}</h1>
          <p className="muted small">{t('dashboard.intro')}</p>
        </div>
      </div>
      {reports.error !== undefined && <ErrorNotice error={reports.error} onRetry={reports.reload} />}
      {reports.loading && !reports.data && <Loading />}
      {reports.data && reports.data.length === 0 && <EmptyState title={t('dashboard.empty')} />}
      {reports.data && reports.data.length > 0 && (
        <div className="dashboard__grid">
          {reports.data.map((info) => (
            <ReportCard key={info.name} info={info} />
          ))}
        </div>
      )}
    </div>
  );
}
