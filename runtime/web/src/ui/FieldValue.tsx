// One field's value for reading (list cells, record page): enum badges in their colours,
// money with its currency, dates in the user's locale, references as links to the record.
import type { FieldDefinition } from '../api/types';
import { recordHref } from '../app/hrefs';
import { Link } from '../app/router';
import { useI18n, type I18n } from '../i18n/i18n';
import { isRecord, recordTitle, referenceTarget } from '../metadata/entity-info';

export interface FieldValueProps {
  field: FieldDefinition;
  value: unknown;
  /** The record the value belongs to (for a currency field's currency code). */
  record?: Record<string, unknown>;
  /** Display field of the referenced entity (for expanded references). */
  referenceDisplayField?: string;
}

function enumBadge(field: FieldDefinition, value: unknown, i18n: I18n) {
  if (field.type !== 'enum' && field.type !== 'multiEnum') return null;
  const option = field.options.find((candidate) => candidate.value === value);
  return (
    <span className="badge" key={String(value)}>
      {option?.color && <span className="badge__dot" style={{ background: option.color }} aria-hidden="true" />}
      {i18n.text(option?.label, String(value))}
    </span>
  );
}

/** A field value as plain text (for titles, confirmations and the timeline). */
export function fieldText(field: FieldDefinition, value: unknown, i18n: I18n, record?: Record<string, unknown>): string {
  if (value === null || value === undefined || value === '') return i18n.t('app.none');
  switch (field.type) {
    case 'enum':
      return i18n.text(field.options.find((option) => option.value === value)?.label, String(value));
    case 'multiEnum':
      return (Array.isArray(value) ? value : [value]).map((item) => i18n.text(field.options.find((option) => option.value === item)?.label, String(item))).join(', ');
    case 'boolean':
      return value ? i18n.t('app.yes') : i18n.t('app.no');
    case 'currency': {
      const code = typeof record?.currency === 'string' ? record.currency : (field.currency ?? 'USD');
      return typeof value === 'number' ? i18n.currency(value, code) : String(value);
    }
    case 'percent':
      return typeof value === 'number' ? `${i18n.number(value, { maximumFractionDigits: 2 })}%` : String(value);
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? i18n.number(value) : String(value);
    case 'date':
      return typeof value === 'string' ? i18n.date(value) : String(value);
    case 'datetime':
      return typeof value === 'string' ? i18n.dateTime(value) : String(value);
    case 'formula':
      if (typeof value === 'number') return i18n.number(value, { maximumFractionDigits: field.scale ?? 2 });
      if (field.resultType === 'date' && typeof value === 'string') return i18n.date(value);
      if (typeof value === 'boolean') return value ? i18n.t('app.yes') : i18n.t('app.no');
      return String(value);
    case 'reference':
    case 'user':
      return isRecord(value) ? recordTitle(value, 'name') : String(value);
    default:
      return String(value);
  }
}

export function FieldValue({ field, value, record, referenceDisplayField = 'name' }: FieldValueProps) {
  const i18n = useI18n();
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return <span className="muted">{i18n.t('app.none')}</span>;
  }
  if (field.type === 'enum') return enumBadge(field, value, i18n);
  if (field.type === 'multiEnum') return <span className="row">{(Array.isArray(value) ? value : [value]).map((item) => enumBadge(field, item, i18n))}</span>;
  const target = referenceTarget(field);
  if (target) {
    const id = isRecord(value) ? value.id : String(value);
    const title = isRecord(value) ? recordTitle(value, referenceDisplayField) : id;
    if (target === 'user') return <span>{title}</span>;
    return <Link href={recordHref.view(target, id)}>{title}</Link>;
  }
  if (field.type === 'email' && typeof value === 'string') return <a href={`mailto:${value}`}>{value}</a>;
  if (field.type === 'url' && typeof value === 'string') {
    return (
      <a href={value} target="_blank" rel="noreferrer noopener">
        {value}
      </a>
    );
  }
  const text = fieldText(field, value, i18n, record);
  const numeric = ['integer', 'decimal', 'currency', 'percent'].includes(field.type) || (field.type === 'formula' && typeof value === 'number');
  return <span className={numeric ? 'numeric' : undefined}>{text}</span>;
}
