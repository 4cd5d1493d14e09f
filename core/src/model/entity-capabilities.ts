// Generic record capabilities an entity turns on in its metadata: owner assignment rules,
// duplicate detection (with merge), conversion into other records, and roll-up fields. The
// runtime implements each once (runtime/src/{assignment,duplicates,conversion,rollups}); a pack
// only declares them.
import type { FieldDefinition } from './field';
import type { LocalisedText } from './label';
import type { FilterClause } from './layout';

export type AssignmentStrategy = 'roundRobin' | 'leastLoaded';

/**
 * One assignment rule: when `when` holds for the new record, the owner becomes `user`, or a
 * member of `team` (or of the team `teamField` names) picked by `strategy`.
 */
export interface AssignmentRuleDefinition {
  /** Unique among the entity's rules; reported with the assignment. */
  name: string;
  label?: LocalisedText;
  /** An expression over the record's fields and `user` (the creator); absent: always. */
  when?: string;
  /** A username or user id. */
  user?: string;
  /** A team name or id. */
  team?: string;
  /** A field holding a team id or name: `team` or `reference.field` (a field of the referenced record). */
  teamField?: string;
  /** How a team member is picked (default roundRobin). */
  strategy?: AssignmentStrategy;
}

/** Rules routing new records to an owner; the first rule that matches (and finds someone) wins. */
export interface AssignmentDefinition {
  /** The user field set (default: the entity's owner field). */
  field?: string;
  rules: AssignmentRuleDefinition[];
}

/** Records whose values of every field of a rule are equal (normalised) are likely duplicates. */
export interface DuplicateRuleDefinition {
  name: string;
  label?: LocalisedText;
  /** string, email, phone, url or reference fields. E-mails compare lower-cased, phones by digits, text without case, spaces or punctuation. */
  fields: string[];
}

export interface DuplicateDetectionDefinition {
  rules: DuplicateRuleDefinition[];
}

/** One record a conversion produces (or attaches to) from the source record. */
export interface ConversionTargetDefinition {
  /** Unique among the targets; the key in the request and the response. */
  name: string;
  label?: LocalisedText;
  entity: string;
  /** A reference field of the source entity (to `entity`) that records what the source became. */
  link: string;
  /** Created only when the request asks for it (`targets.<name>.create: true`). */
  optional?: boolean;
  /** Target field → expression over the source record (a bare field name copies it). */
  fields?: Record<string, string>;
  /** Target reference field → the name of an earlier target, whose record it points to. */
  references?: Record<string, string>;
  /** Target fields: an existing record (the caller may read) with the same normalised values is attached instead of creating one. */
  matchOn?: string[];
}

/** Converting a record (a qualified lead) into others, once, in one transaction. */
export interface ConversionDefinition {
  /** An expression that must hold on the source record for it to convert. */
  when?: string;
  targets: ConversionTargetDefinition[];
  /** Source field values written by the conversion, e.g. `{ "status": "converted" }`. */
  set?: Record<string, string | number | boolean>;
}

export type RollupAggregate = 'sum' | 'count' | 'min' | 'max';

/** A numeric field kept equal to an aggregate of related records, inside the related records' writes. */
export interface RollupDefinition {
  /** A hasMany relation of this entity. */
  relation: string;
  /** The related records' numeric field (not for count). */
  field?: string;
  aggregate: RollupAggregate;
  /** Only related records matching every clause count. */
  where?: FilterClause[];
}

/** The roll-up a field declares, if any (numeric fields only). */
export function rollupOf(field: FieldDefinition): RollupDefinition | undefined {
  return 'rollup' in field ? field.rollup : undefined;
}
