// Publishing the draft: the plan the server computes for it (step by step, with its flags), a
// confirmation for destructive steps, a message for the history; then the draft is published as
// the next version and the app uses it at once. A publish someone else made meanwhile is a 409:
// nothing is overwritten, and the studio offers to start again from the live version (discarding
// the draft) or to keep the draft and review it against what is live now.
import type { MigrationPlan } from '@stagecraft/core';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import { DRAFT_NAME, useStudio, type PlanAnswer } from '../draft/draft-store';
import { useI18n } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';
import { PlanSteps } from './PlanSteps';
import { isMappingComplete, migrateRecords, ProcessMigrations, useProcessesToMigrate, type Mappings } from './ProcessMigrations';

export function PublishDialog({ onClose, onPublished }: { onClose(): void; onPublished(version: number, details?: string): void }) {
  const { t, text } = useI18n();
  const studio = useStudio();
  const [plan, setPlan] = useState<MigrationPlan | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isConfirmed, setConfirmed] = useState(false);
  const [message, setMessage] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [race, setRace] = useState(false);
  const [mappings, setMappings] = useState<Mappings>({});
  const [migrationFailures, setMigrationFailures] = useState<{ version: number; failures: string[] } | null>(null);
  const processes = useProcessesToMigrate(studio.live.bundle, studio.draft, (value) => text(value as never));

  useEffect(() => {
    let isCurrent = true;
    void studio
      .flush()
      .then(() => api.post<PlanAnswer>('/api/metadata/plan', { bundle: studio.draft }))
      .then(
        (answer) => isCurrent && setPlan(answer.plan),
        (failure: unknown) => isCurrent && setError(failure instanceof ApiError ? failure : new ApiError(0, 'error', String(failure))),
      );
    return () => {
      isCurrent = false;
    };
    // Planned once, for the draft as the dialog opened on it.
  }, []);

  const needsConfirmation = plan !== null && (plan.requiresConfirmation || plan.steps.some((step) => step.destructive));
  const canPublish = plan !== null && plan.blocked.length === 0 && (!needsConfirmation || isConfirmed) && !isBusy && processes !== null && isMappingComplete(processes, mappings);

  const publish = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await studio.flush();
      const answer = await api.post<{ version: { number: number } }>(`/api/metadata/drafts/${DRAFT_NAME}/publish`, { confirm: isConfirmed, message, baseVersion: studio.baseVersion });
      // The records running a changed process move to the new version with it.
      const migrated = processes && processes.length > 0 ? await migrateRecords(processes, mappings, answer.version.number) : { moved: 0, failures: [] };
      if (migrated.failures.length > 0) {
        setMigrationFailures({ version: answer.version.number, failures: migrated.failures });
        setBusy(false);
        return;
      }
      onPublished(answer.version.number, migrated.moved > 0 ? t('migrate.done', { count: migrated.moved }) : undefined);
    } catch (failure) {
      const apiError = failure instanceof ApiError ? failure : new ApiError(0, 'error', String(failure));
      if (apiError.status === 409 && apiError.details.some((detail) => detail.code === 'liveVersionChanged')) setRace(true);
      setError(apiError);
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('publish.title')} onClose={onClose} wide>
      <h3>{t('publish.plan')}</h3>
      {plan === null && error === null && <p className="muted">{t('publish.planning')}</p>}
      {plan && <PlanSteps plan={plan} />}
      {error && !race && (
        <div className="alert alert--danger" role="alert">
          <p>{error.message}</p>
          <ul>
            {error.details.map((detail) => (
              <li key={`${detail.path}:${detail.message}`}>
                <code>{detail.path}</code> {detail.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {race && (
        <div className="alert alert--warning" role="alert">
          <p>{t('publish.race', { version: studio.live.version === null ? '?' : studio.live.version + 1 })}</p>
          <div className="alert__actions">
            <button type="button" className="button" onClick={() => void studio.reload().then(onClose)}>
              {t('publish.keepDraft')}
            </button>
            <button type="button" className="button button--primary" onClick={() => void studio.discard().then(onClose)}>
              {t('draft.reload')}
            </button>
          </div>
        </div>
      )}
      {processes && <ProcessMigrations processes={processes} mappings={mappings} onChange={setMappings} />}
      {migrationFailures && (
        <div className="alert alert--warning" role="alert">
          <p>{t('migrate.failed', { version: migrationFailures.version })}</p>
          <ul>
            {migrationFailures.failures.map((failure) => (
              <li key={failure}>{failure}</li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => onPublished(migrationFailures.version)}>
            {t('field.close')}
          </button>
        </div>
      )}
      {needsConfirmation && (
        <label className="check check--block">
          <input type="checkbox" checked={isConfirmed} onChange={(event) => setConfirmed(event.target.checked)} />
          {t('publish.confirmDestructive')}
        </label>
      )}
      <div className="form-row">
        <label htmlFor="publish-message">{t('publish.message')}</label>
        <input id="publish-message" value={message} onChange={(event) => setMessage(event.target.value)} />
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('publish.cancel')}
        </button>
        <button type="button" className="button button--primary" disabled={!canPublish} onClick={() => void publish()}>
          {t('publish.submit')}
        </button>
      </div>
    </Dialog>
  );
}
