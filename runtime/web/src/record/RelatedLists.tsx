// The record's related lists (an account's contacts, opportunities, activities…): the first few
// rows of each with its total, a link to the full list filtered to this record, and "New" with
// this record filled in.
import { api } from '../api/client';
import type { EntityDocument, RecordPage } from '../api/types';
import { useAsync } from '../api/use-async';
import { recordHref } from '../app/hrefs';
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { layoutFor } from '../metadata/metadata';
import { recordTitle } from '../metadata/entity-info';
import { FieldValue } from '../ui/FieldValue';
import { relatedListsOf, type RelatedList } from './related';

const ROWS = 5;
const EXTRA_COLUMNS = 2;

function RelatedSection({ list, recordId, version }: { list: RelatedList; recordId: string; version: number }) {
  const { t, text } = useI18n();
  const filters = [{ field: list.field, op: 'eq' as const, value: recordId }];
  const rows = useAsync(
    async (signal) => {
      const layout = await layoutFor(list.entity.name, 'list');
      const displayField = list.entity.displayField ?? 'name';
      const columns = (layout?.columns.map((column) => column.field) ?? []).filter((name) => name !== displayField && name !== list.field && list.entity.fields.some((field) => field.name === name)).slice(0, EXTRA_COLUMNS);
      const page = await api.get<RecordPage>(`/api/records/${encodeURIComponent(list.entity.name)}`, { filter: JSON.stringify(filters), pageSize: ROWS, fields: ['id', 'version', displayField, ...columns], sort: '-updatedAt' }, signal);
      return { page, columns, displayField };
    },
    [list.key, recordId, version],
  );
  const title = text(list.label, list.entity.name);
  const headingId = `related-${list.key.replace(/\W/g, '-')}`;
  return (
    <section className="related" aria-labelledby={headingId}>
      <header className="related__header">
        <h3 id={headingId}>
          {title} <span className="muted">({rows.data?.page.total ?? '…'})</span>
        </h3>
        <Link href={recordHref.create(list.entity.name, { [list.field]: recordId })} className="button button--small" aria-label={`${t('record.newRelated')}: ${text(list.entity.label, list.entity.name)}`}>
          {t('record.newRelated')}
        </Link>
      </header>
      {rows.data && rows.data.page.data.length === 0 && <p className="muted small">{t('record.relatedEmpty')}</p>}
      {rows.data && rows.data.page.data.length > 0 && (
        <ul className="related__rows">
          {rows.data.page.data.map((row) => (
            <li key={row.id}>
              <Link href={recordHref.view(list.entity.name, row.id)} className="related__title">
                {recordTitle(row, rows.data?.displayField ?? 'name')}
              </Link>
              <span className="related__meta">
                {rows.data?.columns.map((name) => {
                  const field = list.entity.fields.find((candidate) => candidate.name === name);
                  return field && row[name] !== null && row[name] !== undefined ? <FieldValue key={name} field={field} value={row[name]} record={row} /> : null;
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {(rows.data?.page.total ?? 0) > ROWS && (
        <Link href={recordHref.list(list.entity.name, { filters })} className="small">
          {t('record.viewAll', { count: rows.data?.page.total ?? 0 })}
        </Link>
      )}
    </section>
  );
}

export function RelatedLists({ entity, recordId, version }: { entity: EntityDocument; recordId: string; version: number }) {
  const { t } = useI18n();
  const lists = useAsync(() => relatedListsOf(entity), [entity.name]);
  if (!lists.data || lists.data.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="related-title">
      <h2 id="related-title" className="panel__title">
        {t('record.related')}
      </h2>
      <div className="related-grid">
        {lists.data.map((list) => (
          <RelatedSection key={list.key} list={list} recordId={recordId} version={version} />
        ))}
      </div>
    </section>
  );
}
