// Entity documents: one per business object (account, opportunity, ticket, …).
import type { AssignmentDefinition, ConversionDefinition, DuplicateDetectionDefinition } from './entity-capabilities';
import type { EntityIcon } from './entity-icons';
import type { FieldDefinition } from './field';
import type { LocalisedText } from './label';
import type { FilterClause } from './layout';


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

/** A hasMany relation whose records move to the new owner when a record is reassigned. */
export interface HandoverRelation {
  /** A hasMany relation of this entity; its entity needs an owner field. */
  relation: string;
  /** Only the related records matching every clause move (e.g. open opportunities). */
  where?: FilterClause[];
}

/** What a reassignment (the "seamless handover") carries along with the record itself. */
export interface HandoverDefinition {
  relations: HandoverRelation[];
}

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
  /** A CSS hex colour marking the entity in navigation, the studio and diagrams, e.g. "#2f80ed". */
  color?: string;
  /** A named icon (one of ENTITY_ICONS) shown before the entity's label in navigation and the studio. */
  icon?: EntityIcon;
  /** Fields searched by the list's free-text search. */
  searchFields?: string[];
  fields: FieldDefinition[];
  indexes?: IndexDefinition[];
  relations?: RelationDefinition[];
  /** The entity's previous name: the planner renames its table instead of creating a new one. */
  renamedFrom?: string;
  /** The `user` field naming a record's owner, for record-level permissions (default: a user field named `owner`). */
  ownerField?: string;
  /** A reference or string field naming the partner account a record is shared with; partner users see only their own. */
  partnerField?: string;
  handover?: HandoverDefinition;
  /** Rules routing a new record without an owner to one (runtime/src/assignment). */
  assignment?: AssignmentDefinition;
  /** Likely-duplicate rules: checked on create, listed per record, and merge turned on (runtime/src/duplicates). */
  duplicates?: DuplicateDetectionDefinition;
  /** Converting a record into records of other entities (a lead into an account, contact and opportunity). */
  conversion?: ConversionDefinition;
  /** Time ranges that may not overlap within a scope (a meeting in its owner's calendar); see runtime/src/calendar. */
  overlapRules?: OverlapRule[];
  /** Events sent, when a record is created, to the process of the record a reference names (an activity restarts its deal's stale clock). */
  processSignals?: ProcessSignal[];
}

/**
 * Two records of the entity matching `where` whose `scope` fields are equal may not have
 * overlapping [start, end) ranges, unless the writer confirms (`?confirm=<name>`). Touching
 * ranges (one ends when the other starts) do not overlap.
 */
export interface OverlapRule {
  /** Unique among the entity's overlap rules; also the word the writer confirms with. */
  name: string;
  /** A date or datetime field: where the range starts. */
  start: string;
  /** A field of the same type as `start`: where the range ends. */
  end: string;
  /** Fields whose values must be equal for two records to collide (e.g. the owner). */
  scope?: string[];
  /** Only records matching every clause take part (e.g. type = meeting). */
  where?: FilterClause[];
  /** Shown with the refusal, before the conflicting record's name. */
  message?: LocalisedText;
}

/** On create, `event` goes (through the outbox) to the process of the record the reference `field` names. */
export interface ProcessSignal {
  field: string;
  event: string;
}

/** Names of the columns every entity table has; fields may not use them. */
export const SYSTEM_FIELDS = ['id', 'version', 'createdAt', 'updatedAt'] as const;
export type SystemField = (typeof SYSTEM_FIELDS)[number];
