// Every field type's definition, collected in one map typed over FieldType: a new field type fails
// the build until it has a definition file here (see core/README.md, "Adding a field type").
// Also the resolved field shapes and the lookups compilers use.
import { FIELD_TYPES } from '../model/field';
import type {
  BooleanField, DateField, DateTimeField, EmailField, EnumField, FieldDefinition, FieldOfType, FieldType, IntegerField,
  MultiEnumField, TextField, UrlField, UserField,
} from '../model/field';
import type { JsonSchema } from '../compile/json-schema';
import type { FilterOperator } from '../model/layout';
import { autonumberFieldType, type ResolvedAutonumberField } from './autonumber';
import { booleanFieldType } from './boolean';
import { currencyFieldType, type ResolvedCurrencyField } from './currency';
import { dateFieldType } from './date';
import { datetimeFieldType } from './datetime';
import { decimalFieldType, type ResolvedDecimalField } from './decimal';
import type { FieldCheckContext, FieldTypeDefinition } from './definition';
import { emailFieldType } from './email';
import { enumFieldType } from './enum';
import { formulaFieldType, type ResolvedFormulaField } from './formula';
import { integerFieldType } from './integer';
import { multiEnumFieldType } from './multi-enum';
import { percentFieldType, type ResolvedPercentField } from './percent';
import { phoneFieldType, type ResolvedPhoneField } from './phone';
import { referenceFieldType, type ResolvedReferenceField } from './reference';
import type { ColumnType, ValueKind } from './storage';
import { stringFieldType, type ResolvedStringField } from './string';
import { textFieldType } from './text';
import { urlFieldType } from './url';
import { userFieldType } from './user';

/** Each field type's resolved shape: the authored field with every default filled. */
export interface ResolvedFieldTypes {
  string: ResolvedStringField;
  text: TextField;
  email: EmailField;
  phone: ResolvedPhoneField;
  url: UrlField;
  integer: IntegerField;
  decimal: ResolvedDecimalField;
  currency: ResolvedCurrencyField;
  percent: ResolvedPercentField;
  boolean: BooleanField;
  date: DateField;
  datetime: DateTimeField;
  enum: EnumField;
  multiEnum: MultiEnumField;
  reference: ResolvedReferenceField;
  user: UserField;
  formula: ResolvedFormulaField;
  autonumber: ResolvedAutonumberField;
}
export type ResolvedFieldOf<T extends FieldType> = ResolvedFieldTypes[T];
/** A field with every default filled; assignable to FieldDefinition. */
export type ResolvedField = ResolvedFieldTypes[FieldType];

type FieldTypeDefinitions = { [T in FieldType]: FieldTypeDefinition<FieldOfType<T>, ResolvedFieldOf<T>> };

export const fieldTypeDefinitions = {
  string: stringFieldType,
  text: textFieldType,
  email: emailFieldType,
  phone: phoneFieldType,
  url: urlFieldType,
  integer: integerFieldType,
  decimal: decimalFieldType,
  currency: currencyFieldType,
  percent: percentFieldType,
  boolean: booleanFieldType,
  date: dateFieldType,
  datetime: datetimeFieldType,
  enum: enumFieldType,
  multiEnum: multiEnumFieldType,
  reference: referenceFieldType,
  user: userFieldType,
  formula: formulaFieldType,
  autonumber: autonumberFieldType,
} satisfies FieldTypeDefinitions;

// TypeScript cannot correlate `fieldTypeDefinitions[field.type]` with `field`'s union member, hence
// this one widening; each definition is checked against its own type in its file and in the map.
type AnyDefinition = FieldTypeDefinition<FieldDefinition, ResolvedField>;
function anyDefinitionOf(type: FieldType): AnyDefinition {
  return fieldTypeDefinitions[type] as unknown as AnyDefinition;
}

/** Fills every default of one field; `siblings` are the entity's fields. Resolving twice changes nothing. */
export function resolveField(field: FieldDefinition, siblings: readonly FieldDefinition[] = []): ResolvedField {
  return anyDefinitionOf(field.type).resolve(field, siblings);
}

export function columnTypeOf(field: ResolvedField): ColumnType {
  return anyDefinitionOf(field.type).column(field);
}

/** The JSON Schema of one field's value (without null). */
export function fieldValueSchema(field: ResolvedField, locale: string): JsonSchema {
  return anyDefinitionOf(field.type).valueSchema(field, locale);
}

export function valueKindOf(field: ResolvedField): ValueKind {
  return anyDefinitionOf(field.type).valueKind(field);
}

/** Digits kept after the point for decimal-valued fields (what the column stores). */
export function scaleOf(field: ResolvedField): number | undefined {
  return anyDefinitionOf(field.type).scale(field);
}

/** Runs the field type's own checks (see validate/field-checks.ts for the rest). */
export function checkFieldOfType(field: FieldDefinition, context: FieldCheckContext): void {
  anyDefinitionOf(field.type).check(resolveField(field), field, context);
}

/** Field types whose values are numbers; a formula counts by its result type (see valueTypeOf in validate/entity-lookup.ts). */
export const NUMERIC_FIELD_TYPES: ReadonlySet<FieldType> = new Set(FIELD_TYPES.filter((type) => fieldTypeDefinitions[type].numeric));
/** Field types whose values are dates or date-times. */
export const TEMPORAL_FIELD_TYPES: ReadonlySet<FieldType> = new Set(FIELD_TYPES.filter((type) => fieldTypeDefinitions[type].temporal));

export function filterOperatorsFor(type: FieldType): readonly FilterOperator[] {
  return fieldTypeDefinitions[type].filterOperators;
}

export type { FieldCheckContext, FieldMetaSchema, FieldTypeDefinition, OwnPropertiesOf } from './definition';
export * from './storage';
export { DEFAULT_PHONE_PATTERN, USER_ID_PATTERN, recordIdSchema } from './value-schemas';
export { DECIMAL_DEFAULTS } from './decimal';
export { DEFAULT_CURRENCY, CONVENTIONAL_CURRENCY_FIELD } from './currency';
export { PERCENT_PRECISION, PERCENT_DEFAULT_SCALE } from './percent';
export { AUTONUMBER_DEFAULT_START } from './autonumber';
export type {
  ResolvedAutonumberField, ResolvedCurrencyField, ResolvedDecimalField, ResolvedFormulaField, ResolvedPercentField,
  ResolvedPhoneField, ResolvedReferenceField, ResolvedStringField,
};
