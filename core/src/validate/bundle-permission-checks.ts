// Cross-document rules for a permission set: the entities and fields it names exist, record
// scopes other than "all" are only granted on entities that have an owner field, and sharing
// rules filter real fields with operators and values that fit them.
import { ownerFieldOf } from '../access/ownership';
import type { EntityDocument } from '../model/entity';
import type { MetadataBundle } from '../model/pack';
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
    else problems.push(...checkEntityPermission(permission, entity, pointerOf('', 'entities', entityName)));
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
