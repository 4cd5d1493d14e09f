// A report's rows as a table (the chart's data for screen readers and keyboards): each row links
// to the list of its records.
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import type { ReportResult } from './report-api';
import { categoryColumn, valueText } from './report-format';
import { rowHref } from './drill';

/** Columns shown: all but the `<name>Label` helpers of reference groupings (their names show in place of the ids). */
function shownColumns(result: ReportResult) {
  const helpers = new Set(result.columns.filter((column) => column.type === 'reference' || column.type === 'user').map((column) => `${column.name}Label`));
  return result.columns.filter((column) => !helpers.has(column.name));
}

export function ReportTable({ result }: { result: ReportResult }) {
  const i18n = useI18n();
  const { t } = i18n;
  const columns = shownColumns(result);
  const category = categoryColumn(result);
  return (
    <div className="report-table">
      <table>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.name} scope="col" className={column.type === 'integer' || column.type === 'number' ? 'numeric' : undefined}>
                {column.label}
              </th>
            ))}
            {result.drill && <th scope="col"><span className="visually-hidden">{t('dashboard.records')}</span></th>}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, index) => {
            const href = rowHref(result, row);
            const label = category ? valueText(category, row, i18n) : String(index + 1);
            return (
              <tr key={index}>
                {columns.map((column) => (
                  <td key={column.name} className={column.type === 'integer' || column.type === 'number' ? 'numeric' : undefined}>
                    {valueText(column, row, i18n)}
                  </td>
                ))}
                {result.drill && (
                  <td>
                    {href && (
                      <Link href={href} aria-label={t('dashboard.showRecords', { label })}>
                        {t('dashboard.records')}
                      </Link>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
