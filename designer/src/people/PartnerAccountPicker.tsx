// Picks a partner user's account by name, never by id: the account entity is the one the bundle's
// partner fields refer to (`partnerField` on an entity, a reference). Typing searches that entity
// through the record API (its search fields); choosing a result stores its id. The chosen account
// shows by its title, with a button to clear it.
import type { MetadataBundle } from '@stagecraft/core';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useStudio } from '../draft/draft-store';
import { useI18n } from '../i18n/i18n';

const SEARCH_DELAY_MS = 250;
const RESULT_COUNT = 8;

/** The entity partner accounts are records of: the target of the first partner field that is a reference. */
export function partnerEntityOf(bundle: MetadataBundle): { name: string; titleField: string } | undefined {
  for (const entity of Object.values(bundle.entities)) {
    const field = entity.partnerField === undefined ? undefined : entity.fields.find((candidate) => candidate.name === entity.partnerField);
    const target = field?.type === 'reference' ? bundle.entities[field.entity] : undefined;
    if (target) return { name: target.name, titleField: target.displayField ?? 'name' };
  }
  return undefined;
}

interface PickerProps {
  id?: string;
  value: string;
  onChange(value: string): void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

type Found = { id: string; title: string };

export function PartnerAccountPicker({ id, value, onChange, ...aria }: PickerProps) {
  const { t } = useI18n();
  const studio = useStudio();
  const target = partnerEntityOf(studio.live.bundle);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Found[] | null>(null);
  const [chosenTitle, setChosenTitle] = useState<string | null>(null);
  const titleOf = (record: Record<string, unknown>): string => String(record[target?.titleField ?? 'name'] ?? record.id);

  useEffect(() => {
    if (!target || value === '') return setChosenTitle(null);
    let isCurrent = true;
    api.get<Record<string, unknown>>(`/api/records/${target.name}/${encodeURIComponent(value)}`).then(
      (record) => isCurrent && setChosenTitle(titleOf(record)),
      () => isCurrent && setChosenTitle(null),
    );
    return () => void (isCurrent = false);
  }, [target?.name, value]);

  useEffect(() => {
    if (!target || query.trim() === '') return setResults(null);
    let isCurrent = true;
    const timer = window.setTimeout(() => {
      api.get<{ data: Array<Record<string, unknown>> }>(`/api/records/${target.name}?q=${encodeURIComponent(query.trim())}&pageSize=${RESULT_COUNT}`).then(
        (answer) => isCurrent && setResults(answer.data.map((record) => ({ id: String(record.id), title: titleOf(record) }))),
        () => isCurrent && setResults([]),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [target?.name, query]);

  if (!target) return <input id={id} value={value} onChange={(event) => onChange(event.target.value)} autoComplete="off" {...aria} />;
  return (
    <div className="picker">
      {value !== '' && (
        <p className="picker__chosen">
          <span>{chosenTitle ?? value}</span>{' '}
          <button type="button" className="button button--small" onClick={() => onChange('')}>
            {t('users.partnerClear')}
          </button>
        </p>
      )}
      <input id={id} type="search" value={query} placeholder={t('users.partnerSearch')} onChange={(event) => setQuery(event.target.value)} autoComplete="off" {...aria} />
      {results !== null && (
        <ul className="picker__results" aria-live="polite">
          {results.length === 0 && <li className="muted">{t('users.partnerNone')}</li>}
          {results.map((result) => (
            <li key={result.id}>
              <button
                type="button"
                className="button button--small"
                aria-label={t('users.partnerChoose', { name: result.title })}
                onClick={() => {
                  onChange(result.id);
                  setQuery('');
                  setResults(null);
                }}
              >
                {result.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
