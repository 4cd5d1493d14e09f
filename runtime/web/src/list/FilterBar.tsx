// Per-field filter controls, chosen by each field type's web definition (metadata/field-types.ts):
// a choice list for enums, a from–to range for dates and numbers, yes/no for booleans, a record
// picker for references and users, "contains" for text. Typing waits a moment before the list reloads.
import type { EnumField, MultiEnumField } from '@stagecraft/core';
import { useEffect, useId, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import type { FieldDefinition } from '../api/types';
import type { ListFilterParam } from '../app/hrefs';
import { useI18n } from '../i18n/i18n';
import { referenceTarget } from '../metadata/entity-info';
import { webFieldType } from '../metadata/field-types';
import { ReferencePicker } from '../ui/ReferencePicker';
import { filterValue, setFieldFilters } from './list-state';

const TYPING_DELAY_MS = 350;

interface FilterBarProps {
  id?: string;
  fields: FieldDefinition[];
  filters: ListFilterParam[];
  onChange(filters: ListFilterParam[]): void;
}

/** A text or number box that reports its value after the user pauses. */
function DelayedInput({ value, onCommit, ...rest }: { value: string; onCommit(value: string): void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value) return;
    const timer = window.setTimeout(() => onCommit(draft), TYPING_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, value, onCommit]);
  return <input {...rest} className="input" value={draft} onChange={(event) => setDraft(event.target.value)} onKeyDown={(event) => event.key === 'Enter' && onCommit(draft)} />;
}

function EnumFilter({ field, filters, onChange, label }: { field: EnumField | MultiEnumField; filters: ListFilterParam[]; onChange: FilterBarProps['onChange']; label: string }) {
  const i18n = useI18n();
  const selected = new Set((filterValue(filters, field.name, 'in') as string[] | undefined) ?? []);
  const eq = filterValue(filters, field.name, 'eq');
  if (typeof eq === 'string') selected.add(eq);
  const toggle = (value: string) => {
    const next = new Set(selected);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    onChange(setFieldFilters(filters, field.name, ['in', 'eq'], [{ field: field.name, op: 'in', value: [...next] }]));
  };
  const summary = selected.size === 0 ? i18n.t('list.any') : [...selected].map((value) => i18n.text(field.options.find((option) => option.value === value)?.label, value)).join(', ');
  return (
    <details className="filter-menu">
      <summary className="input filter-menu__summary" aria-label={`${label}: ${summary}`}>
        <span className="filter-menu__text">{summary}</span>
      </summary>
      <fieldset className="filter-menu__panel">
        <legend className="visually-hidden">{label}</legend>
        {field.options.map((option) => (
          <label key={option.value} className="filter-menu__option">
            <input type="checkbox" checked={selected.has(option.value)} onChange={() => toggle(option.value)} />
            {option.color && <span className="badge__dot" style={{ background: option.color }} aria-hidden="true" />}
            <span>{i18n.text(option.label, option.value)}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}

function RangeFilter({ field, filters, onChange, label }: { field: FieldDefinition; filters: ListFilterParam[]; onChange: FilterBarProps['onChange']; label: string }) {
  const { t } = useI18n();
  const type = webFieldType(field).filter === 'dateRange' ? 'date' : 'number';
  const commit = (op: 'gte' | 'lte', raw: string) => {
    const value = raw === '' ? undefined : type === 'number' ? Number(raw) : field.type === 'datetime' ? `${raw}T${op === 'gte' ? '00:00:00' : '23:59:59'}` : raw;
    if (typeof value === 'number' && Number.isNaN(value)) return;
    onChange(setFieldFilters(filters, field.name, [op], [{ field: field.name, op, value }]));
  };
  const shown = (op: string) => {
    const value = filterValue(filters, field.name, op);
    return value === undefined ? '' : String(value).slice(0, type === 'date' ? 10 : undefined);
  };
  return (
    <div className="filter-range">
      <DelayedInput type={type} aria-label={`${label} ${type === 'date' ? t('list.from') : t('list.min')}`} placeholder={type === 'date' ? undefined : t('list.min')} value={shown('gte')} onCommit={(value) => commit('gte', value)} />
      <span aria-hidden="true">–</span>
      <DelayedInput type={type} aria-label={`${label} ${type === 'date' ? t('list.to') : t('list.max')}`} placeholder={type === 'date' ? undefined : t('list.max')} value={shown('lte')} onCommit={(value) => commit('lte', value)} />
    </div>
  );
}

function FieldFilter({ field, filters, onChange }: { field: FieldDefinition; filters: ListFilterParam[]; onChange: FilterBarProps['onChange'] }) {
  const i18n = useI18n();
  const id = useId();
  const label = i18n.text(field.label, field.name);
  const target = referenceTarget(field);
  const kind = webFieldType(field).filter;
  let control: ReactNode;
  if (kind === 'options' && (field.type === 'enum' || field.type === 'multiEnum')) control = <EnumFilter field={field} filters={filters} onChange={onChange} label={label} />;
  else if (kind === 'numberRange' || kind === 'dateRange') control = <RangeFilter field={field} filters={filters} onChange={onChange} label={label} />;
  else if (kind === 'yesNo') {
    const value = filterValue(filters, field.name, 'eq');
    control = (
      <select id={id} className="input" value={value === undefined ? '' : String(value)} onChange={(event) => onChange(setFieldFilters(filters, field.name, ['eq'], [{ field: field.name, op: 'eq', value: event.target.value === '' ? undefined : event.target.value === 'true' }]))}>
        <option value="">{i18n.t('list.any')}</option>
        <option value="true">{i18n.t('app.yes')}</option>
        <option value="false">{i18n.t('app.no')}</option>
      </select>
    );
  } else if (kind === 'record' && target) {
    const value = filterValue(filters, field.name, 'eq');
    control = <ReferencePicker id={id} entity={target} value={typeof value === 'string' ? value : null} onChange={(next) => onChange(setFieldFilters(filters, field.name, ['eq'], [{ field: field.name, op: 'eq', value: next ?? undefined }]))} placeholder={i18n.t('list.any')} />;
  } else {
    const value = filterValue(filters, field.name, 'contains');
    control = <DelayedInput id={id} type="search" placeholder={i18n.t('list.contains')} value={typeof value === 'string' ? value : ''} onCommit={(next) => onChange(setFieldFilters(filters, field.name, ['contains'], [{ field: field.name, op: 'contains', value: next.trim() || undefined }]))} />;
  }
  const grouped = kind === 'options' || kind === 'numberRange' || kind === 'dateRange';
  return (
    <div className="filter" role={grouped ? 'group' : undefined} aria-labelledby={grouped ? `${id}-label` : undefined}>
      {grouped ? (
        <span id={`${id}-label`} className="field-label">
          {label}
        </span>
      ) : (
        <label htmlFor={id} className="field-label">
          {label}
        </label>
      )}
      {control}
    </div>
  );
}

/** The controls; clearing them all is the list toolbar's button. */
export function FilterBar({ id, fields, filters, onChange }: FilterBarProps) {
  const { t } = useI18n();
  return (
    <section id={id} className="filter-bar" aria-label={t('list.filters')}>
      {fields.map((field) => (
        <FieldFilter key={field.name} field={field} filters={filters} onChange={onChange} />
      ))}
    </section>
  );
}
