// Cross-document rules for a permission set: the entities and fields it names exist, record
// scopes other than "all" are only granted on entities that have an owner field, parent scopes
// follow reference fields without coming back round, and sharing rules filter real fields with
// operators and values that fit them.
import { ownerFieldOf } from '../access/ownership';
import type { EntityDocument } from '../model/entity';
import { permissionSetsOf, type MetadataBundle } from '../model/pack';
import { SCOPED_OPERATIONS, type EntityPermission, type PermissionSetDocument } from '../model/permission';
import type { Problem } from '../model/problem';
import { pointerOf } from './ajv-problems';
import { checkFilter } from './bundle-layout-checks';
import { fieldOf, relationOf } from './entity-lookup';

export function checkPermissionSetInBundle(permissionSet: PermissionSetDocument, bundle: MetadataBundle): Problem[] {
  const problems: Problem[] = [];
  const unknownEntity = (name: string): string => `"${name}" is not an entity (entities: ${Object.keys(bundle.entities).join(', ')})`;
  for (const [entityName, permission] of Object.entries(permissionSet.entities)) {
    const entity = bundle.entities[entityName];
    if (!entity) problems.push({ path: pointerOf('', 'entities', entityName), message: unknownEntity(entityName), code: 'unknownEntity' });
    else problems.push(...checkEntityPermission(permission, entity, pointerOf('', 'entities', entityName)), ...checkParentScopes(permission, entity, bundle, pointerOf('', 'entities', entityName)));
  }
  (permissionSet.sharingRules ?? []).forEach((rule, index) => {
    const path = pointerOf('', 'sharingRules', index);
    const entity = bundle.entities[rule.entity];
    if (!entity) {
      problems.push({ path: pointerOf(path, 'entity'), message: unknownEntity(rule.entity), code: 'unknownEntity' });
      return;
    }
    rule.where.forEach((clause, position) => problems.push(...checkFilter(clause, entity, pointerOf(path, 'where', position))));
  });
  return problems;
}

/** A parent scope follows a reference field of the entity, and never leads back to the entity. */
function checkParentScopes(permission: EntityPermission, entity: EntityDocument, bundle: MetadataBundle, path: string): Problem[] {
  const problems: Problem[] = [];
  for (const operation of SCOPED_OPERATIONS) {
    const grant = permission[operation];
    if (typeof grant !== 'object') continue;
    const field = fieldOf(entity, grant.via);
    if (field?.type !== 'reference') {
      problems.push({ path: pointerOf(path, operation, 'via'), message: `"${grant.via}" is not a reference field of ${entity.name}`, code: 'unknownField' });
    } else if (leadsBackTo(entity.name, field.entity, bundle, new Set())) {
      problems.push({ path: pointerOf(path, operation, 'via'), message: `Following "${grant.via}" leads back to ${entity.name}: parent scopes must not form a cycle`, code: 'parentScopeCycle' });
    }
  }
  return problems;
}

/** Whether some set's parent scopes on `from` (followed on) reach `target`. */
function leadsBackTo(target: string, from: string, bundle: MetadataBundle, seen: Set<string>): boolean {
  if (from === target) return true;
  if (seen.has(from)) return false;
  seen.add(from);
  const entity = bundle.entities[from];
  if (!entity) return false;
  return Object.values(permissionSetsOf(bundle)).some((set) => {
    const permission = set.entities[from];
    return permission !== undefined && SCOPED_OPERATIONS.some((operation) => {
      const grant = permission[operation];
      if (typeof grant !== 'object') return false;
      const field = fieldOf(entity, grant.via);
      return field?.type === 'reference' && leadsBackTo(target, field.entity, bundle, seen);
    });
  });
}

function checkEntityPermission(permission: EntityPermission, entity: EntityDocument, path: string): Problem[] {
  const problems: Problem[] = [];
  if (ownerFieldOf(entity) === undefined) {
    for (const operation of SCOPED_OPERATIONS) {
      const grant = permission[operation];
      if (typeof grant === 'string' && grant !== 'all') {
        problems.push({ path: pointerOf(path, operation), message: `${entity.name} has no owner field, so "${grant}" reaches no record (use true or "all", or give it an owner field)`, code: 'noOwnerField' });
      }
    }
  }
  for (const fieldName of Object.keys(permission.fields ?? {})) {
    if (!fieldOf(entity, fieldName) && !relationOf(entity, fieldName)) {
      problems.push({ path: pointerOf(path, 'fields', fieldName), message: `"${fieldName}" is not a field or relation of ${entity.name}`, code: 'unknownField' });
    }
  }
  return problems;
}
