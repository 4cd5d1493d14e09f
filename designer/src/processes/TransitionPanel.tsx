// One transition (an event's move from a state) or timer (a delay that moves it) beside the
// canvas: its event or timer name, label in both languages, target state, delay (a duration, business
// hours, or a date field with an offset), the events that restart a timer, and its guards and
// actions from the palette. Every change is a draft edit; its problems show here and on the edge.
import type { EntityDocument, ProcessDocument, TimerDefinition, TimerDelay, TransitionDefinition } from '@stagecraft/core';
import { useState } from 'react';
import type { ProblemDetail } from '../api/client';
import { problemsUnder } from '../draft/problems';
import { useI18n } from '../i18n/i18n';
import { ProblemNotes } from '../layouts/ProblemNotes';
import { LocalisedInput } from '../ui/LocalisedInput';
import { CallListEditor } from './CallListEditor';
import { EVENT_NAME, renameEvent, targetNameFor, transitionAt, type TransitionRef } from './process-edits';
import type { ProcessGraphNode } from './process-graph';

interface TransitionPanelProps {
  process: ProcessDocument;
  transition: TransitionRef;
  pointer: string;
  processPath: string;
  states: readonly ProcessGraphNode[];
  problems: readonly ProblemDetail[];
  dateFields: ReadonlyArray<{ name: string; label: string }>;
  /** The process's entity (expression parameters complete its field names). */
  entity: EntityDocument | undefined;
  change(edit: (process: ProcessDocument) => void): void;
  onSelect(ref: TransitionRef): void;
  onRemove(): void;
}

type DelayKind = 'duration' | 'businessHours' | 'field';

function delayKindOf(delay: TimerDelay): DelayKind {
  return 'duration' in delay ? 'duration' : 'businessHours' in delay ? 'businessHours' : 'field';
}

export function TransitionPanel({ process, transition, pointer, processPath, states, problems, dateFields, entity, change, onSelect, onRemove }: TransitionPanelProps) {
  const { t } = useI18n();
  const definition = transitionAt(process, transition);
  const [eventName, setEventName] = useState(transition.kind === 'event' ? transition.event : '');
  const [eventError, setEventError] = useState<string | null>(null);
  if (!definition) return null;
  const path = `${processPath}${pointer}`;
  const edit = (apply: (found: TransitionDefinition & Partial<TimerDefinition>) => void): void =>
    change((document) => {
      const found = transitionAt(document, transition);
      if (found) apply(found as TransitionDefinition & Partial<TimerDefinition>);
    });
  const timer = transition.kind === 'timer' ? (definition as TimerDefinition) : undefined;
  const target = definition.target;
  const sourceParent = transition.state.includes('.') ? transition.state.slice(0, transition.state.lastIndexOf('.')) : '';
  const targetPath = target === undefined ? '' : target.includes('.') ? target : sourceParent === '' ? target : `${sourceParent}.${target}`;
  const renameTo = (next: string): void => {
    if (transition.kind !== 'event' || next === transition.event) return;
    if (!EVENT_NAME.test(next)) return setEventError(t('process.eventInvalid'));
    setEventError(null);
    let moved: TransitionRef | undefined;
    change((document) => {
      moved = renameEvent(document, transition, next);
    });
    if (moved) onSelect(moved);
  };

  return (
    <section className="process-panel" aria-labelledby="process-panel-title">
      <h2 id="process-panel-title">{t(timer ? 'process.timer' : 'process.transition')}</h2>
      <ProblemNotes problems={problemsUnder(problems, path)} />
      {transition.kind === 'event' ? (
        <div className="form-row">
          <label htmlFor="transition-event">{t('process.event')}</label>
          <input
            id="transition-event"
            value={eventName}
            aria-invalid={eventError !== null}
            aria-describedby="transition-event-hint"
            onChange={(event) => setEventName(event.target.value.toUpperCase())}
            onBlur={() => renameTo(eventName)}
            onKeyDown={(event) => event.key === 'Enter' && renameTo(eventName)}
          />
          <p id="transition-event-hint" className="hint">
            {t('process.eventHint')}
          </p>
          {eventError && (
            <p className="inline-error" role="alert">
              {eventError}
            </p>
          )}
        </div>
      ) : (
        <div className="form-row">
          <label htmlFor="timer-name">{t('process.timerName')}</label>
          <input id="timer-name" value={timer?.name ?? ''} onChange={(event) => edit((found) => void (found.name = event.target.value))} />
        </div>
      )}
      {!timer && <LocalisedInput label={t('process.transitionLabel')} value={(definition as TransitionDefinition).label} idPrefix="transition-label" onChange={(value) => edit((found) => (value === undefined ? void delete found.label : void (found.label = value)))} />}
      <div className="form-row">
        <label htmlFor="transition-target">{t('process.target')}</label>
        <select id="transition-target" value={targetPath} onChange={(event) => edit((found) => (event.target.value === '' ? void delete found.target : void (found.target = targetNameFor(transition.state, event.target.value))))}>
          <option value="">{t('process.stays')}</option>
          {states.map((state) => (
            <option key={state.id} value={state.id}>
              {state.data.label} ({state.id})
            </option>
          ))}
        </select>
      </div>
      {timer && (
        <>
          <div className="grid-2">
            <div className="form-row">
              <label htmlFor="timer-delay-kind">{t('process.delayKind')}</label>
              <select
                id="timer-delay-kind"
                value={delayKindOf(timer.delay)}
                onChange={(event) =>
                  edit((found) => {
                    const kind = event.target.value as DelayKind;
                    found.delay = kind === 'duration' ? { duration: 'P1D' } : kind === 'businessHours' ? { businessHours: 8 } : { field: dateFields[0]?.name ?? '', offset: '-P1D' };
                  })
                }
              >
                <option value="duration">{t('process.delay.duration')}</option>
                <option value="businessHours">{t('process.delay.businessHours')}</option>
                <option value="field">{t('process.delay.field')}</option>
              </select>
            </div>
            {'duration' in timer.delay && (
              <div className="form-row">
                <label htmlFor="timer-duration">{t('process.duration')}</label>
                <input id="timer-duration" value={timer.delay.duration} aria-describedby="timer-duration-hint" onChange={(event) => edit((found) => void (found.delay = { duration: event.target.value.toUpperCase() }))} />
                <p id="timer-duration-hint" className="hint">
                  {t('process.durationHint')}
                </p>
              </div>
            )}
            {'businessHours' in timer.delay && (
              <div className="form-row">
                <label htmlFor="timer-hours">{t('process.businessHours')}</label>
                <input id="timer-hours" type="number" min={1} value={timer.delay.businessHours} onChange={(event) => edit((found) => void (found.delay = { businessHours: Number(event.target.value) }))} />
              </div>
            )}
            {'field' in timer.delay && (
              <div className="form-row">
                <label htmlFor="timer-field">{t('process.dateField')}</label>
                <select id="timer-field" value={timer.delay.field} onChange={(event) => edit((found) => void (found.delay = { field: event.target.value, offset: 'field' in (found.delay ?? {}) ? ((found.delay as { offset?: string }).offset ?? '') : '' }))}>
                  {dateFields.map((field) => (
                    <option key={field.name} value={field.name}>
                      {field.label}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
          <div className="form-row">
            <label htmlFor="timer-restart">{t('process.restartOn')}</label>
            <input
              id="timer-restart"
              value={(timer.restartOn ?? []).join(', ')}
              onChange={(event) =>
                edit((found) => {
                  const events = event.target.value.split(',').map((part) => part.trim().toUpperCase()).filter((part) => part !== '');
                  if (events.length === 0) delete found.restartOn;
                  else found.restartOn = events;
                })
              }
            />
          </div>
        </>
      )}
      <CallListEditor entity={entity} title={t('process.guards')} kind="guards" calls={definition.guards ?? []} problemsAt={(index) => problemsUnder(problems, `${path}/guards/${index}`)} onChange={(calls) => edit((found) => (calls.length === 0 ? void delete found.guards : void (found.guards = calls)))} />
      <CallListEditor entity={entity} title={t('process.actions')} kind="actions" calls={definition.actions ?? []} problemsAt={(index) => problemsUnder(problems, `${path}/actions/${index}`)} onChange={(calls) => edit((found) => (calls.length === 0 ? void delete found.actions : void (found.actions = calls)))} />
      <div className="process-panel__actions">
        <button type="button" className="button button--danger" onClick={onRemove}>
          {t(timer ? 'process.removeTimer' : 'process.removeTransition')}
        </button>
      </div>
    </section>
  );
}
