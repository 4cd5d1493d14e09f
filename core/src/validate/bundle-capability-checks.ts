// Cross-document rules for an entity's capabilities: a team field through a reference names a
// field of the referenced entity; conversion targets exist and their mapped fields fit them; a
// conversion does not set a stage its process owns; roll-ups read numeric fields of the related
// entity and filter it with fields it has.
import type { EntityDocument } from '../model/entity';
import { rollupOf } from '../model/entity-capabilities';
import type { MetadataBundle } from '../model/pack';
import type { Problem } from '../model/problem';
import { pointerOf } from './ajv-problems';
import { checkFilter } from './bundle-layout-checks';
import { fieldOf, NUMERIC_TYPES, relationOf, valueTypeOf } from './entity-lookup';

export function checkCapabilitiesInBundle(entity: EntityDocument, bundle: MetadataBundle): Problem[] {
  return [...checkTeamFields(entity, bundle), ...checkConversionTargets(entity, bundle), ...checkRollupSources(entity, bundle)];
}

function checkTeamFields(entity: EntityDocument, bundle: MetadataBundle): Problem[] {
  const problems: Problem[] = [];
  (entity.assignment?.rules ?? []).forEach((rule, index) => {
    const [first = '', second] = (rule.teamField ?? '').split('.');
    const reference = fieldOf(entity, first);
    if (second === undefined || reference?.type !== 'reference') return;
    const target = bundle.entities[reference.entity];
    if (target && !fieldOf(target, second)) {
      problems.push({ path: pointerOf('', 'assignment', 'rules', index, 'teamField'), message: `"${second}" is not a field of ${target.name}`, code: 'unknownField' });
    }
  });
  return problems;
}

function checkConversionTargets(entity: EntityDocument, bundle: MetadataBundle): Problem[] {
  const conversion = entity.conversion;
  if (!conversion) return [];
  const problems: Problem[] = [];
  const entityOfTarget = new Map(conversion.targets.map((target) => [target.name, target.entity]));
  conversion.targets.forEach((target, index) => {
    const path = pointerOf('', 'conversion', 'targets', index);
    const targetEntity = bundle.entities[target.entity];
    if (!targetEntity) {
      problems.push({ path: pointerOf(path, 'entity'), message: `there is no entity "${target.entity}"`, code: 'unknownEntity' });
      return;
    }
    for (const name of Object.keys(target.fields ?? {})) {
      const field = fieldOf(targetEntity, name);
      if (!field) problems.push({ path: pointerOf(path, 'fields', name), message: `"${name}" is not a field of ${targetEntity.name}`, code: 'unknownField' });
      else if (field.type === 'formula' || field.type === 'autonumber' || field.readOnly === true || rollupOf(field)) problems.push({ path: pointerOf(path, 'fields', name), message: `"${name}" is computed by the server`, code: 'readOnly' });
    }
    for (const [name, targetName] of Object.entries(target.references ?? {})) {
      const field = fieldOf(targetEntity, name);
      const pointsTo = entityOfTarget.get(targetName);
      if (!field) problems.push({ path: pointerOf(path, 'references', name), message: `"${name}" is not a field of ${targetEntity.name}`, code: 'unknownField' });
      else if (field.type !== 'reference' || (pointsTo !== undefined && field.entity !== pointsTo)) problems.push({ path: pointerOf(path, 'references', name), message: `"${name}" must be a reference field to ${pointsTo ?? 'the target\'s entity'}`, code: 'invalidReference' });
    }
    (target.matchOn ?? []).forEach((name, position) => {
      if (!fieldOf(targetEntity, name)) problems.push({ path: pointerOf(path, 'matchOn', position), message: `"${name}" is not a field of ${targetEntity.name}`, code: 'unknownField' });
      else if (!(name in (target.fields ?? {}))) problems.push({ path: pointerOf(path, 'matchOn', position), message: `"${name}" is not mapped in "fields", so there is nothing to match on`, code: 'unmappedField' });
    });
  });
  for (const process of Object.values(bundle.processes)) {
    if (process.entity !== entity.name || !(process.stageField in (conversion.set ?? {}))) continue;
    problems.push({ path: pointerOf('', 'conversion', 'set', process.stageField), message: `"${process.stageField}" is the stage of the process ${process.name}; it moves only through transitions`, code: 'processStage' });
  }
  return problems;
}

function checkRollupSources(entity: EntityDocument, bundle: MetadataBundle): Problem[] {
  const problems: Problem[] = [];
  entity.fields.forEach((field, index) => {
    const rollup = rollupOf(field);
    const relation = rollup ? relationOf(entity, rollup.relation) : undefined;
    const related = relation?.kind === 'hasMany' ? bundle.entities[relation.entity] : undefined;
    if (!rollup || !related) return;
    const path = pointerOf('', 'fields', index, 'rollup');
    if (rollup.field !== undefined) {
      const type = valueTypeOf(related, rollup.field);
      if (type === undefined) problems.push({ path: pointerOf(path, 'field'), message: `"${rollup.field}" is not a field of ${related.name}`, code: 'unknownField' });
      else if (!NUMERIC_TYPES.has(type)) problems.push({ path: pointerOf(path, 'field'), message: `"${rollup.field}" is a ${type} field; a roll-up aggregates numbers`, code: 'invalidRollup' });
    }
    (rollup.where ?? []).forEach((clause, position) => problems.push(...checkFilter(clause, related, pointerOf(path, 'where', position))));
  });
  return problems;
}
