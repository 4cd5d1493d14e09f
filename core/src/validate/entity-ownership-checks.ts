// Rules for an entity's ownership metadata: the owner field is a user field, the partner field
// holds an id, and handover names hasMany relations (their entities must have owners too —
// checked across documents in checkHandoverInBundle).
import { PARTNER_FIELD_TYPES, ownerFieldOf } from '../access/ownership';
import type { EntityDocument } from '../model/entity';
import type { MetadataBundle } from '../model/pack';
import type { Problem } from '../model/problem';
import { pointerOf } from './ajv-problems';
import { checkFilter } from './bundle-layout-checks';
import { findDuplicates } from './duplicates';
import { fieldOf, relationOf } from './entity-lookup';
import { checkFilterValue } from './layout-checks';

export function checkEntityOwnership(entity: EntityDocument): Problem[] {
  const problems: Problem[] = [];
  if (entity.ownerField !== undefined) {
    const field = fieldOf(entity, entity.ownerField);
    if (!field) problems.push({ path: '/ownerField', message: `"${entity.ownerField}" is not a field of ${entity.name}`, code: 'unknownField' });
    else if (field.type !== 'user') problems.push({ path: '/ownerField', message: `"${field.name}" is a ${field.type} field; the owner field must be a user field`, code: 'invalidOwnerField' });
  }
  if (entity.partnerField !== undefined) {
    const field = fieldOf(entity, entity.partnerField);
    if (!field) problems.push({ path: '/partnerField', message: `"${entity.partnerField}" is not a field of ${entity.name}`, code: 'unknownField' });
    else if (!PARTNER_FIELD_TYPES.has(field.type)) problems.push({ path: '/partnerField', message: `"${field.name}" is a ${field.type} field; the partner field must be a reference or string field`, code: 'invalidPartnerField' });
    else if (field.name === ownerFieldOf(entity)) problems.push({ path: '/partnerField', message: 'must differ from the owner field', code: 'invalidPartnerField' });
  }
  if (entity.handover) problems.push(...checkHandover(entity));
  return problems;
}

function checkHandover(entity: EntityDocument): Problem[] {
  const problems: Problem[] = [];
  if (ownerFieldOf(entity) === undefined) {
    problems.push({ path: '/handover', message: `${entity.name} has no owner field (a user field named "owner", or ownerField), so it cannot be reassigned`, code: 'noOwnerField' });
  }
  const relations = entity.handover?.relations ?? [];
  relations.forEach((handover, index) => {
    const path = pointerOf('', 'handover', 'relations', index);
    const relation = relationOf(entity, handover.relation);
    if (!relation) problems.push({ path: pointerOf(path, 'relation'), message: `"${handover.relation}" is not a relation of ${entity.name}`, code: 'unknownRelation' });
    else if (relation.kind !== 'hasMany') problems.push({ path: pointerOf(path, 'relation'), message: `"${relation.name}" is a ${relation.kind} relation; a handover carries hasMany relations`, code: 'invalidHandover' });
    (handover.where ?? []).forEach((clause, position) => problems.push(...checkFilterValue(clause, pointerOf(path, 'where', position))));
  });
  for (const duplicate of findDuplicates(relations, (handover) => handover.relation)) {
    problems.push({ path: pointerOf('', 'handover', 'relations', duplicate.index, 'relation'), message: `repeats "${duplicate.key}"`, code: 'duplicateName' });
  }
  return problems;
}

/** Cross-document: each carried relation's entity has an owner field, and its filter fits that entity. */
export function checkHandoverInBundle(entity: EntityDocument, bundle: MetadataBundle): Problem[] {
  const problems: Problem[] = [];
  (entity.handover?.relations ?? []).forEach((handover, index) => {
    const relation = relationOf(entity, handover.relation);
    const target = relation ? bundle.entities[relation.entity] : undefined;
    if (!relation || relation.kind !== 'hasMany' || !target) return;
    const path = pointerOf('', 'handover', 'relations', index);
    if (ownerFieldOf(target) === undefined) {
      problems.push({ path: pointerOf(path, 'relation'), message: `${target.name} has no owner field, so its records cannot change owner`, code: 'noOwnerField' });
    }
    (handover.where ?? []).forEach((clause, position) => problems.push(...checkFilter(clause, target, pointerOf(path, 'where', position))));
  });
  return problems;
}
