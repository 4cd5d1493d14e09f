// The dry run beside the canvas: fill a sample record, start the drafted process on it, then send
// events (the moves leaving the current states) or let an armed timer fire; each step shows where
// the record went, why a guard refused, the actions it would run and the timers it arms with their
// due times. The server runs the draft's process through the pure engine: nothing is written.
import type { EntityDocument, ProcessDocument } from '@stagecraft/core';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import { sampleInputKind, sampleValueOf } from '../expressions/sample-record';
import { useI18n } from '../i18n/i18n';
import { stateAt } from './process-edits';
import type { ProcessGraphEdge } from './process-graph';

const TIMER_EVENT = 'stagecraft.timer';

type StateValue = string | { [name: string]: StateValue };

interface SimulatedStep {
  event: string;
  at: string;
  to: StateValue | null;
  stage: string | null;
  ok: boolean;
  error?: string;
  reasons?: Array<{ message: string }>;
  effects: Array<{ name: string; params: Record<string, unknown> }>;
}

interface SimulationAnswer {
  path: SimulatedStep[];
  snapshot: { value: StateValue; timers: Record<string, { dueAt?: string }> } | null;
}

type SentEvent = { type: string } | { type: typeof TIMER_EVENT; timer: string };

/** Every state path a state value stands in (a compound state and its active child, …). */
export function activePaths(value: StateValue | null, prefix = ''): string[] {
  if (value === null) return [];
  if (typeof value === 'string') return [prefix === '' ? value : `${prefix}.${value}`];
  return Object.entries(value).flatMap(([name, child]) => {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    return [path, ...activePaths(child, path)];
  });
}

export function SimulationPanel({ process, entity, edges, onPath }: { process: ProcessDocument; entity: EntityDocument | undefined; edges: readonly ProcessGraphEdge[]; onPath(visited: string[], current: string[]): void }) {
  const { t, text, time } = useI18n();
  const [sample, setSample] = useState<Record<string, string>>({});
  const [events, setEvents] = useState<SentEvent[] | null>(null);
  const [answer, setAnswer] = useState<SimulationAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The fields a sample can fill (not computed ones, not the stage the process sets).
  const fields = (entity?.fields ?? []).filter((field) => field.name !== process.stageField && field.type !== 'formula' && field.type !== 'autonumber').slice(0, 16);

  useEffect(() => {
    if (events === null) return;
    let isCurrent = true;
    const record = Object.fromEntries(fields.filter((field) => (sample[field.name] ?? '') !== '').map((field) => [field.name, sampleValueOf(field, sample[field.name] ?? '')]));
    api.post<SimulationAnswer>(`/api/metadata/processes/${encodeURIComponent(process.name)}/simulate`, { process, ...(entity ? { entity } : {}), record, events }).then(
      (result) => {
        if (!isCurrent) return;
        setAnswer(result);
        setError(null);
        const visited = result.path.flatMap((step) => activePaths(step.to));
        onPath(visited, activePaths(result.snapshot?.value ?? null));
      },
      (failure: unknown) => isCurrent && setError(failure instanceof ApiError ? [failure.message, ...failure.details.map((detail) => `${detail.path} ${detail.message}`)].join(' — ') : String(failure)),
    );
    return () => void (isCurrent = false);
    // Re-run when the events, the sample or the drafted process change.
  }, [events, sample, process, entity]);

  const current = activePaths(answer?.snapshot?.value ?? null);
  // Steps read as the canvas does: moves by their button labels, states by their labels.
  const moveLabels = new Map(edges.filter((edge) => edge.data.kind === 'event').map((edge) => [edge.data.event, edge.data.label]));
  const stateLabel = (path: string): string => text(stateAt(process, path)?.label) || path;
  const moves = [...new Map(edges.filter((edge) => edge.data.kind === 'event' && current.includes(edge.source)).map((edge) => [edge.data.event, edge])).values()];
  const timers = Object.entries(answer?.snapshot?.timers ?? {}).filter(([, clock]) => clock.dueAt !== undefined);

  return (
    <section className="process-panel" aria-labelledby="simulation-title">
      <h2 id="simulation-title">{t('simulation.title')}</h2>
      <p className="hint">{t('simulation.intro')}</p>
      <fieldset className="fieldset">
        <legend>{t('simulation.sample')}</legend>
        <div className="grid-2">
          {fields.map((field) => (
            <div key={field.name} className="form-row">
              <label htmlFor={`sample-${field.name}`}>{text(field.label) || field.name}</label>
              {field.type === 'enum' ? (
                <select id={`sample-${field.name}`} value={sample[field.name] ?? ''} onChange={(event) => setSample({ ...sample, [field.name]: event.target.value })}>
                  <option value="">—</option>
                  {field.options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {text(option.label) || option.value}
                    </option>
                  ))}
                </select>
              ) : sampleInputKind(field) === 'checkbox' ? (
                <input id={`sample-${field.name}`} type="checkbox" checked={sample[field.name] === 'true'} onChange={(event) => setSample({ ...sample, [field.name]: String(event.target.checked) })} />
              ) : (
                <input id={`sample-${field.name}`} type={sampleInputKind(field)} value={sample[field.name] ?? ''} onChange={(event) => setSample({ ...sample, [field.name]: event.target.value })} />
              )}
            </div>
          ))}
        </div>
      </fieldset>
      <div className="process-panel__actions">
        <button type="button" className="button button--primary" onClick={() => setEvents([])}>
          {events === null ? t('simulation.start') : t('simulation.restart')}
        </button>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {events !== null && answer && (
        <>
          <h3 className="simulation__heading">{t('simulation.moves')}</h3>
          <div className="simulation__moves" role="group" aria-label={t('simulation.moves')}>
            {moves.map((edge) => (
              <button key={edge.id} type="button" className="button button--small" onClick={() => setEvents([...events, { type: edge.data.event }])}>
                {edge.data.label}
              </button>
            ))}
            {timers.map(([key, clock]) => (
              <button key={key} type="button" className="button button--small" onClick={() => setEvents([...events, { type: TIMER_EVENT, timer: key }])}>
                {t('simulation.fireTimer', { timer: key.split(':')[2] ?? key, due: time(clock.dueAt ?? '') })}
              </button>
            ))}
            {moves.length === 0 && timers.length === 0 && <span className="muted">{t('simulation.noMoves')}</span>}
          </div>
          <ol className="simulation__steps" aria-live="polite">
            {answer.path.map((step, index) => (
              <li key={index} className={step.ok ? 'simulation__step' : 'simulation__step simulation__step--refused'}>
                <strong>{step.event === 'stagecraft.start' ? t('simulation.started') : step.event === TIMER_EVENT ? t('simulation.timerFired') : (moveLabels.get(step.event) ?? step.event)}</strong>{' '}
                {step.ok ? <span>→ {activePaths(step.to).map(stateLabel).join(', ')}</span> : <span className="badge badge--danger">{t('simulation.refused')}</span>}
                {(step.reasons ?? []).map((reason) => (
                  <p key={reason.message} className="inline-error">
                    {reason.message}
                  </p>
                ))}
                {step.effects.length > 0 && <p className="hint">{t('simulation.effects', { actions: step.effects.map((effect) => effect.name).join(', ') })}</p>}
              </li>
            ))}
          </ol>
          {timers.length > 0 && (
            <ul className="simulation__timers">
              {timers.map(([key, clock]) => (
                <li key={key}>{t('simulation.armed', { timer: key.split(':')[2] ?? key, due: time(clock.dueAt ?? '') })}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
