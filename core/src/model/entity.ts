// Entity documents: one per business object (account, opportunity, ticket, …).
import type { FieldDefinition } from './field';
import type { LocalisedText } from './label';

export interface IndexDefinition {
  /** Optional; derived from the entity and fields when absent. */
  name?: string;
  fields: string[];
  unique?: boolean;
}

/** One-to-many inverse of a reference field on `entity` that points back at this entity. */
export interface HasManyRelation {
  kind: 'hasMany';
  name: string;
  label?: LocalisedText;
  entity: string;
  /** The reference field on `entity` that points here. */
  field: string;
}

/** Many-to-many through a link table owned by this entity. */
export interface ManyToManyRelation {
  kind: 'manyToMany';
  name: string;
  label?: LocalisedText;
  entity: string;
  /** Link table name; default `<this entity table>__<relation name snake_case>`. */
  table?: string;
}

export type RelationDefinition = HasManyRelation | ManyToManyRelation;

export interface EntityDocument {
  $schema?: string;
  kind: 'entity';
  /** camelCase identifier; the table is its snake_case form. */
  name: string;
  label: LocalisedText;
  pluralLabel?: LocalisedText;
  description?: LocalisedText;
  /** The field shown as the record's title (default: the first string field). */
  displayField?: string;
  /** Fields searched by the list's free-text search. */
  searchFields?: string[];
  fields: FieldDefinition[];
  indexes?: IndexDefinition[];
  relations?: RelationDefinition[];
  /** The entity's previous name: the planner renames its table instead of creating a new one. */
  renamedFrom?: string;
}

/** Names of the columns every entity table has; fields may not use them. */
export const SYSTEM_FIELDS = ['id', 'version', 'createdAt', 'updatedAt'] as const;
export type SystemField = (typeof SYSTEM_FIELDS)[number];
