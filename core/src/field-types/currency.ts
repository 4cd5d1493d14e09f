// Field type `currency`: an amount of money, a decimal with a currency. The code comes from the
// record's currency-code field when the entity has one (resolved here as `currencyField`), else
// from the field's `currency`.
import { NUMBER_MAXIMUM, NUMBER_MINIMUM, PRECISION, SCALE } from '../meta-schema/field-property-schemas';
import { ROLLUP_PROPERTY } from '../meta-schema/entity-capability-schemas';
import { CURRENCY_CODE_PATTERN, ref } from '../meta-schema/common';
import type { CurrencyField, FieldDefinition } from '../model/field';
import { checkDecimal, DECIMAL_DEFAULTS } from './decimal';
import type { FieldTypeDefinition } from './definition';
import { ORDERED_OPERATORS } from './filter-operator-sets';
import { decimalSchema } from './value-schemas';

export const DEFAULT_CURRENCY = 'USD';
/** A sibling field of this name holding text is the record's currency code unless the field names another. */
export const CONVENTIONAL_CURRENCY_FIELD = 'currency';

export type ResolvedCurrencyField = CurrencyField & { precision: number; scale: number; currency: string };

/** The field of the record holding its ISO code: the one named, else a text or enum sibling called `currency`. */
export function currencyCodeFieldOf(field: CurrencyField, siblings: readonly FieldDefinition[]): string | undefined {
  if (field.currencyField !== undefined) return field.currencyField;
  const conventional = siblings.find((sibling) => sibling.name === CONVENTIONAL_CURRENCY_FIELD);
  return conventional && (conventional.type === 'string' || conventional.type === 'enum') ? conventional.name : undefined;
}

export const currencyFieldType: FieldTypeDefinition<CurrencyField, ResolvedCurrencyField> = {
  type: 'currency',
  resolve: (field, siblings) => {
    const currencyField = currencyCodeFieldOf(field, siblings);
    return {
      ...field,
      precision: field.precision ?? DECIMAL_DEFAULTS.precision,
      scale: field.scale ?? DECIMAL_DEFAULTS.scale,
      currency: field.currency ?? DEFAULT_CURRENCY,
      ...(currencyField !== undefined && { currencyField }),
    };
  },
  column: (field) => ({ kind: 'decimal', precision: field.precision, scale: field.scale }),
  valueSchema: (field) => ({ ...decimalSchema(field.precision, field.scale, field.minimum, field.maximum), 'x-currency': field.currency }),
  valueKind: () => 'number',
  scale: (field) => field.scale,
  filterOperators: ORDERED_OPERATORS,
  numeric: true,
  temporal: false,
  searchable: false,
  indexable: true,
  check: checkDecimal,
  metaSchema: {
    description: 'An amount of money (a decimal) in a currency.',
    properties: {
      currency: { type: 'string', pattern: CURRENCY_CODE_PATTERN, description: 'ISO 4217 code used when the record names none (default "USD").' },
      currencyField: ref('identifier', 'The string or enum field of the record holding its ISO 4217 code (default: such a field named "currency", if any).'),
      precision: PRECISION,
      scale: SCALE,
      minimum: NUMBER_MINIMUM,
      maximum: NUMBER_MAXIMUM,
      default: { type: 'number' },
      rollup: ROLLUP_PROPERTY,
    },
  },
};
