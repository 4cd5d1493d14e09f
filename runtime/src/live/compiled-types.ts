// The compiled form of one published metadata version: everything a request needs, worked out
// once per version (quoted SQL names, codecs, validators, formulas) so requests do no schema work.
import type { LayoutDocument, ReferenceField, ResolvedBundle, ResolvedEntity, ResolvedField, TablePlan } from '@stagecraft/core';
import type { ValidateFunction } from 'ajv';
import type { ValueCodec, ValueKind } from '../records/value-kinds';

export interface CompiledField {
  /** Record property name (system fields included: id, version, createdAt, updatedAt). */
  name: string;
  column: string;
  /** The quoted column, ready for SQL text. */
  sql: string;
  kind: ValueKind;
  codec: ValueCodec;
  scale?: number;
  /** The field with its defaults filled; absent for system fields. */
  definition?: ResolvedField;
  isSystem: boolean;
  /** Whether clients may write it: not system, read-only, formula or autonumber. */
  isWritable: boolean;
  isRequired: boolean;
  enumValues?: ReadonlySet<string>;
}

export interface CompiledReference {
  field: CompiledField;
  target: string;
  onDelete: NonNullable<ReferenceField['onDelete']>;
}

export interface CompiledHasMany {
  kind: 'hasMany';
  name: string;
  entity: string;
  /** The reference field on `entity` pointing back here. */
  field: string;
}

export interface CompiledManyToMany {
  kind: 'manyToMany';
  name: string;
  entity: string;
  /** Quoted link table name. */
  tableSql: string;
}

export type CompiledRelation = CompiledHasMany | CompiledManyToMany;

export interface EvaluatedFormula {
  ok: boolean;
  value?: unknown;
  message?: string;
}

export interface CompiledFormula {
  field: CompiledField;
  evaluate(scope: Readonly<Record<string, unknown>>, now: Date): EvaluatedFormula;
}

export interface CompiledAutonumber {
  field: CompiledField;
  /** Formats a sequence value by the field's pattern, e.g. 7 → "ACC-00007". */
  format(value: number): string;
  start: number;
}

/** A reference elsewhere in the bundle pointing at an entity: what deleting its target does. */
export interface InboundReference {
  entity: string;
  field: CompiledField;
  onDelete: CompiledReference['onDelete'];
}

export interface CompiledEntity {
  name: string;
  /** The entity with every default filled (resolved once per version). */
  document: ResolvedEntity;
  tablePlan: TablePlan;
  /** Quoted table name. */
  tableSql: string;
  /** System columns first, then the fields, in table order. */
  fieldList: readonly CompiledField[];
  fields: ReadonlyMap<string, CompiledField>;
  /** Quoted, comma-separated list of every column, for SELECT. */
  selectAll: string;
  /** INSERT of every column, bind parameters in `fieldList` order. */
  insertSql: string;
  references: readonly CompiledReference[];
  relations: ReadonlyMap<string, CompiledRelation>;
  formulas: readonly CompiledFormula[];
  autonumbers: readonly CompiledAutonumber[];
  /** Field defaults applied on create when the property is absent. */
  defaults: ReadonlyArray<readonly [string, unknown]>;
  searchFields: readonly CompiledField[];
  validateCreate: ValidateFunction;
  validateUpdate: ValidateFunction;
  /** Unique index name or single column → the field it guards, to name conflicts. */
  uniqueFieldOf: ReadonlyMap<string, string>;
  /** Filled in once every entity of the bundle is compiled. */
  inboundReferences: InboundReference[];
  /** Link tables this entity is the target of (quoted), whose rows go when a record does. */
  inboundLinkTables: string[];
}

export interface CompiledMetadata {
  /** Live version number; null when nothing is published yet. */
  version: number | null;
  hash: string | null;
  /** The published bundle, resolved: its entities carry every default filled. */
  bundle: ResolvedBundle;
  entities: ReadonlyMap<string, CompiledEntity>;
  layouts: ReadonlyMap<string, LayoutDocument>;
  /** Derived documents (JSON Schemas, OpenAPI) computed on first use, kept for this version. */
  derived: Map<string, unknown>;
}
