// A record's page: its title and actions, the process path (when a process runs on its entity),
// its fields, related lists and timeline. Anything that changes it bumps `version`, so every
// part reloads what it shows.
import { useState } from 'react';
import { api } from '../api/client';
import type { RecordData } from '../api/types';
import { useAsync } from '../api/use-async';
import { recordHref } from '../app/hrefs';
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { recordTitle, referenceTarget } from '../metadata/entity-info';
import { layoutFor, metadata, processFor } from '../metadata/metadata';
import { ErrorNotice, Loading } from '../ui/feedback';
import { ProcessPath } from './ProcessPath';
import { RecordFields } from './RecordFields';
import { RelatedLists } from './RelatedLists';
import { Timeline } from './Timeline';

export function RecordPage({ entity: entityName, id }: { entity: string; id: string }) {
  const { text } = useI18n();
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const setup = useAsync(async () => {
    const [entity, layout, process, entities] = await Promise.all([metadata.entity(entityName), layoutFor(entityName, 'form'), processFor(entityName), metadata.entities()]);
    return { entity, layout, process, displayFields: new Map(entities.map((summary) => [summary.name, summary.displayField ?? 'name'])) };
  }, [entityName]);
  const record = useAsync(
    async (signal) => {
      const entity = await metadata.entity(entityName);
      const expand = entity.fields.filter((field) => referenceTarget(field) !== undefined).map((field) => field.name);
      return api.get<RecordData>(`/api/records/${encodeURIComponent(entityName)}/${encodeURIComponent(id)}`, { expand }, signal);
    },
    [entityName, id, version],
  );

  const error = setup.error ?? record.error;
  if (error !== undefined) return <div className="page"><ErrorNotice error={error} onRetry={() => { setup.reload(); record.reload(); }} /></div>;
  if (!setup.data || !record.data) return <div className="page"><Loading /></div>;
  const { entity, layout, process, displayFields } = setup.data;
  const title = recordTitle(record.data, entity.displayField ?? 'name');
  return (
    <div className="page page--record">
      <header className="page__header">
        <div>
          <p className="breadcrumb">
            <Link href={recordHref.list(entity.name)}>{text(entity.pluralLabel ?? entity.label, entity.name)}</Link>
          </p>
          <h1>{title}</h1>
          <p className="muted small">{text(entity.label, entity.name)}</p>
        </div>
        <div className="page__actions">
          <Link href={recordHref.edit(entity.name, id)} className="button">
            {t('app.edit')}
          </Link>
        </div>
      </header>
      {process && <ProcessPath entity={entity.name} id={id} processName={process.name} version={version} onMoved={() => setVersion((value) => value + 1)} />}
      <div className="record-layout">
        <div className="record-layout__main">
          <RecordFields entity={entity} layout={layout} record={record.data} displayFields={displayFields} />
          <RelatedLists entity={entity} recordId={id} version={version} />
        </div>
        <div className="record-layout__side">
          <Timeline entity={entity} id={id} version={version} />
        </div>
      </div>
    </div>
  );
}
