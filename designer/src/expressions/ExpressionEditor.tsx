// An expression in the studio (a layout's visibleWhen, requiredWhen, readOnlyWhen): a combobox
// completing the entity's field names and the language's functions, the parse error from core's
// own compiler as it is typed, and the expression tried live against a sample record — one input
// per field it reads. The text reaches the draft when the input is left (or Enter), so one rule
// is one undo step; the validators' problems for its path are shown under it.
import type { EntityDocument, FieldDefinition } from '@stagecraft/core';
import { checkExpression, compileExpression, EXPRESSION_FUNCTION_NAMES, ExpressionError } from '@stagecraft/core/expr';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ProblemDetail } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { applyCompletion, completionsAt, type Completions } from './expression-completion';
import { describeResult, sampleInputKind, sampleScope } from './sample-record';

/** Columns every record has (core's SYSTEM_FIELDS): expressions may read them too. */
const SYSTEM_NAMES = ['id', 'version', 'createdAt', 'updatedAt'];

interface ExpressionEditorProps {
  label: string;
  value: string | undefined;
  entity: EntityDocument;
  onCommit(source: string): void;
  problems?: readonly ProblemDetail[];
  /** Shown under the input, e.g. what the expression decides. */
  hint?: string;
}

type Outcome = { status: 'empty' } | { status: 'invalid'; messages: string[] } | { status: 'valid'; identifiers: readonly string[] };

function outcomeOf(source: string, known: ReadonlySet<string>): Outcome {
  if (source.trim() === '') return { status: 'empty' };
  const problems = checkExpression(source, known);
  if (problems.length > 0) return { status: 'invalid', messages: problems.map((problem) => problem.message) };
  return { status: 'valid', identifiers: compileExpression(source).identifiers };
}

function SampleInput({ field, name, value, onChange }: { field: FieldDefinition | undefined; name: string; value: string; onChange(value: string): void }) {
  const { text, t } = useI18n();
  const id = useId();
  const kind = sampleInputKind(field);
  const label = field ? text(field.label) || field.name : name;
  if (kind === 'checkbox') {
    return (
      <label className="check" htmlFor={id}>
        <input id={id} type="checkbox" checked={value === 'true'} onChange={(event) => onChange(event.target.checked ? 'true' : '')} />
        {label}
      </label>
    );
  }
  return (
    <div className="sample__input">
      <label htmlFor={id}>{label}</label>
      {kind === 'select' && field?.type === 'enum' ? (
        <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('expr.emptyValue')}</option>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {text(option.label) || option.value}
            </option>
          ))}
        </select>
      ) : (
        <input id={id} type={kind} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </div>
  );
}

export function ExpressionEditor({ label, value, entity, onCommit, problems = [], hint }: ExpressionEditorProps) {
  const { t, text } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState(value ?? '');
  const [completions, setCompletions] = useState<Completions | null>(null);
  const [active, setActive] = useState(0);
  const [sample, setSample] = useState<Record<string, string>>({});
  // An undo, a redo or another administrator's draft changes the value under the editor.
  useEffect(() => setSource(value ?? ''), [value]);

  const known = useMemo(() => new Set([...SYSTEM_NAMES, ...entity.fields.map((field) => field.name)]), [entity]);
  const vocabulary = useMemo(() => ({ fields: entity.fields.map((field) => ({ name: field.name, label: text(field.label) })), functions: EXPRESSION_FUNCTION_NAMES }), [entity, text]);
  const outcome = useMemo(() => outcomeOf(source, known), [source, known]);
  const result = useMemo(() => {
    if (outcome.status !== 'valid') return null;
    try {
      return { value: compileExpression(source).evaluate(sampleScope(outcome.identifiers, entity.fields, sample), { now: new Date() }) };
    } catch (error) {
      return { error: error instanceof ExpressionError ? error.description : String(error) };
    }
  }, [outcome, source, entity.fields, sample]);

  const items = completions?.items ?? [];
  const isOpen = items.length > 0;
  const listId = `${id}-completions`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  // The caret goes after an accepted completion as soon as React has put its text in the input,
  // before the browser handles the next key (a frame later, fast typing landed elsewhere).
  const pendingCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (pendingCaret.current === null) return;
    input.current?.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  }, [source]);

  const suggest = (next: string, caret: number, explicit = false): void => {
    const found = completionsAt(next, caret, vocabulary, explicit);
    setCompletions(found.items.length > 0 ? found : null);
    setActive(0);
  };
  const commit = (next: string): void => {
    if (next.trim() !== (value ?? '').trim()) onCommit(next.trim());
  };
  const accept = (index: number): void => {
    const item = items[index];
    if (!completions || !item) return;
    const applied = applyCompletion(source, completions, item);
    pendingCaret.current = applied.caret;
    setSource(applied.source);
    setCompletions(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === ' ' && event.ctrlKey) {
      event.preventDefault();
      suggest(source, event.currentTarget.selectionStart ?? source.length, true);
    } else if (isOpen && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      setActive((current) => (current + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
    } else if (isOpen && (event.key === 'Enter' || event.key === 'Tab')) {
      event.preventDefault();
      accept(active);
    } else if (isOpen && event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setCompletions(null);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      commit(source);
    }
  };

  const describedBy = [outcome.status === 'invalid' || problems.length > 0 ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="expression">
      <label htmlFor={id} className="expression__label">
        {label}
      </label>
      <div className="expression__box">
        <input
          ref={input}
          id={id}
          className="expression__input"
          role="combobox"
          spellCheck={false}
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={isOpen}
          aria-controls={listId}
          aria-activedescendant={isOpen ? `${listId}-${active}` : undefined}
          aria-invalid={outcome.status === 'invalid' || problems.length > 0}
          aria-describedby={describedBy}
          value={source}
          placeholder={t('expr.placeholder')}
          onChange={(event) => {
            setSource(event.target.value);
            suggest(event.target.value, event.target.selectionStart ?? event.target.value.length);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setCompletions(null);
            commit(source);
          }}
        />
        <ul id={listId} role="listbox" aria-label={t('expr.suggestions')} className="expression__list" hidden={!isOpen}>
          {items.map((item, index) => (
            <li
              key={`${item.kind}:${item.name}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="expression__option"
              // Chosen before the input loses focus, so the blur does not close the list first.
              onMouseDown={(event) => {
                event.preventDefault();
                accept(index);
              }}
            >
              <code>{item.kind === 'function' ? `${item.name}()` : item.name}</code>
              <span className="expression__detail">{item.kind === 'function' ? t('expr.function') : item.detail}</span>
            </li>
          ))}
        </ul>
      </div>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {(outcome.status === 'invalid' || problems.length > 0) && (
        <div id={errorId} className="inline-error" role="alert">
          {outcome.status === 'invalid' && outcome.messages.map((message) => <p key={message}>{message}</p>)}
          {problems.map((problem) => (
            <p key={`${problem.path}:${problem.message}`}>{problem.message}</p>
          ))}
        </div>
      )}
      {outcome.status === 'valid' && (
        <fieldset className="sample">
          <legend>{t('expr.sample')}</legend>
          {outcome.identifiers.length === 0 && <p className="hint">{t('expr.noFields')}</p>}
          <div className="sample__inputs">
            {outcome.identifiers.map((name) => (
              <SampleInput key={name} name={name} field={entity.fields.find((field) => field.name === name)} value={sample[name] ?? ''} onChange={(next) => setSample((current) => ({ ...current, [name]: next }))} />
            ))}
          </div>
          <output className={result && 'value' in result && result.value === true ? 'sample__result sample__result--true' : 'sample__result'} aria-live="polite">
            {result === null ? '' : 'error' in result ? t('expr.evaluationError', { message: result.error ?? '' }) : t('expr.result', { value: describeResult(result.value) })}
          </output>
        </fieldset>
      )}
    </div>
  );
}
