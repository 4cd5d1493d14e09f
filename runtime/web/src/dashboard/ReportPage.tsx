// One report full size: its chart (click a segment for its records) and its data table.
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice, Loading } from '../ui/feedback';
import './dashboard-strings';
import './dashboard.css';
import { ReportBody, useReport } from './ReportCard';
import { ReportTable } from './ReportTable';

export function ReportPage({ name }: { name: string }) {
  const { t } = useI18n();
  const report = useReport(name);
  return (
    <div className="page report-page">
      <p className="small">
        <Link href="/dashboards">← {t('dashboard.back')}</Link>
      </p>
      {report.error !== undefined && <ErrorNotice error={report.error} onRetry={report.reload} />}
      {report.loading && !report.data && <Loading />}
      {report.data && (
        <>
          <div className="page__header">
            <h1>{report.data.label}</h1>
          </div>
          <section className="card">
            <ReportBody result={report.data} height={380} />
          </section>
          {report.data.chart.type !== 'table' && report.data.rows.length > 0 && (
            <section className="card" aria-labelledby="report-data">
              <h2 id="report-data" className="report-card__title">
                {t('dashboard.data')}
              </h2>
              <ReportTable result={report.data} />
            </section>
          )}
        </>
      )}
    </div>
  );
}
