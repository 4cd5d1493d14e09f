// A record's page: its title and the actions the user may take on it (edit, delete — asked of the
// server, so a rep never sees a button that would be refused), the process path (when a process
// runs on its entity), its fields, related lists and timeline. Anything that changes it bumps
// `version`, so every part reloads what it shows.
import { useState } from 'react';
import { api } from '../api/client';
import type { RecordData } from '../api/types';
import { useAsync } from '../api/use-async';
import { recordHref } from '../app/hrefs';
import { Link, navigate } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { recordTitle, referenceTarget } from '../metadata/entity-info';
import { layoutFor, metadata, processFor } from '../metadata/metadata';
import { ErrorNotice, Loading, plainError } from '../ui/feedback';
import { useToast } from '../ui/toast';
import { ProcessPath } from './ProcessPath';
import { RecordFields } from './RecordFields';
import { RelatedLists } from './RelatedLists';
import { Timeline } from './Timeline';

interface RecordPermissions {
  update: boolean;
  delete: boolean;
}

export function RecordPage({ entity: entityName, id }: { entity: string; id: string }) {
  const { text, t } = useI18n();
  const toast = useToast();
  const [version, setVersion] = useState(0);
  const [isConfirmingDelete, setConfirmingDelete] = useState(false);
  const [deleteFailure, setDeleteFailure] = useState<unknown>();
  const [isDeleting, setDeleting] = useState(false);
  const recordPath = `/api/records/${encodeURIComponent(entityName)}/${encodeURIComponent(id)}`;
  const setup = useAsync(async () => {
    const [entity, layout, process, entities] = await Promise.all([metadata.entity(entityName), layoutFor(entityName, 'form'), processFor(entityName), metadata.entities()]);
    return { entity, layout, process, displayFields: new Map(entities.map((summary) => [summary.name, summary.displayField ?? 'name'])) };
  }, [entityName]);
  const record = useAsync(
    async (signal) => {
      const entity = await metadata.entity(entityName);
      const expand = entity.fields.filter((field) => referenceTarget(field) !== undefined).map((field) => field.name);
      // The record and what the user may do with it arrive together, so the page is drawn once (no jump).
      const [data, permissions] = await Promise.all([
        api.get<RecordData>(recordPath, { expand }, signal),
        api.get<{ data: RecordPermissions }>(`${recordPath}/permissions`, {}, signal),
      ]);
      return { data, permissions: permissions.data };
    },
    [entityName, id, version],
  );

  const error = setup.error ?? record.error;
  if (error !== undefined) return <div className="page"><ErrorNotice error={error} onRetry={() => { setup.reload(); record.reload(); }} /></div>;
  if (!setup.data || !record.data) return <div className="page"><Loading /></div>;
  const { entity, layout, process, displayFields } = setup.data;
  const { data, permissions } = record.data;
  const title = recordTitle(data, entity.displayField ?? 'name');
  const remove = async () => {
    setDeleting(true);
    setDeleteFailure(undefined);
    try {
      await api.delete(recordPath);
      toast(t('record.deleteDone', { title }));
      navigate(recordHref.list(entity.name), { replace: true });
    } catch (failure) {
      setDeleteFailure(failure);
      setDeleting(false);
    }
  };
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
          {permissions.update && (
            <Link href={recordHref.edit(entity.name, id)} className="button">
              {t('app.edit')}
            </Link>
          )}
          {permissions.delete && !isConfirmingDelete && (
            <button type="button" className="button button--danger" onClick={() => setConfirmingDelete(true)}>
              {t('app.delete')}
            </button>
          )}
        </div>
      </header>
      {isConfirmingDelete && (
        <div className="notice notice--warning confirm-bar" role="alertdialog" aria-labelledby="delete-question">
          <p id="delete-question">{t('record.deleteConfirm', { title })}</p>
          {deleteFailure !== undefined && <p className="confirm-bar__error" role="alert">{plainError(deleteFailure, t)}</p>}
          <div className="confirm-bar__actions">
            <button type="button" className="button button--danger" disabled={isDeleting} onClick={() => void remove()} autoFocus>
              {t('app.delete')}
            </button>
            <button type="button" className="button" disabled={isDeleting} onClick={() => { setConfirmingDelete(false); setDeleteFailure(undefined); }}>
              {t('app.cancel')}
            </button>
          </div>
        </div>
      )}
      {process && <ProcessPath entity={entity.name} id={id} processName={process.name} version={version} onMoved={() => setVersion((value) => value + 1)} />}
      <div className="record-layout">
        <div className="record-layout__main">
          <RecordFields entity={entity} layout={layout} record={data} displayFields={displayFields} />
          <RelatedLists entity={entity} recordId={id} version={version} />
        </div>
        <div className="record-layout__side">
          <Timeline entity={entity} id={id} version={version} />
        </div>
      </div>
    </div>
  );
}
