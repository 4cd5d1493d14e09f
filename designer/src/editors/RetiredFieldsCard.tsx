// Fields of this entity that earlier publishes removed while their values are still kept (the
// server's `/api/metadata/retired-fields`). Restore puts the field back in the draft as it was; the
// next publish's plan then renames the kept column back ("restore column …"), values and all.
// Purge drops the kept values for good, after a confirmation that names what is lost.
import type { FieldDefinition } from '@stagecraft/core';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import { useStudio } from '../draft/draft-store';
import { useI18n } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';

export interface RetiredField {
  entity: string;
  table: string;
  field: FieldDefinition;
  retiredName: string;
  retiredInVersion: number;
}

function PurgeDialog({ retired, onDone, onClose }: { retired: RetiredField; onDone(): void; onClose(): void }) {
  const { t, text } = useI18n();
  const [isConfirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const name = text(retired.field.label) || retired.field.name;
  const purge = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/metadata/retired-fields/purge', { table: retired.table, retiredName: retired.retiredName, confirm: true });
      onDone();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('retired.purgeTitle', { name })} onClose={onClose}>
      <p className="alert alert--danger">{t('retired.purgeWarning', { name })}</p>
      <label className="check">
        <input type="checkbox" checked={isConfirmed} onChange={(event) => setConfirmed(event.target.checked)} />
        {t('retired.purgeConfirm')}
      </label>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('publish.cancel')}
        </button>
        <button type="button" className="button button--danger" disabled={!isConfirmed || isBusy} onClick={() => void purge()}>
          {t('retired.purgeSubmit')}
        </button>
      </div>
    </Dialog>
  );
}

export function RetiredFieldsCard({ entity }: { entity: string }) {
  const { t, text } = useI18n();
  const studio = useStudio();
  const [retired, setRetired] = useState<RetiredField[]>([]);
  const [purging, setPurging] = useState<RetiredField | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    const answer = await api.get<{ data: RetiredField[] }>('/api/metadata/retired-fields');
    setRetired(answer.data.filter((candidate) => candidate.entity === entity));
  }, [entity]);
  // Reloaded after each publish (the live version changes): a restore or a new removal shows at once.
  useEffect(() => void load().catch(() => setRetired([])), [load, studio.live.version]);

  const draftFields = studio.draft.entities[entity]?.fields ?? [];
  // Only the newest kept column of a name can come back (the planner restores from that one).
  const newest = retired.filter((candidate, index) => retired.findIndex((other) => other.field.name === candidate.field.name) === index);
  if (newest.length === 0 && notice === null) return null;
  const restore = (field: FieldDefinition): void =>
    studio.change((bundle) => {
      bundle.entities[entity]?.fields.push(structuredClone(field));
    });

  return (
    <section className="card" aria-labelledby="retired-fields">
      <h2 id="retired-fields">{t('retired.title')}</h2>
      <p className="muted">{t('retired.intro')}</p>
      {notice && (
        <p className="alert alert--success" role="status">
          {notice}
        </p>
      )}
      <ul className="removed-list">
        {newest.map((candidate) => {
          const name = text(candidate.field.label) || candidate.field.name;
          const inDraft = draftFields.find((field) => field.name === candidate.field.name);
          const isRestoring = studio.plan?.steps.some((step) => step.kind === 'restoreColumn' && step.table === candidate.table && step.from === candidate.retiredName) ?? false;
          return (
            <li key={candidate.retiredName}>
              <span className="badge badge--danger">{t('retired.removedIn', { version: candidate.retiredInVersion })}</span> {name} <code>{candidate.field.name}</code>{' '}
              {isRestoring ? (
                <span className="badge badge--success">{t('retired.restoring')}</span>
              ) : inDraft ? (
                <span className="muted">{t('retired.nameTaken', { name: candidate.field.name })}</span>
              ) : (
                <button type="button" className="button button--small" onClick={() => restore(candidate.field)} aria-label={`${t('retired.restore')} ${name}`}>
                  {t('retired.restore')}
                </button>
              )}{' '}
              <button type="button" className="button button--small button--danger" onClick={() => setPurging(candidate)} aria-label={`${t('retired.purge')} ${name}`}>
                {t('retired.purge')}
              </button>
            </li>
          );
        })}
      </ul>
      {purging && (
        <PurgeDialog
          retired={purging}
          onClose={() => setPurging(null)}
          onDone={() => {
            setNotice(t('retired.purged', { name: text(purging.field.label) || purging.field.name }));
            setPurging(null);
            void load();
          }}
        />
      )}
    </section>
  );
}
