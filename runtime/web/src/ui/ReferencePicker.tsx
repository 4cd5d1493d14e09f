// Picks a record of another entity by typing part of its name: an ARIA combobox that searches the
// referenced entity's list (`q`, 8 at a time) as the user types; arrows, Enter and Escape work.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { api } from '../api/client';
import type { RecordPage } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { displayFieldOf, recordTitle } from '../metadata/entity-info';
import { metadata } from '../metadata/metadata';

const SEARCH_DELAY_MS = 200;
const RESULTS = 8;

export interface ReferencePickerProps {
  id?: string;
  /** The referenced entity ("account", "user"). */
  entity: string;
  value: string | null;
  /** The current value's title when the caller already knows it (saves a request). */
  valueTitle?: string;
  onChange(id: string | null, title: string): void;
  disabled?: boolean;
  readOnly?: boolean;
  invalid?: boolean;
  required?: boolean;
  ariaLabel?: string;
  ariaDescribedBy?: string;
  placeholder?: string;
}

interface Option {
  id: string;
  title: string;
}

export function ReferencePicker(props: ReferencePickerProps) {
  const { t, text } = useI18n();
  const generated = useId();
  const inputId = props.id ?? `${generated}-input`;
  const listId = `${generated}-list`;
  const [displayField, setDisplayField] = useState('name');
  const [entityLabel, setEntityLabel] = useState(props.entity);
  const [query, setQuery] = useState(props.valueTitle ?? '');
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [searching, setSearching] = useState(false);
  const typed = useRef(false);

  useEffect(() => {
    void metadata.entities().then((entities) => {
      setDisplayField(displayFieldOf(entities, props.entity));
      const summary = entities.find((entity) => entity.name === props.entity);
      if (summary) setEntityLabel(text(summary.label, props.entity));
    });
  }, [props.entity, text]);

  // The shown text follows the value when it changes from outside (and on first load by id).
  useEffect(() => {
    typed.current = false;
    if (props.value === null || props.value === '') {
      setQuery('');
      return;
    }
    if (props.valueTitle) {
      setQuery(props.valueTitle);
      return;
    }
    const controller = new AbortController();
    api
      .get<Record<string, unknown>>(`/api/records/${encodeURIComponent(props.entity)}/${encodeURIComponent(props.value)}`, {}, controller.signal)
      .then((record) => setQuery(recordTitle(record, displayField)))
      .catch(() => setQuery(props.value ?? ''));
    return () => controller.abort();
  }, [props.value, props.valueTitle, props.entity, displayField]);

  useEffect(() => {
    if (!open || !typed.current) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setSearching(true);
      api
        .get<RecordPage>(`/api/records/${encodeURIComponent(props.entity)}`, { q: query.trim(), pageSize: RESULTS, count: 'false', sort: displayField }, controller.signal)
        .then((page) => {
          setOptions(page.data.map((record) => ({ id: record.id, title: recordTitle(record, displayField) })));
          setActive(page.data.length > 0 ? 0 : -1);
        })
        .catch(() => setOptions([]))
        .finally(() => {
          if (!controller.signal.aborted) setSearching(false);
        });
    }, SEARCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, open, props.entity, displayField]);

  const choose = (option: Option | null) => {
    typed.current = false;
    setOpen(false);
    setQuery(option?.title ?? '');
    props.onChange(option?.id ?? null, option?.title ?? '');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) {
        typed.current = true;
        setOpen(true);
      }
      setActive((index) => Math.min(index + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter' && open && active >= 0 && options[active]) {
      event.preventDefault();
      choose(options[active] ?? null);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  const locked = props.disabled === true || props.readOnly === true;
  return (
    <div className="combobox">
      <input
        id={inputId}
        className="input"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-label={props.ariaLabel}
        aria-describedby={props.ariaDescribedBy}
        aria-invalid={props.invalid || undefined}
        aria-required={props.required || undefined}
        autoComplete="off"
        placeholder={props.placeholder ?? t('form.searchReference', { entity: entityLabel })}
        value={query}
        disabled={props.disabled}
        readOnly={props.readOnly}
        onChange={(event) => {
          typed.current = true;
          setQuery(event.target.value);
          setOpen(true);
          if (event.target.value === '' && props.value) props.onChange(null, '');
        }}
        onFocus={() => {
          if (!locked) {
            typed.current = true;
            setOpen(true);
          }
        }}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {props.value && !locked && (
        <button type="button" className="combobox__clear" aria-label={t('form.clear')} onClick={() => choose(null)}>
          ×
        </button>
      )}
      {open && !locked && (
        <ul id={listId} role="listbox" className="combobox__list" aria-label={entityLabel}>
          {options.map((option, index) => (
            <li
              key={option.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'combobox__option combobox__option--active' : 'combobox__option'}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option);
              }}
              onMouseEnter={() => setActive(index)}
            >
              {option.title}
            </li>
          ))}
          {options.length === 0 && <li role="option" aria-selected={false} aria-disabled="true" className="combobox__empty">{searching ? t('app.loading') : t('form.noMatches')}</li>}
        </ul>
      )}
    </div>
  );
}
