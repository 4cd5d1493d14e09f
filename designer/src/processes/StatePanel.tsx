// One state's properties beside the canvas: labels and guidance in both languages, win
// probability, the fields required to enter and to leave, entry and exit actions from the palette,
// the stage colour (a top-level state is an option of the entity's stage field), and making it the
// initial state or removing it. Every change is a draft edit.
import type { EntityDocument, ProcessDocument, StateDefinition } from '@stagecraft/core';
import { useState } from 'react';
import { problemsUnder } from '../draft/problems';
import type { ProblemDetail } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ProblemNotes } from '../layouts/ProblemNotes';
import { LocalisedInput } from '../ui/LocalisedInput';
import { CallListEditor } from './CallListEditor';
import { stateAt } from './process-edits';

interface StatePanelProps {
  process: ProcessDocument;
  entity: EntityDocument | undefined;
  path: string;
  /** The process's JSON path in the bundle, e.g. `/processes/salesMethod`. */
  processPath: string;
  problems: readonly ProblemDetail[];
  change(edit: (process: ProcessDocument, entity: EntityDocument | undefined) => void): void;
  onRemove(): void;
  /** Copies this state (Ctrl+C on the canvas too); Paste adds a copy next to the selected state. */
  onCopy(): void;
  onPaste?: (() => void) | undefined;
  /** Adds a move (an event) or a timer from this state to `target`; the panel then shows it. */
  onAddMove(target: string, kind: 'event' | 'timer'): void;
  /** Every state path, for the target of a new move. */
  statePaths: readonly string[];
}

function pointerOfState(path: string): string {
  return path
    .split('.')
    .map((name) => `/states/${name}`)
    .join('');
}

export function StatePanel({ process, entity, path, processPath, problems, change, onRemove, onCopy, onPaste, onAddMove, statePaths }: StatePanelProps) {
  const { t, text } = useI18n();
  const [moveTarget, setMoveTarget] = useState('');
  const state = stateAt(process, path);
  if (!state) return null;
  const targets = statePaths.filter((candidate) => candidate !== path);
  const target = targets.includes(moveTarget) ? moveTarget : (targets[0] ?? '');
  const statePath = `${processPath}${pointerOfState(path)}`;
  const name = path.split('.').pop() ?? path;
  const isTopLevel = !path.includes('.');
  const parentPath = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : null;
  const isInitial = parentPath === null ? process.initial === name : stateAt(process, parentPath)?.initial === name;
  const stageOption = isTopLevel ? entity?.fields.find((field) => field.name === process.stageField) : undefined;
  const option = stageOption?.type === 'enum' ? stageOption.options.find((candidate) => candidate.value === name) : undefined;
  const edit = (apply: (definition: StateDefinition, process: ProcessDocument, entity: EntityDocument | undefined) => void): void =>
    change((document, entityDocument) => {
      const definition = stateAt(document, path);
      if (definition) apply(definition, document, entityDocument);
    });
  const fieldOptions = entity?.fields.filter((field) => field.type !== 'formula' && field.type !== 'autonumber') ?? [];
  const requiredList = (which: 'enter' | 'leave') => (
    <fieldset className="fieldset checks">
      <legend>{t(which === 'enter' ? 'process.requiredToEnter' : 'process.requiredToLeave')}</legend>
      {fieldOptions.map((field) => (
        <label key={field.name} className="check">
          <input
            type="checkbox"
            checked={state.requiredFields?.[which]?.includes(field.name) ?? false}
            onChange={(event) =>
              edit((definition) => {
                const others = (definition.requiredFields?.[which] ?? []).filter((candidate) => candidate !== field.name);
                const next = event.target.checked ? [...others, field.name] : others;
                const required = { ...(definition.requiredFields ?? {}) };
                if (next.length === 0) delete required[which];
                else required[which] = next;
                if (Object.keys(required).length === 0) delete definition.requiredFields;
                else definition.requiredFields = required;
              })
            }
          />
          {text(field.label) || field.name}
        </label>
      ))}
    </fieldset>
  );

  return (
    <section className="process-panel" aria-labelledby="process-panel-title">
      <h2 id="process-panel-title">
        {t('process.state')} <code>{path}</code>
      </h2>
      <ProblemNotes problems={problemsUnder(problems, statePath).filter((problem) => !/\/(on|after)\//.test(problem.path.slice(statePath.length)))} />
      <LocalisedInput
        label={t('process.stateLabel')}
        value={state.label}
        idPrefix="state-label"
        onChange={(value) =>
          edit((definition, _document, entityDocument) => {
            if (value === undefined) delete definition.label;
            else definition.label = value;
            // The stage field's option is the stage as lists and boards show it: same words.
            const field = isTopLevel ? entityDocument?.fields.find((candidate) => candidate.name === process.stageField) : undefined;
            const stage = field?.type === 'enum' ? field.options.find((candidate) => candidate.value === name) : undefined;
            if (stage && value !== undefined) stage.label = value;
          })
        }
      />
      <LocalisedInput label={t('process.guidance')} value={state.guidance} idPrefix="state-guidance" onChange={(value) => edit((definition) => (value === undefined ? void delete definition.guidance : void (definition.guidance = value)))} />
      <div className="grid-2">
        <div className="form-row">
          <label htmlFor="state-probability">{t('process.probability')}</label>
          <input
            id="state-probability"
            type="number"
            min={0}
            max={100}
            value={state.probability ?? ''}
            onChange={(event) => edit((definition) => (event.target.value === '' ? void delete definition.probability : void (definition.probability = Math.max(0, Math.min(100, Number(event.target.value))))))}
          />
        </div>
        {option && (
          <div className="form-row form-row--inline">
            <label htmlFor="state-color">{t('process.stageColor')}</label>
            <input
              id="state-color"
              type="color"
              value={option.color ?? '#5f6b7d'}
              onChange={(event) =>
                change((_document, entityDocument) => {
                  const field = entityDocument?.fields.find((candidate) => candidate.name === process.stageField);
                  const stage = field?.type === 'enum' ? field.options.find((candidate) => candidate.value === name) : undefined;
                  if (stage) stage.color = event.target.value;
                })
              }
            />
          </div>
        )}
      </div>
      <div className="inline-form inline-form--wrap">
        <label htmlFor="state-move-target">{t('process.moveTo')}</label>
        <select id="state-move-target" value={target} onChange={(event) => setMoveTarget(event.target.value)}>
          {targets.map((candidate) => (
            <option key={candidate} value={candidate}>
              {text(stateAt(process, candidate)?.label) || candidate} ({candidate})
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={target === ''} onClick={() => onAddMove(target, 'event')}>
          {t('process.addMove')}
        </button>
        <button type="button" className="button" disabled={target === ''} onClick={() => onAddMove(target, 'timer')}>
          {t('process.addTimer')}
        </button>
      </div>
      {requiredList('enter')}
      {requiredList('leave')}
      <CallListEditor entity={entity} title={t('process.entryActions')} kind="actions" calls={state.entry ?? []} problemsAt={(index) => problemsUnder(problems, `${statePath}/entry/${index}`)} onChange={(calls) => edit((definition) => (calls.length === 0 ? void delete definition.entry : void (definition.entry = calls)))} />
      <CallListEditor entity={entity} title={t('process.exitActions')} kind="actions" calls={state.exit ?? []} problemsAt={(index) => problemsUnder(problems, `${statePath}/exit/${index}`)} onChange={(calls) => edit((definition) => (calls.length === 0 ? void delete definition.exit : void (definition.exit = calls)))} />
      <div className="process-panel__actions">
        {Object.keys(state.states ?? {}).length > 0 && (
          <label className="check">
            <input
              type="checkbox"
              checked={state.type === 'parallel'}
              onChange={(event) =>
                edit((definition) => {
                  // A parallel state runs every child at once: it has no initial child.
                  if (event.target.checked) {
                    definition.type = 'parallel';
                    delete definition.initial;
                  } else {
                    delete definition.type;
                    definition.initial = Object.keys(definition.states ?? {})[0] ?? '';
                  }
                })
              }
            />
            {t('process.parallel')}
          </label>
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={state.type === 'final'}
            disabled={Object.keys(state.states ?? {}).length > 0}
            onChange={(event) => edit((definition) => (event.target.checked ? void (definition.type = 'final') : void delete definition.type))}
          />
          {t('process.final')}
        </label>
        <button
          type="button"
          className="button"
          disabled={isInitial}
          onClick={() =>
            change((document) => {
              if (parentPath === null) document.initial = name;
              else {
                const parent = stateAt(document, parentPath);
                if (parent) parent.initial = name;
              }
            })
          }
        >
          {isInitial ? t('process.isInitial') : t('process.makeInitial')}
        </button>
        <button type="button" className="button" onClick={onCopy}>
          {t('process.copyState')}
        </button>
        {onPaste && (
          <button type="button" className="button" onClick={onPaste}>
            {t('process.pasteState')}
          </button>
        )}
        <button type="button" className="button button--danger" onClick={onRemove}>
          {t('process.removeState')}
        </button>
      </div>
    </section>
  );
}
