// The history: every published version with its author, time and message; the live one marked;
// rolling back to one shows the plan of going there first (the same planner a publish uses), then
// publishes that content again as a new version.
import type { MetadataBundle, MigrationPlan } from '@stagecraft/core';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import { useStudio, type PlanAnswer, type VersionSummary } from '../draft/draft-store';
import { useI18n } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';
import { BundleChanges } from './ChangesPage';
import { PlanSteps } from './PlanSteps';

function RollbackDialog({ version, onClose, onDone }: { version: number; onClose(): void; onDone(live: number): void }) {
  const { t } = useI18n();
  const [plan, setPlan] = useState<MigrationPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isConfirmed, setConfirmed] = useState(false);
  const [isBusy, setBusy] = useState(false);
  useEffect(() => {
    void api
      .post<PlanAnswer>('/api/metadata/rollback', { version, dryRun: true })
      .then((answer) => setPlan(answer.plan), (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  }, [version]);
  const needsConfirmation = plan !== null && (plan.requiresConfirmation || plan.steps.some((step) => step.destructive));
  const rollback = async (): Promise<void> => {
    setBusy(true);
    try {
      const answer = await api.post<{ version: { number: number } }>('/api/metadata/rollback', { version, confirm: isConfirmed });
      onDone(answer.version.number);
    } catch (failure) {
      setError(failure instanceof ApiError ? `${failure.message} ${failure.details.map((detail) => detail.message).join('; ')}` : String(failure));
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('versions.rollbackTitle', { version })} onClose={onClose} wide>
      <h3>{t('publish.plan')}</h3>
      {plan ? <PlanSteps plan={plan} /> : !error && <p className="muted">{t('publish.planning')}</p>}
      {error && (
        <p className="alert alert--danger" role="alert">
          {error}
        </p>
      )}
      {needsConfirmation && (
        <label className="check check--block">
          <input type="checkbox" checked={isConfirmed} onChange={(event) => setConfirmed(event.target.checked)} />
          {t('publish.confirmDestructive')}
        </label>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('publish.cancel')}
        </button>
        <button type="button" className="button button--primary" disabled={plan === null || plan.blocked.length > 0 || (needsConfirmation && !isConfirmed) || isBusy} onClick={() => void rollback()}>
          {t('versions.rollbackSubmit')}
        </button>
      </div>
    </Dialog>
  );
}

/** Any two versions side by side: what changed from the first to the second. */
function CompareVersions({ versions }: { versions: readonly VersionSummary[] }) {
  const { t } = useI18n();
  const numbers = versions.map((version) => version.number);
  const [from, setFrom] = useState<number | null>(numbers[1] ?? null);
  const [to, setTo] = useState<number | null>(numbers[0] ?? null);
  const [bundles, setBundles] = useState<{ from: MetadataBundle; to: MetadataBundle; key: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (from === null || to === null) return;
    let isCurrent = true;
    const bundleOf = (number: number) => api.get<{ bundle: MetadataBundle }>(`/api/metadata/versions/${number}`).then((version) => version.bundle);
    Promise.all([bundleOf(from), bundleOf(to)]).then(
      ([before, after]) => isCurrent && (setBundles({ from: before, to: after, key: `${from}:${to}` }), setError(null)),
      (failure: unknown) => isCurrent && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => void (isCurrent = false);
  }, [from, to]);
  if (numbers.length < 2) return null;
  const select = (id: string, label: string, value: number | null, onChange: (value: number) => void) => (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(Number(event.target.value))}>
        {numbers.map((number) => (
          <option key={number} value={number}>
            {t('versions.versionNumber', { version: number })}
          </option>
        ))}
      </select>
    </>
  );
  return (
    <section className="card" aria-labelledby="compare-versions">
      <h2 id="compare-versions">{t('versions.compare')}</h2>
      <div className="inline-form">
        {select('compare-from', t('versions.compareFrom'), from, setFrom)}
        {select('compare-to', t('versions.compareTo'), to, setTo)}
      </div>
      {error && (
        <p className="alert alert--danger" role="alert">
          {error}
        </p>
      )}
      {bundles && bundles.key === `${from}:${to}` && <BundleChanges before={bundles.from} after={bundles.to} />}
    </section>
  );
}

export function VersionsPage({ onNotice }: { onNotice(message: string): void }) {
  const { t, time } = useI18n();
  const studio = useStudio();
  const [versions, setVersions] = useState<{ data: VersionSummary[]; live: number | null } | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  const load = useCallback(() => void api.get<{ data: VersionSummary[]; live: number | null }>('/api/metadata/versions').then(setVersions), []);
  useEffect(load, [load, studio.live.version]);
  return (
    <div className="page">
      <h1>{t('versions.title')}</h1>
      <p className="page__intro">{t('versions.intro')}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('versions.number')}</th>
            <th scope="col">{t('versions.author')}</th>
            <th scope="col">{t('versions.time')}</th>
            <th scope="col">{t('versions.message')}</th>
            <th scope="col">{t('field.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(versions?.data ?? []).map((version) => (
            <tr key={version.number}>
              <td>
                {version.number} {version.number === versions?.live && <span className="badge badge--success">{t('versions.live')}</span>}
              </td>
              <td>{version.author}</td>
              <td>{time(version.createdAt)}</td>
              <td>
                {version.message}
                {version.rolledBackFrom !== null && <span className="muted"> ({t('versions.rollbackOf', { version: version.rolledBackFrom })})</span>}
              </td>
              <td>
                {version.number !== versions?.live && (
                  <button type="button" className="button button--small" onClick={() => setTarget(version.number)} aria-label={`${t('versions.rollback')} ${version.number}`}>
                    {t('versions.rollback')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {versions && <CompareVersions versions={versions.data} />}
      {target !== null && (
        <RollbackDialog
          version={target}
          onClose={() => setTarget(null)}
          onDone={(live) => {
            setTarget(null);
            onNotice(t('versions.rolledBack', { version: live }));
            void studio.reload();
          }}
        />
      )}
    </div>
  );
}
