// Field definitions: one discriminated union member per field type.
// The JSON meta-schema (meta-schema/) mirrors these types; keep them in step.
import type { RollupDefinition } from './entity-capabilities';
import type { LocalisedText } from './label';

export const FIELD_TYPES = [
  'string', 'text', 'integer', 'decimal', 'currency', 'percent', 'boolean', 'date', 'datetime',
  'enum', 'multiEnum', 'email', 'phone', 'url', 'reference', 'user', 'formula', 'autonumber',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Properties every field has. */
export interface FieldBase {
  /** camelCase identifier, unique within its entity; also the record property name. */
  name: string;
  type: FieldType;
  label?: LocalisedText;
  helpText?: LocalisedText;
  required?: boolean;
  unique?: boolean;
  /** Computed by the server; clients may not write it. */
  readOnly?: boolean;
  /** The field's previous name: the migration planner turns this into a column rename that keeps values. */
  renamedFrom?: string;
}

export interface StringField extends FieldBase { type: 'string'; minLength?: number; maxLength?: number; pattern?: string; default?: string }
export interface TextField extends FieldBase { type: 'text'; maxLength?: number; default?: string }
export interface EmailField extends FieldBase { type: 'email'; default?: string }
export interface PhoneField extends FieldBase {
  type: 'phone';
  /** Replaces the built-in permissive phone pattern. */
  pattern?: string;
  default?: string;
}
export interface UrlField extends FieldBase { type: 'url'; default?: string }
export interface IntegerField extends FieldBase { type: 'integer'; minimum?: number; maximum?: number; default?: number; rollup?: RollupDefinition }
export interface DecimalField extends FieldBase {
  type: 'decimal';
  /** Total significant digits (default 18) and digits after the point (default 2). */
  precision?: number;
  scale?: number;
  minimum?: number;
  maximum?: number;
  default?: number;
  /** Kept equal to an aggregate of related records by the server (read-only). */
  rollup?: RollupDefinition;
}
export interface CurrencyField extends FieldBase {
  type: 'currency';
  /** ISO 4217 code used when the record names none (default "USD"). */
  currency?: string;
  /**
   * The text or enum field of the same record holding its ISO 4217 code (default: a text or enum
   * field named `currency`, when the entity has one). Resolved metadata always carries the answer.
   */
  currencyField?: string;
  precision?: number;
  scale?: number;
  minimum?: number;
  maximum?: number;
  default?: number;
  /** Kept equal to an aggregate of related records by the server (read-only). */
  rollup?: RollupDefinition;
}
export interface PercentField extends FieldBase { type: 'percent'; minimum?: number; maximum?: number; scale?: number; default?: number; rollup?: RollupDefinition }
export interface BooleanField extends FieldBase { type: 'boolean'; default?: boolean }
export interface DateField extends FieldBase { type: 'date'; minimum?: string; maximum?: string; default?: string }
export interface DateTimeField extends FieldBase { type: 'datetime'; default?: string }

export interface EnumOption {
  value: string;
  label?: LocalisedText;
  /** CSS colour for badges and board columns, e.g. "#2f80ed". */
  color?: string;
}
export interface EnumField extends FieldBase { type: 'enum'; options: EnumOption[]; default?: string }
export interface MultiEnumField extends FieldBase { type: 'multiEnum'; options: EnumOption[]; default?: string[]; maxItems?: number }

/** Many-to-one: stores the id of a record of `entity`. */
export interface ReferenceField extends FieldBase {
  type: 'reference';
  entity: string;
  /** What happens to this record when the referenced one is deleted (default "restrict"). */
  onDelete?: 'restrict' | 'setNull' | 'cascade';
}
/** A reference to a user (the identity entity arrives with permissions; stored as a user id). */
export interface UserField extends FieldBase { type: 'user'; default?: string }
/** Computed from an expression over the record's other fields; stored so it can be sorted and filtered. */
export interface FormulaField extends FieldBase {
  type: 'formula';
  expression: string;
  /** The type of the computed value. */
  resultType: 'string' | 'integer' | 'decimal' | 'boolean' | 'date';
  scale?: number;
}
/** A sequence number formatted by a pattern such as "Q-{0000}"; assigned on create, read-only. */
export interface AutonumberField extends FieldBase { type: 'autonumber'; format: string; start?: number }

export type FieldDefinition =
  | StringField | TextField | EmailField | PhoneField | UrlField
  | IntegerField | DecimalField | CurrencyField | PercentField
  | BooleanField | DateField | DateTimeField
  | EnumField | MultiEnumField
  | ReferenceField | UserField | FormulaField | AutonumberField;

/** Narrows a field definition by its type tag. */
export type FieldOfType<T extends FieldType> = Extract<FieldDefinition, { type: T }>;
