// "View as role": what a user holding one role could do with an entity's records under the draft,
// computed by core's own policy compiler (the one the server enforces), so the studio never has a
// second reading of the permission rules. Per operation: allowed or not, on every record or on
// some (with the grants and sharing rules that reach them); per field: hidden, read-only or
// editable, and whether the role can actually change it (an editable field needs create or update).
import { compileAccessPolicy } from '@stagecraft/core/access';
import type { EntityOperation, FieldAccessLevel, MetadataBundle, PermissionSetDocument, ScopedGrant } from '@stagecraft/core';
import { choiceOf, isScopedOperation, MATRIX_OPERATIONS } from './permission-grants';

export const EVERY_USER = '*';

export interface OperationView {
  operation: EntityOperation;
  allowed: boolean;
  /** `all`: every record; `some`: the records of `grants` and `sharingRules`; `none`. */
  reach: 'all' | 'some' | 'none';
  /** Per permission set that grants it: the set's name and its choice (`own`, `via:quote`, `all`, `yes`). */
  grants: Array<{ set: string; choice: string }>;
  sharingRules: string[];
}

export interface FieldView {
  name: string;
  access: FieldAccessLevel;
  /** Editable and the role may create or update some records. */
  canEdit: boolean;
}

export interface RoleView {
  role: string;
  entity: string;
  /** The permission sets that apply: the role's and those for every user. */
  sets: string[];
  operations: OperationView[];
  fields: FieldView[];
}

function setsFor(bundle: MetadataBundle, role: string): PermissionSetDocument[] {
  return Object.values(bundle.permissions ?? {}).filter((set) => set.role === role || set.role === EVERY_USER);
}

function grantChoice(grant: ScopedGrant | undefined, operation: EntityOperation): string {
  if (!isScopedOperation(operation)) return grant === true ? 'yes' : 'none';
  return choiceOf(grant);
}

export function roleView(bundle: MetadataBundle, role: string, entityName: string, options: { isPartner?: boolean } = {}): RoleView {
  const policy = compileAccessPolicy(bundle, { roles: [role], isAdmin: false, isPartner: options.isPartner ?? false });
  const access = policy.entity(entityName);
  const sets = setsFor(bundle, role);
  const operations = MATRIX_OPERATIONS.map((operation): OperationView => {
    const rule = access.rowFilter(operation);
    const grants = sets.flatMap((set) => {
      const choice = grantChoice(set.entities[entityName]?.[operation], operation);
      return choice === 'none' ? [] : [{ set: set.name, choice }];
    });
    const sharingRules = isScopedOperation(operation)
      ? sets.flatMap((set) => (set.sharingRules ?? []).filter((rule) => rule.entity === entityName && (rule.access === 'edit' ? operation === 'read' || operation === 'update' : operation === 'read')).map((rule) => rule.name))
      : [];
    return { operation, allowed: rule !== false, reach: rule === true ? 'all' : rule === false ? 'none' : 'some', grants, sharingRules };
  });
  const canWrite = access.can('create') || access.can('update');
  const fields = (bundle.entities[entityName]?.fields ?? []).map((field): FieldView => {
    const level = access.fieldAccess(field.name);
    return { name: field.name, access: level, canEdit: level === 'editable' && canWrite };
  });
  return { role, entity: entityName, sets: sets.map((set) => set.name), operations, fields };
}
