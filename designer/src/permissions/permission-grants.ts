// Grants as the permission matrix shows them: each operation's value (true/false, a record scope
// or a parent scope) as one choice of a select, and back; the choices an entity offers (scopes
// other than "all" need an owner field, parent scopes a reference field); a new set's name.
import { ownerFieldOf } from '@stagecraft/core/access';
import type { EntityDocument, EntityOperation, EntityPermission, MetadataBundle, ScopedGrant, ScopedOperation } from '@stagecraft/core';

export const MATRIX_OPERATIONS = ['create', 'read', 'update', 'delete', 'transition', 'import', 'export'] as const satisfies readonly EntityOperation[];
const SCOPED: ReadonlySet<string> = new Set<ScopedOperation>(['read', 'update', 'delete', 'transition', 'export']);
const OWNER_SCOPES = ['own', 'team', 'hierarchy'] as const;

export function isScopedOperation(operation: EntityOperation): operation is ScopedOperation {
  return SCOPED.has(operation);
}

/** A grant as a select value: `none`, `yes`, `all`, `own`, `team`, `hierarchy` or `via:<field>[:<operation>]`. */
export function choiceOf(grant: ScopedGrant | undefined): string {
  if (grant === undefined || grant === false) return 'none';
  if (grant === true || grant === 'all') return 'all';
  if (typeof grant === 'string') return grant;
  return grant.operation ? `via:${grant.via}:${grant.operation}` : `via:${grant.via}`;
}

/** The grant a select value stands for (`undefined`: not granted, the key is removed). */
export function grantOf(choice: string): ScopedGrant | undefined {
  if (choice === 'none') return undefined;
  if (choice === 'all' || choice === 'yes') return true;
  if (choice.startsWith('via:')) {
    const [, via = '', operation] = choice.split(':');
    return operation ? { via, operation: operation as ScopedOperation } : { via };
  }
  return choice as ScopedGrant;
}

export interface GrantChoice {
  value: string;
  /** A message key for the fixed scopes; the reference field for parent scopes. */
  scope: 'none' | 'yes' | 'all' | 'own' | 'team' | 'hierarchy' | 'via';
  via?: string;
  operation?: string;
}

/** What create and import may be set to. */
export const YES_NO_CHOICES: readonly GrantChoice[] = [
  { value: 'none', scope: 'none' },
  { value: 'yes', scope: 'yes' },
];

/** What a scoped operation of this entity may be set to (the current value is always offered). */
export function scopeChoices(entity: EntityDocument | undefined, current: ScopedGrant | undefined): GrantChoice[] {
  const choices: GrantChoice[] = [{ value: 'none', scope: 'none' }, { value: 'all', scope: 'all' }];
  if (entity && ownerFieldOf(entity) !== undefined) choices.push(...OWNER_SCOPES.map((scope) => ({ value: scope, scope })));
  for (const field of entity?.fields ?? []) {
    if (field.type === 'reference') choices.push({ value: `via:${field.name}`, scope: 'via', via: field.name });
  }
  const value = choiceOf(current);
  if (!choices.some((choice) => choice.value === value)) {
    const [, via, operation] = value.split(':');
    choices.push(value.startsWith('via:') ? { value, scope: 'via', via, operation } : { value, scope: value as GrantChoice['scope'] });
  }
  return choices;
}

/** Sets one operation of an entity permission (absent when not granted, as the packs write it). */
export function withOperation(permission: EntityPermission, operation: EntityOperation, choice: string): void {
  const grant = grantOf(choice);
  if (operation === 'create' || operation === 'import') {
    if (grant === undefined) delete permission[operation];
    else permission[operation] = true;
    return;
  }
  if (grant === undefined) delete permission[operation];
  else permission[operation] = grant;
}

/** A short text of the granted operations, e.g. `C R:all U:own` (for the matrix cell). */
export function grantSummary(permission: EntityPermission | undefined): Array<{ operation: EntityOperation; choice: string }> {
  if (!permission) return [];
  return MATRIX_OPERATIONS.flatMap((operation) => {
    const choice = choiceOf(permission[operation]);
    return choice === 'none' ? [] : [{ operation, choice }];
  });
}

/** A free camelCase permission set name for a role (`field-rep` → `fieldRepAccess`, then `fieldRepAccess2` …). */
export function newSetName(bundle: MetadataBundle, role: string): string {
  const words = role.split(/[^a-zA-Z0-9]+/).filter((word) => word !== '');
  const camel = words.map((word, index) => (index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1))).join('');
  const base = `${/^[a-z]/.test(camel) ? camel : `role${camel}`}Access`.slice(0, 44);
  const taken = new Set(Object.keys(bundle.permissions ?? {}));
  if (!taken.has(base)) return base;
  for (let index = 2; ; index += 1) if (!taken.has(`${base}${index}`)) return `${base}${index}`;
}
