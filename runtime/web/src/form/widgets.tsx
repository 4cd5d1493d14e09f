// Widgets per field type for generated forms: enum selects with the option colours, enum
// checkboxes, reference and user pickers with search-as-you-type, currency with its code,
// percent, date and date-time pickers. Field metadata reaches them through the form context.
import type { WidgetProps } from '@rjsf/utils';
import type { ReactNode } from 'react';
import type { EntityDocument, FieldDefinition } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { referenceTarget } from '../metadata/entity-info';
import { currencyCodeOf, type FormWidgetName } from '../metadata/field-types';
import { ReferencePicker } from '../ui/ReferencePicker';

export interface FormContext {
  entity: EntityDocument;
  /** The values being edited (for a currency field's currency). */
  values: Record<string, unknown>;
  /** Titles of references already known (from the record's expanded values). */
  referenceTitles: Record<string, string>;
}

function fieldOf(props: WidgetProps): FieldDefinition | undefined {
  const context = props.registry.formContext as FormContext;
  return context.entity.fields.find((field) => field.name === props.name);
}

function describedBy(props: WidgetProps): string {
  return [`${props.id}__help`, `${props.id}__error`].join(' ');
}

function EnumSelectWidget(props: WidgetProps) {
  const { text, t } = useI18n();
  const field = fieldOf(props);
  const options = field?.type === 'enum' ? field.options : [];
  const chosen = options.find((option) => option.value === props.value);
  return (
    <div className="enum-select">
      <span className="enum-select__swatch" style={{ background: chosen?.color ?? 'transparent' }} aria-hidden="true" />
      <select
        id={props.id}
        className="input"
        value={typeof props.value === 'string' ? props.value : ''}
        required={props.required}
        disabled={props.disabled || props.readonly}
        aria-invalid={(props.rawErrors?.length ?? 0) > 0 || undefined}
        aria-describedby={describedBy(props)}
        onChange={(event) => props.onChange(event.target.value === '' ? undefined : event.target.value)}
        onBlur={() => props.onBlur(props.id, props.value)}
      >
        <option value="">{props.required ? '' : t('app.none')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {text(option.label, option.value)}
          </option>
        ))}
      </select>
    </div>
  );
}

function EnumChecksWidget(props: WidgetProps) {
  const { text } = useI18n();
  const field = fieldOf(props);
  const options = field?.type === 'multiEnum' ? field.options : [];
  const selected = new Set(Array.isArray(props.value) ? (props.value as string[]) : []);
  return (
    <div id={props.id} className="enum-checks" role="group" aria-label={props.label}>
      {options.map((option) => (
        <label key={option.value} className="enum-checks__option">
          <input
            type="checkbox"
            checked={selected.has(option.value)}
            disabled={props.disabled || props.readonly}
            onChange={() => {
              const next = new Set(selected);
              if (next.has(option.value)) next.delete(option.value);
              else next.add(option.value);
              props.onChange(options.map((candidate) => candidate.value).filter((value) => next.has(value)));
            }}
          />
          {option.color && <span className="badge__dot" style={{ background: option.color }} aria-hidden="true" />}
          {text(option.label, option.value)}
        </label>
      ))}
    </div>
  );
}

function ReferenceWidget(props: WidgetProps) {
  const field = fieldOf(props);
  const context = props.registry.formContext as FormContext;
  const target = field ? referenceTarget(field) : undefined;
  if (!target) return null;
  return (
    <ReferencePicker
      id={props.id}
      entity={target}
      value={typeof props.value === 'string' && props.value !== '' ? props.value : null}
      valueTitle={typeof props.value === 'string' ? context.referenceTitles[`${props.name}:${props.value}`] : undefined}
      onChange={(id) => props.onChange(id ?? undefined)}
      disabled={props.disabled}
      readOnly={props.readonly}
      invalid={(props.rawErrors?.length ?? 0) > 0}
      required={props.required}
      ariaDescribedBy={describedBy(props)}
    />
  );
}

function NumberInput(props: WidgetProps & { suffix: string; step: string }) {
  return (
    <div className="affix-input">
      <input
        id={props.id}
        type="number"
        inputMode="decimal"
        step={props.step}
        className="input"
        value={props.value === undefined || props.value === null ? '' : String(props.value)}
        required={props.required}
        readOnly={props.readonly}
        disabled={props.disabled}
        aria-invalid={(props.rawErrors?.length ?? 0) > 0 || undefined}
        aria-describedby={describedBy(props)}
        onChange={(event) => props.onChange(event.target.value === '' ? undefined : Number(event.target.value))}
        onBlur={() => props.onBlur(props.id, props.value)}
      />
      <span className="affix-input__suffix" aria-hidden="true">
        {props.suffix}
      </span>
    </div>
  );
}

function CurrencyWidget(props: WidgetProps) {
  const field = fieldOf(props);
  const context = props.registry.formContext as FormContext;
  const code = field?.type === 'currency' ? currencyCodeOf(field, context.values) : '';
  return <NumberInput {...props} suffix={code} step="0.01" />;
}

function PercentWidget(props: WidgetProps) {
  return <NumberInput {...props} suffix="%" step="any" />;
}

function DateWidget(props: WidgetProps) {
  return (
    <input
      id={props.id}
      type="date"
      className="input"
      value={typeof props.value === 'string' ? props.value.slice(0, 10) : ''}
      required={props.required}
      readOnly={props.readonly}
      disabled={props.disabled}
      aria-invalid={(props.rawErrors?.length ?? 0) > 0 || undefined}
      aria-describedby={describedBy(props)}
      onChange={(event) => props.onChange(event.target.value === '' ? undefined : event.target.value)}
      onBlur={() => props.onBlur(props.id, props.value)}
    />
  );
}

/** An ISO instant ↔ the browser's local "YYYY-MM-DDTHH:mm" of datetime-local inputs. */
function toLocalInput(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function DateTimeWidget(props: WidgetProps) {
  return (
    <input
      id={props.id}
      type="datetime-local"
      className="input"
      value={toLocalInput(props.value)}
      required={props.required}
      readOnly={props.readonly}
      disabled={props.disabled}
      aria-invalid={(props.rawErrors?.length ?? 0) > 0 || undefined}
      aria-describedby={describedBy(props)}
      onChange={(event) => props.onChange(event.target.value === '' ? undefined : new Date(event.target.value).toISOString())}
      onBlur={() => props.onBlur(props.id, props.value)}
    />
  );
}

export const FORM_WIDGETS = {
  enumSelect: EnumSelectWidget,
  enumChecks: EnumChecksWidget,
  reference: ReferenceWidget,
  currency: CurrencyWidget,
  percent: PercentWidget,
  dateInput: DateWidget,
  dateTimeInput: DateTimeWidget,
} satisfies Record<Exclude<FormWidgetName, 'textarea'>, (props: WidgetProps) => ReactNode>;
