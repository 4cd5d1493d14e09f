// Rules for the capabilities an entity turns on, within its own document: assignment rules set a
// user field and read only the entity's fields, duplicate rules compare comparable fields,
// conversion links are read-only references to the targets' entities, roll-ups read a hasMany
// relation. What needs other documents is in bundle-capability-checks.ts.
import { ownerFieldOf } from '../access/ownership';
import { checkExpression } from '../expr/check';
import type { EntityDocument } from '../model/entity';
import { rollupOf } from '../model/entity-capabilities';
import type { Problem } from '../model/problem';
import { pointerOf } from './ajv-problems';
import { findDuplicates } from './duplicates';
import { expressionScopeOf, fieldOf, relationOf } from './entity-lookup';

/** Field types duplicate rules may compare (normalised as text, e-mail or phone; references exactly). */
export const DUPLICATE_FIELD_TYPES: ReadonlySet<string> = new Set(['string', 'email', 'phone', 'url', 'reference']);
const USER_SCOPE = 'user';

export function checkEntityCapabilities(entity: EntityDocument): Problem[] {
  return [...checkAssignment(entity), ...checkDuplicateRules(entity), ...checkConversion(entity), ...checkRollups(entity)];
}

function expressionProblems(entity: EntityDocument, expression: string | undefined, path: string, withUser: boolean): Problem[] {
  if (expression === undefined) return [];
  const known = new Set(expressionScopeOf(entity));
  if (withUser) known.add(USER_SCOPE);
  return checkExpression(expression, known).map((problem) => ({ ...problem, path: path + problem.path }));
}

function checkAssignment(entity: EntityDocument): Problem[] {
  const assignment = entity.assignment;
  if (!assignment) return [];
  const problems: Problem[] = [];
  const fieldName = assignment.field ?? ownerFieldOf(entity);
  if (fieldName === undefined) problems.push({ path: '/assignment', message: `${entity.name} has no owner field; name the user field to set in "field"`, code: 'noOwnerField' });
  else if (fieldOf(entity, fieldName)?.type !== 'user') problems.push({ path: '/assignment/field', message: `"${fieldName}" must be a user field of ${entity.name}`, code: 'invalidField' });
  assignment.rules.forEach((rule, index) => {
    const path = pointerOf('', 'assignment', 'rules', index);
    problems.push(...expressionProblems(entity, rule.when, pointerOf(path, 'when'), true));
    if (rule.teamField !== undefined) {
      const [first = '', second] = rule.teamField.split('.');
      const field = fieldOf(entity, first);
      if (!field) problems.push({ path: pointerOf(path, 'teamField'), message: `"${first}" is not a field of ${entity.name}`, code: 'unknownField' });
      else if (second !== undefined && field.type !== 'reference') problems.push({ path: pointerOf(path, 'teamField'), message: `"${first}" is a ${field.type} field; "${rule.teamField}" needs a reference field before the dot`, code: 'invalidField' });
    }
    if (rule.strategy !== undefined && rule.user !== undefined) problems.push({ path: pointerOf(path, 'strategy'), message: 'applies to teams, not to a fixed user', code: 'invalidStrategy' });
  });
  for (const duplicate of findDuplicates(assignment.rules, (rule) => rule.name)) {
    problems.push({ path: pointerOf('', 'assignment', 'rules', duplicate.index, 'name'), message: `repeats "${duplicate.key}"`, code: 'duplicateName' });
  }
  return problems;
}

function checkDuplicateRules(entity: EntityDocument): Problem[] {
  const rules = entity.duplicates?.rules ?? [];
  const problems: Problem[] = [];
  rules.forEach((rule, index) => {
    rule.fields.forEach((name, position) => {
      const path = pointerOf('', 'duplicates', 'rules', index, 'fields', position);
      const field = fieldOf(entity, name);
      if (!field) problems.push({ path, message: `"${name}" is not a field of ${entity.name}`, code: 'unknownField' });
      else if (!DUPLICATE_FIELD_TYPES.has(field.type)) problems.push({ path, message: `"${name}" is a ${field.type} field; duplicate rules compare ${[...DUPLICATE_FIELD_TYPES].join(', ')} fields`, code: 'invalidDuplicateField' });
    });
    for (const duplicate of findDuplicates(rule.fields, (name) => name)) {
      problems.push({ path: pointerOf('', 'duplicates', 'rules', index, 'fields', duplicate.index), message: `repeats "${duplicate.key}"`, code: 'duplicateName' });
    }
  });
  for (const duplicate of findDuplicates(rules, (rule) => rule.name)) {
    problems.push({ path: pointerOf('', 'duplicates', 'rules', duplicate.index, 'name'), message: `repeats "${duplicate.key}"`, code: 'duplicateName' });
  }
  return problems;
}

function checkConversion(entity: EntityDocument): Problem[] {
  const conversion = entity.conversion;
  if (!conversion) return [];
  const problems: Problem[] = [...expressionProblems(entity, conversion.when, '/conversion/when', false)];
  const earlier = new Set<string>();
  conversion.targets.forEach((target, index) => {
    const path = pointerOf('', 'conversion', 'targets', index);
    const link = fieldOf(entity, target.link);
    if (!link) problems.push({ path: pointerOf(path, 'link'), message: `"${target.link}" is not a field of ${entity.name}`, code: 'unknownField' });
    else if (link.type !== 'reference' || link.entity !== target.entity) problems.push({ path: pointerOf(path, 'link'), message: `"${target.link}" must be a reference field to ${target.entity}`, code: 'invalidLink' });
    else if (link.readOnly !== true) problems.push({ path: pointerOf(path, 'link'), message: `"${target.link}" must be read-only: only the conversion writes it`, code: 'writableLink' });
    for (const [field, expression] of Object.entries(target.fields ?? {})) problems.push(...expressionProblems(entity, expression, pointerOf(path, 'fields', field), false));
    for (const [field, name] of Object.entries(target.references ?? {})) {
      if (!earlier.has(name)) problems.push({ path: pointerOf(path, 'references', field), message: `"${name}" is not an earlier target of the conversion`, code: 'unknownTarget' });
    }
    earlier.add(target.name);
  });
  for (const duplicate of findDuplicates(conversion.targets, (target) => target.name)) {
    problems.push({ path: pointerOf('', 'conversion', 'targets', duplicate.index, 'name'), message: `repeats "${duplicate.key}"`, code: 'duplicateName' });
  }
  for (const duplicate of findDuplicates(conversion.targets, (target) => target.link)) {
    problems.push({ path: pointerOf('', 'conversion', 'targets', duplicate.index, 'link'), message: `repeats "${duplicate.key}"`, code: 'duplicateName' });
  }
  for (const [name, value] of Object.entries(conversion.set ?? {})) {
    const field = fieldOf(entity, name);
    const path = pointerOf('', 'conversion', 'set', name);
    if (!field) problems.push({ path, message: `"${name}" is not a field of ${entity.name}`, code: 'unknownField' });
    else if (field.type === 'enum' && !field.options.some((option) => option.value === value)) problems.push({ path, message: `${JSON.stringify(value)} is not an option of "${name}"`, code: 'invalidValue' });
  }
  return problems;
}

function checkRollups(entity: EntityDocument): Problem[] {
  const problems: Problem[] = [];
  entity.fields.forEach((field, index) => {
    const rollup = rollupOf(field);
    if (!rollup) return;
    const path = pointerOf('', 'fields', index, 'rollup');
    const relation = relationOf(entity, rollup.relation);
    if (!relation) problems.push({ path: pointerOf(path, 'relation'), message: `"${rollup.relation}" is not a relation of ${entity.name}`, code: 'unknownRelation' });
    else if (relation.kind !== 'hasMany') problems.push({ path: pointerOf(path, 'relation'), message: `"${rollup.relation}" is a ${relation.kind} relation; a roll-up reads a hasMany relation`, code: 'invalidRollup' });
    if (rollup.aggregate === 'count' && rollup.field !== undefined) problems.push({ path: pointerOf(path, 'field'), message: 'count takes no field', code: 'invalidRollup' });
    if (rollup.aggregate !== 'count' && rollup.field === undefined) problems.push({ path: pointerOf(path, 'field'), message: `${rollup.aggregate} needs the related records' numeric field`, code: 'required' });
    if (field.required === true) problems.push({ path: pointerOf('', 'fields', index, 'required'), message: 'a roll-up is computed by the server and cannot be required', code: 'invalidRollup' });
  });
  return problems;
}
