// The process path bar of a record: the stages in order (done, current, ahead; the final stages
// at the end), the current stage's guidance, and a button per event the user may send now —
// blocked ones disabled with the guard's reason in words. Firing one reloads the record page.
import { useState } from 'react';
import { api } from '../api/client';
import type { AvailableTransition, ProcessDetail, StateSummary, TransitionsAnswer } from '../api/types';
import { useAsync } from '../api/use-async';
import { useI18n } from '../i18n/i18n';
import { metadata } from '../metadata/metadata';
import { ErrorNotice, plainError } from '../ui/feedback';
import { useToast } from '../ui/toast';

interface ProcessPathProps {
  entity: string;
  id: string;
  processName: string;
  /** Bumped by the page after any change, so the available moves are asked again. */
  version: number;
  onMoved(): void;
}

type StepStatus = 'done' | 'current' | 'ahead';

function orderedStages(process: ProcessDetail): StateSummary[] {
  const top = process.states.filter((state) => state.parent === null);
  return [...top.filter((state) => state.type !== 'final'), ...top.filter((state) => state.type === 'final')];
}

function statusOf(stages: StateSummary[], index: number, currentIndex: number, current: StateSummary | undefined): StepStatus {
  if (index === currentIndex) return 'current';
  const stage = stages[index];
  // Once the record sits in a final stage, every working stage is behind it and the other finals are not reached.
  if (current?.type === 'final') return stage?.type === 'final' ? 'ahead' : 'done';
  return index < currentIndex ? 'done' : 'ahead';
}

export function ProcessPath({ entity, id, processName, version, onMoved }: ProcessPathProps) {
  const i18n = useI18n();
  const { t, text } = i18n;
  const toast = useToast();
  const [busy, setBusy] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const state = useAsync(async (signal) => {
    const [process, transitions] = await Promise.all([
      metadata.process(processName),
      api.get<TransitionsAnswer>(`/api/records/${encodeURIComponent(entity)}/${encodeURIComponent(id)}/transitions`, { process: processName }, signal),
    ]);
    return { process, transitions };
  }, [entity, id, processName, version]);

  if (state.error !== undefined) return <ErrorNotice error={state.error} onRetry={state.reload} />;
  if (!state.data) return <div className="process-path process-path--loading" aria-hidden="true" />;
  const { process, transitions } = state.data;
  const stages = orderedStages(process);
  const currentName = transitions.stage ?? (typeof transitions.state === 'string' ? transitions.state : undefined);
  const currentIndex = stages.findIndex((stage) => stage.name === currentName || stage.path === currentName);
  const current = stages[currentIndex];
  const stageLabel = (name: string | null) => text(stages.find((stage) => stage.name === name || stage.path === name)?.label, name ?? '');

  const fire = async (transition: AvailableTransition) => {
    setBusy(transition.event);
    setFailure(undefined);
    try {
      await api.post(`/api/records/${encodeURIComponent(entity)}/${encodeURIComponent(id)}/transitions`, { event: transition.event, process: processName });
      toast(t('record.moved', { stage: stageLabel(transition.target) }));
      onMoved();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(undefined);
    }
  };

  const reasonText = (transition: AvailableTransition) => transition.reasons.map((reason) => reason.text?.[i18n.locale] ?? reason.message).join(' ');
  return (
    <section className="process" aria-labelledby="process-title">
      <h2 id="process-title" className="visually-hidden">
        {t('record.process')}: {text(process.document?.label ?? process.name, process.name)}
      </h2>
      <ol className="process-path">
        {stages.map((stage, index) => {
          const status = statusOf(stages, index, currentIndex, current);
          return (
            <li key={stage.path} className={`process-path__step process-path__step--${status}${stage.type === 'final' ? ' process-path__step--final' : ''}`} aria-current={status === 'current' ? 'step' : undefined}>
              <span className="process-path__label">{text(stage.label, stage.name)}</span>
              <span className="visually-hidden">
                {' '}
                ({status === 'done' ? t('record.stageDone') : status === 'current' ? t('record.stageCurrent') : t('record.stageAhead')})
              </span>
            </li>
          );
        })}
      </ol>
      <div className="process__body">
        <div className="process__guidance">
          <h3>
            {t('record.guidance')}: {current ? text(current.label, current.name) : ''}
          </h3>
          <p>{current?.guidance ? text(current.guidance) : '—'}</p>
        </div>
        <div className="process__moves">
          <h3>{t('record.moves')}</h3>
          {transitions.data.length === 0 && <p className="muted">{t('record.noMoves')}</p>}
          <ul className="process__move-list">
            {transitions.data.map((transition) => {
              const reasonId = `move-${transition.event}-reason`;
              return (
                <li key={transition.event}>
                  <button
                    type="button"
                    className={transition.allowed ? 'button button--primary' : 'button'}
                    disabled={!transition.allowed || busy !== undefined}
                    aria-describedby={transition.allowed ? undefined : reasonId}
                    onClick={() => void fire(transition)}
                  >
                    {text(transition.labelText ?? transition.label, transition.event)}
                  </button>
                  {!transition.allowed && (
                    <p id={reasonId} className="process__reason">
                      {reasonText(transition)}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
          {failure !== undefined && (
            <p className="field__error" role="alert">
              {plainError(failure, t)}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
