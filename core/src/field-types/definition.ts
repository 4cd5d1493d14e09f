// The shape of a field type's definition: everything the server knows about one field type (how
// it is written, its defaults, storage, values, filters, checks), in one file per type (string.ts, decimal.ts, ...), collected in ./index.ts. `resolve` is the one
// place the type's defaults are filled; every other member reads the resolved field it returns.
import type { JsonSchema } from '../compile/json-schema';
import type { SchemaPropertiesOf } from '../meta-schema/common';
import type { FieldBase, FieldDefinition } from '../model/field';
import type { FilterOperator } from '../model/layout';
import type { ColumnType, ValueKind } from './storage';

/** Reports problems of one field definition the meta-schema cannot express (see validate/field-checks.ts). */
export interface FieldCheckContext {
  report(property: string, message: string, code: string): void;
  /** minimum ≤ maximum when both are given. */
  checkRange(minimum: number | string | undefined, maximum: number | string | undefined): void;
  /** The default lies within minimum and maximum. */
  checkDefaultInRange(value: number | string | undefined, minimum: number | string | undefined, maximum: number | string | undefined): void;
  /** The pattern compiles and the default matches it. */
  checkPattern(pattern: string | undefined, value: string | undefined): void;
}

/** Properties a field type adds to every field's (name, type, label, …). */
export type OwnPropertiesOf<Authored extends FieldDefinition> = Omit<Authored, keyof FieldBase>;

/** A field type's entry in the entity meta-schema (core/schemas/entity.schema.json). */
export interface FieldMetaSchema<Authored extends FieldDefinition> {
  description: string;
  /** One schema per own property of the authored type: the build fails when one is missing or extra. */
  properties: SchemaPropertiesOf<OwnPropertiesOf<Authored>>;
  required?: ReadonlyArray<keyof OwnPropertiesOf<Authored> & string>;
}

/**
 * `Authored` is the field as written in metadata (optional properties may be missing); `Resolved`
 * is the same field with every default filled, which is what the rest of the code reads.
 */
export interface FieldTypeDefinition<Authored extends FieldDefinition, Resolved extends FieldDefinition> {
  readonly type: Authored['type'];
  /** Fills every default. `siblings` are the other fields of the entity (some defaults depend on them). */
  resolve(field: Authored, siblings: readonly FieldDefinition[]): Resolved;
  /** The column that stores the value. */
  column(field: Resolved): ColumnType;
  /** JSON Schema of one value (without null); `locale` picks enum labels. */
  valueSchema(field: Resolved, locale: string): JsonSchema;
  /** How values travel to and from SQL. */
  valueKind(field: Resolved): ValueKind;
  /** Digits kept after the point, for decimal-valued fields. */
  scale(field: Resolved): number | undefined;
  /** Operators list filters, report filters and the record API accept for this type. */
  readonly filterOperators: readonly FilterOperator[];
  /** Its values are numbers (sums, averages, roll-ups and board totals may use it). A formula's result type decides for it. */
  readonly numeric: boolean;
  /** Its values are dates or date-times (bucketed by reports, ranges in calendars). */
  readonly temporal: boolean;
  /** Free-text search may use it. */
  readonly searchable: boolean;
  /** Its column can carry an index (and so `unique`). */
  readonly indexable: boolean;
  /** Rules the meta-schema cannot express; `authored` tells which properties were written. */
  check(field: Resolved, authored: Authored, context: FieldCheckContext): void;
  /** How the type is written in metadata: its meta-schema entry. */
  readonly metaSchema: FieldMetaSchema<Authored>;
}

/** For types whose resolved form adds nothing: the authored field is already complete. */
export function unchanged<F extends FieldDefinition>(field: F): F {
  return field;
}

export function noChecks(): void {
  // Nothing beyond the meta-schema.
}

export function noScale(): undefined {
  return undefined;
}
