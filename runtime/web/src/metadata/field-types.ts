// What the web app knows about each field type, in one map typed over every FieldType (the
// server's counterpart is core/src/field-types): the form widget, how a value is shown and
// formatted, whether it is a number, and which list filter control it gets. A new field type
// fails the web build until it has an entry here. No JSX: the components read these descriptions.
import type { FieldType, LocalisedText, ResolvedFieldOf } from '@stagecraft/core';
import { isRecord, recordTitle } from './entity-info';

/** The widgets form/widgets.tsx registers (FORM_WIDGETS), plus RJSF's own textarea. */
export type FormWidgetName = 'enumSelect' | 'enumChecks' | 'reference' | 'currency' | 'percent' | 'dateInput' | 'dateTimeInput' | 'textarea';

/** How FieldValue renders a value: plain text, option badges, a link to the referenced record, a mailto or an external link. */
export type FieldDisplay = 'text' | 'badges' | 'record' | 'mailto' | 'link';

/** The list filter control: option checkboxes, a from–to range of numbers or dates, yes/no, a record picker, or "contains". */
export type FieldFilterControl = 'options' | 'numberRange' | 'dateRange' | 'yesNo' | 'record' | 'contains';

/** The formatting the display needs (the app's I18n provides it). */
export interface FieldFormat {
  t(key: 'app.yes' | 'app.no'): string;
  text(label: LocalisedText | null | undefined, fallback?: string): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  currency(value: number, code: string): string;
  date(value: string | Date): string;
  dateTime(value: string | Date): string;
}

export interface WebFieldTypeDefinition<T extends FieldType> {
  /** The form widget; absent means RJSF's default for the JSON type. */
  widget?: FormWidgetName;
  display: FieldDisplay;
  filter: FieldFilterControl;
  /** Right-aligned with tabular figures in tables and values. */
  numeric(field: ResolvedFieldOf<T>): boolean;
  /** A present value (not null or empty) as text; `record` is the record it belongs to. */
  text(field: ResolvedFieldOf<T>, value: unknown, format: FieldFormat, record?: Readonly<Record<string, unknown>>): string;
}

const plain = (_field: unknown, value: unknown): string => String(value);
const yes = (): boolean => true;
const no = (): boolean => false;
const numberText = (value: unknown, format: FieldFormat, options?: Intl.NumberFormatOptions): string => (typeof value === 'number' ? format.number(value, options) : String(value));
const yesNo = (value: unknown, format: FieldFormat): string => (value ? format.t('app.yes') : format.t('app.no'));
const optionLabel = (options: ReadonlyArray<{ value: string; label?: LocalisedText }>, value: unknown, format: FieldFormat): string =>
  format.text(options.find((option) => option.value === value)?.label, String(value));
/** An expanded reference shows the record's title; a bare id shows as it is. */
const recordText = (_field: unknown, value: unknown): string => (isRecord(value) ? recordTitle(value, 'name') : String(value));

/** The ISO code a currency value is in: the record's currency-code field (as resolved by the server), else the field's currency. */
export function currencyCodeOf(field: ResolvedFieldOf<'currency'>, record?: Readonly<Record<string, unknown>>): string {
  const code = field.currencyField === undefined ? undefined : record?.[field.currencyField];
  return typeof code === 'string' && code !== '' ? code : field.currency;
}

type WebFieldTypeDefinitions = { [T in FieldType]: WebFieldTypeDefinition<T> };

export const webFieldTypes = {
  string: { display: 'text', filter: 'contains', numeric: no, text: plain },
  text: { widget: 'textarea', display: 'text', filter: 'contains', numeric: no, text: plain },
  email: { display: 'mailto', filter: 'contains', numeric: no, text: plain },
  phone: { display: 'text', filter: 'contains', numeric: no, text: plain },
  url: { display: 'link', filter: 'contains', numeric: no, text: plain },
  integer: { display: 'text', filter: 'numberRange', numeric: yes, text: (_field, value, format) => numberText(value, format) },
  decimal: { display: 'text', filter: 'numberRange', numeric: yes, text: (_field, value, format) => numberText(value, format) },
  currency: {
    widget: 'currency',
    display: 'text',
    filter: 'numberRange',
    numeric: yes,
    text: (field, value, format, record) => (typeof value === 'number' ? format.currency(value, currencyCodeOf(field, record)) : String(value)),
  },
  percent: { widget: 'percent', display: 'text', filter: 'numberRange', numeric: yes, text: (_field, value, format) => (typeof value === 'number' ? `${format.number(value, { maximumFractionDigits: 2 })}%` : String(value)) },
  boolean: { display: 'text', filter: 'yesNo', numeric: no, text: (_field, value, format) => yesNo(value, format) },
  date: { widget: 'dateInput', display: 'text', filter: 'dateRange', numeric: no, text: (_field, value, format) => (typeof value === 'string' ? format.date(value) : String(value)) },
  datetime: { widget: 'dateTimeInput', display: 'text', filter: 'dateRange', numeric: no, text: (_field, value, format) => (typeof value === 'string' ? format.dateTime(value) : String(value)) },
  enum: { widget: 'enumSelect', display: 'badges', filter: 'options', numeric: no, text: (field, value, format) => optionLabel(field.options, value, format) },
  multiEnum: {
    widget: 'enumChecks',
    display: 'badges',
    filter: 'options',
    numeric: no,
    text: (field, value, format) => (Array.isArray(value) ? value : [value]).map((item) => optionLabel(field.options, item, format)).join(', '),
  },
  reference: { widget: 'reference', display: 'record', filter: 'record', numeric: no, text: recordText },
  user: { widget: 'reference', display: 'record', filter: 'record', numeric: no, text: recordText },
  formula: {
    display: 'text',
    filter: 'contains',
    numeric: (field) => field.resultType === 'integer' || field.resultType === 'decimal',
    text: (field, value, format) => {
      if (typeof value === 'number') return format.number(value, { maximumFractionDigits: field.scale });
      if (field.resultType === 'date' && typeof value === 'string') return format.date(value);
      if (typeof value === 'boolean') return yesNo(value, format);
      return String(value);
    },
  },
  autonumber: { display: 'text', filter: 'contains', numeric: no, text: plain },
} satisfies WebFieldTypeDefinitions;

type AnyWebDefinition = WebFieldTypeDefinition<FieldType> & { numeric(field: ResolvedFieldOf<FieldType>): boolean; text(field: ResolvedFieldOf<FieldType>, value: unknown, format: FieldFormat, record?: Readonly<Record<string, unknown>>): string };

/** The web definition of a field's type (widened once here: TypeScript cannot pair the map entry with the field's union member). */
export function webFieldType(field: ResolvedFieldOf<FieldType>): AnyWebDefinition {
  return webFieldTypes[field.type] as unknown as AnyWebDefinition;
}

/** Whether the field's values are numbers (right-aligned, tabular figures). */
export function isNumericField(field: ResolvedFieldOf<FieldType>): boolean {
  return webFieldType(field).numeric(field);
}
