// One report on the dashboard: its title, its chart, and a click-through from each segment.
import { Link, navigate } from '../app/router';
import { useAsync } from '../api/use-async';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice, Loading } from '../ui/feedback';
import { rowHref } from './drill';
import { reportApi, type ReportInfo, type ReportResult, type ReportRow } from './report-api';
import { ReportChart } from './ReportChart';
import { ReportTable } from './ReportTable';

export function useReport(name: string) {
  const { locale } = useI18n();
  return useAsync((signal) => reportApi.run(name, locale, signal), [name, locale]);
}

export function openRow(result: ReportResult, row: ReportRow): void {
  const href = rowHref(result, row);
  if (href) navigate(href);
}

export function ReportBody({ result, height }: { result: ReportResult; height: number }) {
  const { t } = useI18n();
  if (result.rows.length === 0) return <p className="report-card__empty">{t('dashboard.noData')}</p>;
  if (result.chart.type === 'table') return <ReportTable result={result} />;
  return (
    <figure className="report-card__chart" aria-label={t('dashboard.chartOf', { label: result.label })}>
      <ReportChart result={result} height={height} onSelect={(row) => openRow(result, row)} />
    </figure>
  );
}

export function ReportCard({ info }: { info: ReportInfo }) {
  const { t } = useI18n();
  const report = useReport(info.name);
  const headingId = `report-${info.name}`;
  return (
    <section className="card report-card" aria-labelledby={headingId} data-report={info.name}>
      <header className="report-card__header">
        <h2 id={headingId} className="report-card__title">
          {report.data?.label ?? info.label}
        </h2>
        <Link href={`/dashboards/${encodeURIComponent(info.name)}`} className="small">
          {t('dashboard.open')}
        </Link>
      </header>
      {info.description && <p className="muted small report-card__description">{info.description}</p>}
      {/* The body keeps the chart's height while it loads, so the cards below never jump. */}
      <div className="report-card__body">
        {report.error !== undefined && <ErrorNotice error={report.error} onRetry={report.reload} />}
        {report.loading && !report.data && <Loading inline />}
        {report.data && <ReportBody result={report.data} height={240} />}
      </div>
    </section>
  );
}
