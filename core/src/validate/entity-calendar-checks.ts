// Rules for an entity's overlap rules and process signals: the range fields are date or
// datetime fields of one type, scope fields can be compared for equality, filters fit the entity,
// names are unique; a signal's field is a reference (its entity is checked in the bundle).
import type { EntityDocument } from '../model/entity';
import type { MetadataBundle } from '../model/pack';
import type { Problem } from '../model/problem';
import { pointerOf } from './ajv-problems';
import { checkFilter } from './bundle-layout-checks';
import { findDuplicates } from './duplicates';
import { fieldOf } from './entity-lookup';

const RANGE_TYPES = new Set(['date', 'datetime']);
const UNCOMPARABLE_TYPES = new Set(['text', 'multiEnum', 'formula']);

export function checkEntityCalendar(entity: EntityDocument): Problem[] {
  const problems: Problem[] = [];
  const rules = entity.overlapRules ?? [];
  rules.forEach((rule, index) => {
    const path = pointerOf('', 'overlapRules', index);
    const start = fieldOf(entity, rule.start);
    const end = fieldOf(entity, rule.end);
    for (const [key, name, field] of [['start', rule.start, start], ['end', rule.end, end]] as const) {
      if (!field) problems.push({ path: pointerOf(path, key), message: `"${name}" is not a field of ${entity.name}`, code: 'unknownField' });
      else if (!RANGE_TYPES.has(field.type)) problems.push({ path: pointerOf(path, key), message: `"${name}" is a ${field.type} field; a range needs date or datetime fields`, code: 'invalidRangeField' });
    }
    if (start && end && RANGE_TYPES.has(start.type) && RANGE_TYPES.has(end.type) && start.type !== end.type) problems.push({ path: pointerOf(path, 'end'), message: `"${end.name}" is a ${end.type} field but "${start.name}" is a ${start.type} field; both ends need the same type`, code: 'invalidRangeField' });
    (rule.scope ?? []).forEach((name, position) => {
      const field = fieldOf(entity, name);
      if (!field) problems.push({ path: pointerOf(path, 'scope', position), message: `"${name}" is not a field of ${entity.name}`, code: 'unknownField' });
      else if (UNCOMPARABLE_TYPES.has(field.type)) problems.push({ path: pointerOf(path, 'scope', position), message: `"${name}" is a ${field.type} field, which cannot scope an overlap rule`, code: 'invalidScopeField' });
    });
    (rule.where ?? []).forEach((clause, position) => problems.push(...checkFilter(clause, entity, pointerOf(path, 'where', position))));
  });
  for (const duplicate of findDuplicates(rules, (rule) => rule.name)) {
    problems.push({ path: pointerOf('', 'overlapRules', duplicate.index, 'name'), message: `repeats "${duplicate.key}"`, code: 'duplicateName' });
  }
  (entity.processSignals ?? []).forEach((signal, index) => {
    const field = fieldOf(entity, signal.field);
    const path = pointerOf('', 'processSignals', index, 'field');
    if (!field) problems.push({ path, message: `"${signal.field}" is not a field of ${entity.name}`, code: 'unknownField' });
    else if (field.type !== 'reference') problems.push({ path, message: `"${signal.field}" is a ${field.type} field; a signal goes to the record a reference field names`, code: 'invalidSignalField' });
  });
  return problems;
}

/** Cross-document: a signalled entity runs a process, or the signal could never be heard. */
export function checkProcessSignalsInBundle(entity: EntityDocument, bundle: MetadataBundle): Problem[] {
  const problems: Problem[] = [];
  (entity.processSignals ?? []).forEach((signal, index) => {
    const field = fieldOf(entity, signal.field);
    if (field?.type !== 'reference') return;
    const bound = Object.values(bundle.processes).some((process) => process.entity === field.entity);
    if (!bound) problems.push({ path: pointerOf('', 'processSignals', index, 'field'), message: `${field.entity} runs no process, so it cannot receive "${signal.event}"`, code: 'noProcess' });
  });
  return problems;
}
