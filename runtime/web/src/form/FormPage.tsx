// Create and edit pages: the generated form for an entity (new, prefilled from the address's
// query, or an existing record loaded with its references' titles), saved through the record API.
import { useAsync } from '../api/use-async';
import { api } from '../api/client';
import type { RecordData } from '../api/types';
import { recordHref } from '../app/hrefs';
import { Link, navigate, useLocation } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { displayFieldOf, isRecord, recordTitle, referenceTarget } from '../metadata/entity-info';
import { layoutFor, metadata } from '../metadata/metadata';
import { ErrorNotice, Loading } from '../ui/feedback';
import { useToast } from '../ui/toast';
import { RecordForm } from './RecordForm';

/** The record with expanded references turned back into ids, and their titles kept for the pickers. */
function splitReferences(record: RecordData, referenceFields: string[], displayFields: (entity: string) => string, targets: Map<string, string>) {
  const values: Record<string, unknown> = { ...record };
  const titles: Record<string, string> = {};
  for (const name of referenceFields) {
    const value = record[name];
    if (isRecord(value)) {
      values[name] = value.id;
      titles[`${name}:${value.id}`] = recordTitle(value, displayFields(targets.get(name) ?? ''));
    }
  }
  return { values, titles };
}

export function FormPage({ entity: entityName, id }: { entity: string; id?: string }) {
  const i18n = useI18n();
  const { t, text } = i18n;
  const toast = useToast();
  const { search } = useLocation();
  const editing = id !== undefined;
  const state = useAsync(async () => {
    const [entity, layout, schema, entities] = await Promise.all([metadata.entity(entityName), layoutFor(entityName, 'form'), metadata.schema(entityName, editing ? 'update' : 'create'), metadata.entities()]);
    const targets = new Map(entity.fields.flatMap((field) => (referenceTarget(field) ? [[field.name, referenceTarget(field) ?? '']] : [])));
    let values: Record<string, unknown> = {};
    let titles: Record<string, string> = {};
    let record: RecordData | undefined;
    if (id !== undefined) {
      record = await api.get<RecordData>(`/api/records/${encodeURIComponent(entityName)}/${encodeURIComponent(id)}`, { expand: [...targets.keys()] });
      ({ values, titles } = splitReferences(record, [...targets.keys()], (name) => displayFieldOf(entities, name), targets));
    } else {
      for (const [name, value] of search.entries()) if (entity.fields.some((field) => field.name === name)) values[name] = value;
    }
    return { entity, layout, schema, values, titles, record };
  }, [entityName, id]);

  if (state.error !== undefined) return <div className="page"><ErrorNotice error={state.error} onRetry={state.reload} /></div>;
  if (!state.data) return <div className="page"><Loading /></div>;
  const { entity, layout, schema, values, titles, record } = state.data;
  const entityLabel = text(entity.label, entity.name);
  const title = editing ? t('form.editTitle', { name: recordTitle(record, entity.displayField ?? 'name') }) : t('form.newTitle', { entity: entityLabel });
  const back = editing && id ? recordHref.view(entity.name, id) : recordHref.list(entity.name);
  return (
    <div className="page page--form">
      <header className="page__header">
        <div>
          <p className="breadcrumb">
            <Link href={recordHref.list(entity.name)}>{text(entity.pluralLabel ?? entity.label, entity.name)}</Link>
          </p>
          <h1>{title}</h1>
        </div>
      </header>
      <RecordForm
        entity={entity}
        layout={layout}
        baseSchema={schema}
        initialValues={values}
        referenceTitles={titles}
        record={record}
        onCancel={() => navigate(back)}
        onSaved={(saved) => {
          toast(t('form.saved'));
          navigate(recordHref.view(entity.name, saved.id));
        }}
      />
    </div>
  );
}
