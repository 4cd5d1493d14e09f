// Permission sets: what one role may do, declared as metadata. Per entity: the operations and
// the records each applies to (a record scope), and per field: hidden, read-only or editable.
// Sharing rules add criteria-based access to records a role's scope does not reach.
import type { LocalisedText } from './label';
import type { FilterClause } from './layout';

/** Operations on an entity's records. */
export const ENTITY_OPERATIONS = ['create', 'read', 'update', 'delete', 'transition', 'import', 'export'] as const;
export type EntityOperation = (typeof ENTITY_OPERATIONS)[number];

/** Operations that act on existing records, so a grant names which records (a scope). */
export const SCOPED_OPERATIONS = ['read', 'update', 'delete', 'transition', 'export'] as const satisfies readonly EntityOperation[];
export type ScopedOperation = (typeof SCOPED_OPERATIONS)[number];

/**
 * Which records a grant reaches, by their owner: `own` — owned by the user; `team` — owned by
 * the user or a member of one of the user's teams; `hierarchy` — owned by the user or by someone
 * whose role sits below the user's role; `all` — every record.
 */
export const RECORD_SCOPES = ['own', 'team', 'hierarchy', 'all'] as const;
export type RecordScope = (typeof RECORD_SCOPES)[number];

/**
 * Records that follow a parent's access: those whose reference field `via` names a record of its
 * entity the actor may `operation` (default: the same operation) — quote lines that follow their
 * quote. The parent's whole rule (scopes, sharing rules, partner restriction) applies.
 */
export interface ParentScope {
  via: string;
  operation?: ScopedOperation;
}

/** `true` means every record (`all`), `false` or absent means none. */
export type ScopedGrant = boolean | RecordScope | ParentScope;

export const FIELD_ACCESS_LEVELS = ['hidden', 'readOnly', 'editable'] as const;
export type FieldAccessLevel = (typeof FIELD_ACCESS_LEVELS)[number];

export interface EntityPermission {
  create?: boolean;
  read?: ScopedGrant;
  update?: ScopedGrant;
  delete?: ScopedGrant;
  /** Firing process events (moving a record through its stages). */
  transition?: ScopedGrant;
  import?: boolean;
  export?: ScopedGrant;
  /**
   * Field name → access. Unlisted fields are editable (as far as the operations allow), except
   * the owner field, which is read-only unless listed as editable: assigning owners is a privilege.
   */
  fields?: Record<string, FieldAccessLevel>;
}

/** Grants a role read (or read and edit) access to the records of `entity` matching `where`. */
export interface SharingRule {
  /** camelCase, unique within the permission set. */
  name: string;
  entity: string;
  access: 'read' | 'edit';
  /** Every clause must hold, exactly like a list filter. */
  where: FilterClause[];
  description?: LocalisedText;
}

/**
 * The role of a permission set that applies to every signed-in user whatever their roles (e.g.
 * reading users' names). No role record can be named so (role names start with a letter).
 */
export const EVERY_USER_ROLE = '*';

export interface PermissionSetDocument {
  $schema?: string;
  kind: 'permissionSet';
  /** camelCase, unique in the bundle. */
  name: string;
  label?: LocalisedText;
  description?: LocalisedText;
  /** The role (by name) this set applies to; several sets for one role add up. `EVERY_USER_ROLE` ("*"): every signed-in user. */
  role: string;
  /**
   * For partner users only: its grants reach only records whose partner field is the holder's
   * partner account — also for a holder who has none (then no record), so a user given the role
   * without a partner account does not get every record.
   */
  partnerOnly?: boolean;
  /** Entity name → what the role may do with its records. Unlisted entities: nothing. */
  entities: Record<string, EntityPermission>;
  sharingRules?: SharingRule[];
}
