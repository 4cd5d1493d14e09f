// One field's value for reading (list cells, record page): enum badges in their colours,
// money with its currency, dates in the user's locale, references as links to the record.
// What each field type shows comes from its web definition (metadata/field-types.ts).
import type { FieldDefinition } from '../api/types';
import { recordHref } from '../app/hrefs';
import { Link } from '../app/router';
import { useI18n, type I18n } from '../i18n/i18n';
import { isRecord, recordTitle, referenceTarget } from '../metadata/entity-info';
import { isNumericField, webFieldType } from '../metadata/field-types';

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
  return webFieldType(field).text(field, value, i18n, record);
}

export function FieldValue({ field, value, record, referenceDisplayField = 'name' }: FieldValueProps) {
  const i18n = useI18n();
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return <span className="muted">{i18n.t('app.none')}</span>;
  }
  const { display } = webFieldType(field);
  if (display === 'badges') {
    return Array.isArray(value) ? <span className="row">{value.map((item) => enumBadge(field, item, i18n))}</span> : enumBadge(field, value, i18n);
  }
  const target = referenceTarget(field);
  if (display === 'record' && target) {
    const id = isRecord(value) ? value.id : String(value);
    const title = isRecord(value) ? recordTitle(value, referenceDisplayField) : id;
    if (target === 'user') return <span>{title}</span>;
    return <Link href={recordHref.view(target, id)}>{title}</Link>;
  }
  if (display === 'mailto' && typeof value === 'string') return <a href={`mailto:${value}`}>{value}</a>;
  if (display === 'link' && typeof value === 'string') {
    return (
      <a href={value} target="_blank" rel="noreferrer noopener">
        {value}
      </a>
    );
  }
  const text = fieldText(field, value, i18n, record);
  return <span className={isNumericField(field) ? 'numeric' : undefined}>{text}</span>;
}
