// A list view generated from the entity's list layout: columns, sort by header, per-field
// filters, search, server-side pages with the total, saved views, bulk reassignment. Only one
// page of rows is ever loaded, with just the columns' fields (and their references expanded).
import { useCallback, useMemo, useState } from 'react';
import { api } from '../api/client';
import { withQuery } from '../api/client';
import type { EntityDocument, EntityPermissions, ListLayout, RecordPage } from '../api/types';
import { useAsync } from '../api/use-async';
import type { ListFilterParam } from '../app/hrefs';
import { recordHref } from '../app/hrefs';
import { Link, navigate, useLocation } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { referenceTarget } from '../metadata/entity-info';
import { layoutFor, metadata } from '../metadata/metadata';
import { EmptyState, ErrorNotice, Loading } from '../ui/feedback';
import { BulkBar } from './BulkBar';
import { FilterBar } from './FilterBar';
import { readListState, writeListState, type ListState, type SavedViewDefinition } from './list-state';
import { ListTable, type ListColumnView } from './ListTable';
import { Pagination } from './Pagination';
import { SavedViews, useSavedViews } from './SavedViews';
import { SearchBox } from './SearchBox';
import '../import/import-strings';

const FALLBACK_COLUMNS = 6;

export function ListPage({ entity: entityName }: { entity: string }) {
  const i18n = useI18n();
  const { t, text } = i18n;
  const { search } = useLocation();
  const setup = useAsync(async () => {
    const [entity, layout, entities, updateSchema, permissions] = await Promise.all([
      metadata.entity(entityName), layoutFor(entityName, 'list'), metadata.entities(), metadata.schema(entityName, 'update').catch(() => undefined), metadata.permissions(entityName),
    ]);
    // Reassigning needs the owner field writable for this user (the update schema marks it read-only otherwise).
    const owner = entity.ownerField;
    const ownerSchema = owner ? (updateSchema?.properties as Record<string, { readOnly?: boolean }> | undefined)?.[owner] : undefined;
    const canReassign = ownerSchema !== undefined && ownerSchema.readOnly !== true;
    return { entity, layout, canReassign, permissions, displayFields: new Map(entities.map((summary) => [summary.name, summary.displayField ?? 'name'])) };
  }, [entityName]);
  const views = useSavedViews(entityName);
  const activeView = views.list.find((view) => view.id === search.get('view'));

  if (setup.error !== undefined) return <div className="page"><ErrorNotice error={setup.error} onRetry={setup.reload} /></div>;
  if (!setup.data) return <div className="page"><Loading /></div>;
  return (
    <ListScreen
      key={entityName}
      entity={setup.data.entity}
      layout={setup.data.layout}
      displayFields={setup.data.displayFields}
      canReassign={setup.data.canReassign}
      permissions={setup.data.permissions}
      state={readListState(search, setup.data.layout, activeView?.definition)}
      views={views}
      title={text(setup.data.entity.pluralLabel ?? setup.data.entity.label, entityName)}
      t={t}
    />
  );
}

interface ListScreenProps {
  entity: EntityDocument;
  layout: ListLayout | undefined;
  displayFields: Map<string, string>;
  canReassign: boolean;
  permissions: EntityPermissions;
  state: ListState;
  views: ReturnType<typeof useSavedViews>;
  title: string;
  t: ReturnType<typeof useI18n>['t'];
}

function ListScreen({ entity, layout, displayFields, canReassign, permissions, state, views, title, t }: ListScreenProps) {
  const { text } = useI18n();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [filtersOpen, setFiltersOpen] = useState(false);
  const fields = useMemo(() => new Map(entity.fields.map((field) => [field.name, field])), [entity]);
  const displayField = entity.displayField ?? 'name';
  const columns: ListColumnView[] = useMemo(() => {
    const chosen = layout ? layout.columns : entity.fields.slice(0, FALLBACK_COLUMNS).map((field) => ({ field: field.name, label: undefined, width: undefined }));
    // Fields this user may not see are not in their entity document: their columns are left out.
    return chosen.flatMap((column) => {
      const field = fields.get(column.field);
      return field ? [{ field, label: text(column.label ?? field.label, field.name), width: column.width }] : [];
    });
  }, [layout, entity, fields, text]);

  const update = useCallback(
    (change: Partial<ListState>) => {
      const next = { ...state, page: 1, ...change };
      setSelected(new Set());
      navigate(`${recordHref.list(entity.name)}?${writeListState(next).toString()}`, { replace: true });
    },
    [state, entity.name],
  );

  const queryKey = JSON.stringify([entity.name, state.filters, state.q, state.sort, state.page, state.pageSize]);
  const rows = useAsync(
    (signal) => {
      const requested = new Set(['id', 'version', displayField, ...columns.map((column) => column.field.name)]);
      for (const { field } of columns) if (field.type === 'currency' && field.currencyField !== undefined && fields.has(field.currencyField)) requested.add(field.currencyField);
      const expand = columns.filter((column) => referenceTarget(column.field) !== undefined).map((column) => column.field.name);
      return api.get<RecordPage>(
        `/api/records/${encodeURIComponent(entity.name)}`,
        { filter: state.filters.length > 0 ? JSON.stringify(state.filters) : undefined, q: state.q, sort: state.sort, page: state.page, pageSize: state.pageSize, fields: [...requested], expand },
        signal,
      );
    },
    [queryKey],
  );

  const currentDefinition: SavedViewDefinition = { filters: state.filters, sort: state.sort, q: state.q, pageSize: state.pageSize };
  return (
    <div className="page page--list">
      <header className="page__header">
        <div>
          <h1>{title}</h1>
          <p className="muted small" aria-live="polite">
            {rows.data?.total !== undefined ? t('list.total', { count: rows.data.total }) : '\u00a0'}
          </p>
        </div>
        <div className="page__actions">
          <SavedViews views={views} activeId={state.view} current={currentDefinition} onPick={(id, definition) => update({ view: id, ...(definition ?? { filters: (layout?.defaultFilters as ListFilterParam[] | undefined) ?? [], sort: '', q: '' }) })} />
          {permissions.export && (
            // The export takes the list's filters, search and sort: what is shown is what is downloaded.
            <a className="button" download href={withQuery(`/api/records/${encodeURIComponent(entity.name)}/export`, { filter: state.filters.length > 0 ? JSON.stringify(state.filters) : undefined, q: state.q, sort: state.sort })}>
              {t('import.export')}
            </a>
          )}
          {permissions.import && permissions.create && (
            <Link href={recordHref.import(entity.name)} className="button">
              {t('import.action')}
            </Link>
          )}
          {permissions.create && (
            <Link href={recordHref.create(entity.name)} className="button button--primary">
              {t('app.new')}
            </Link>
          )}
        </div>
      </header>
      <div className="list-toolbar">
        <SearchBox value={state.q} label={t('list.search')} placeholder={t('list.searchPlaceholder', { entity: title })} onSearch={(q) => update({ q })} />
        <button type="button" className="button" aria-expanded={filtersOpen} aria-controls="list-filters" onClick={() => setFiltersOpen((open) => !open)}>
          {t('list.filters')}
          {state.filters.length > 0 && <span className="count-badge">{state.filters.length}</span>}
        </button>
        {state.filters.length > 0 && (
          <button type="button" className="button button--quiet" onClick={() => update({ filters: [] })}>
            {t('list.clearFilters')}
          </button>
        )}
      </div>
      {filtersOpen && <FilterBar id="list-filters" fields={columns.map((column) => column.field)} filters={state.filters} onChange={(filters) => update({ filters })} />}
      {selected.size > 0 && canReassign && <BulkBar entity={entity.name} selected={selected} onDone={() => { setSelected(new Set()); rows.reload(); }} />}
      {rows.error !== undefined && <ErrorNotice error={rows.error} onRetry={rows.reload} />}
      {rows.data === undefined && rows.loading && <Loading />}
      {rows.data && (
        <>
          <ListTable
            entity={entity.name}
            caption={title}
            columns={columns}
            rows={rows.data.data}
            displayField={displayField}
            displayFields={displayFields}
            sort={state.sort}
            onSort={(sort) => update({ sort })}
            selectable={canReassign}
            selected={selected}
            onSelect={setSelected}
            busy={rows.loading}
          />
          {rows.data.data.length === 0 && (
            <EmptyState title={t('list.empty', { entity: title })}>
              <p>{t('list.emptyHint')}</p>
            </EmptyState>
          )}
          <Pagination page={state.page} pageSize={state.pageSize} total={rows.data.total} shown={rows.data.data.length} onPage={(page) => update({ page })} onPageSize={(pageSize) => update({ pageSize })} />
        </>
      )}
    </div>
  );
}
