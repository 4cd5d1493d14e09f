// Rules for one entity document: unique, unreserved names that map to distinct columns; the
// fields named by displayField, searchFields and indexes exist; each field's own rules.
import { fieldTypeDefinitions } from '../field-types';
import { SYSTEM_FIELDS, type EntityDocument } from '../model/entity';
import type { FieldDefinition } from '../model/field';
import type { Problem } from '../model/problem';
import { MAX_IDENTIFIER_LENGTH, columnNameOf, tableNameOf } from '../plan/naming';
import { pointerOf } from './ajv-problems';
import { findDuplicates } from './duplicates';
import { checkField } from './field-checks';

/** Names starting with this (in any case) belong to the product. */
export const RESERVED_NAME_PREFIX = 'stagecraft';
const SYSTEM_FIELD_NAMES: ReadonlySet<string> = new Set(SYSTEM_FIELDS);

export function isReservedName(name: string): boolean {
  return SYSTEM_FIELD_NAMES.has(name) || name.toLowerCase().startsWith(RESERVED_NAME_PREFIX);
}

export function checkEntity(entity: EntityDocument): Problem[] {
  const problems: Problem[] = [];
  if (entity.name.toLowerCase().startsWith(RESERVED_NAME_PREFIX)) {
    problems.push({ path: '/name', message: `must not start with "${RESERVED_NAME_PREFIX}" (reserved for the product's own tables)`, code: 'reservedName' });
  }
  if (tableNameOf(entity.name).length > MAX_IDENTIFIER_LENGTH) {
    problems.push({ path: '/name', message: `makes a table name longer than ${MAX_IDENTIFIER_LENGTH} characters`, code: 'nameTooLong' });
  }
  problems.push(...checkMemberNames(entity));
  entity.fields.forEach((field, index) => problems.push(...checkField(field, pointerOf('', 'fields', index))));
  problems.push(...checkFieldReferences(entity));
  return problems;
}

/** Fields and relations share one namespace (both are record properties); columns must differ too. */
function checkMemberNames(entity: EntityDocument): Problem[] {
  const members = [
    ...entity.fields.map((field, index) => ({ name: field.name, path: pointerOf('', 'fields', index, 'name') })),
    ...(entity.relations ?? []).map((relation, index) => ({ name: relation.name, path: pointerOf('', 'relations', index, 'name') })),
  ];
  const problems: Problem[] = [];
  for (const member of members) {
    if (isReservedName(member.name)) {
      problems.push({ path: member.path, message: `"${member.name}" is reserved (system fields: ${SYSTEM_FIELDS.join(', ')}; prefix "${RESERVED_NAME_PREFIX}")`, code: 'reservedName' });
    } else if (columnNameOf(member.name).length > MAX_IDENTIFIER_LENGTH) {
      problems.push({ path: member.path, message: `makes a column name longer than ${MAX_IDENTIFIER_LENGTH} characters`, code: 'nameTooLong' });
    }
  }
  for (const duplicate of findDuplicates(members, (member) => member.name)) {
    problems.push({ path: duplicate.item.path, message: `"${duplicate.key}" is already used at ${members[duplicate.firstIndex]?.path ?? ''}`, code: 'duplicateName' });
  }
  const fieldMembers = members.slice(0, entity.fields.length);
  const distinctNames = [...new Map(fieldMembers.map((member) => [member.name, member])).values()];
  for (const duplicate of findDuplicates(distinctNames, (member) => columnNameOf(member.name))) {
    problems.push({ path: duplicate.item.path, message: `maps to the same column "${duplicate.key}" as "${distinctNames[duplicate.firstIndex]?.name ?? ''}"`, code: 'duplicateColumn' });
  }
  return problems;
}

function checkFieldReferences(entity: EntityDocument): Problem[] {
  const problems: Problem[] = [];
  const fieldsByName = new Map<string, FieldDefinition>(entity.fields.map((field) => [field.name, field]));
  const known = (name: string): string => `"${name}" is not a field of ${entity.name}`;
  if (entity.displayField !== undefined && !fieldsByName.has(entity.displayField)) {
    problems.push({ path: '/displayField', message: known(entity.displayField), code: 'unknownField' });
  }
  (entity.searchFields ?? []).forEach((name, index) => {
    const field = fieldsByName.get(name);
    const path = pointerOf('', 'searchFields', index);
    if (!field) problems.push({ path, message: known(name), code: 'unknownField' });
    else if (!fieldTypeDefinitions[field.type].searchable) problems.push({ path, message: `"${name}" is a ${field.type} field; free-text search needs a text-like field`, code: 'invalidSearchField' });
  });
  (entity.indexes ?? []).forEach((index, indexPosition) => {
    index.fields.forEach((name, position) => {
      const path = pointerOf('', 'indexes', indexPosition, 'fields', position);
      const field = fieldsByName.get(name);
      if (!field && !SYSTEM_FIELD_NAMES.has(name)) problems.push({ path, message: known(name), code: 'unknownField' });
      else if (field && !fieldTypeDefinitions[field.type].indexable) problems.push({ path, message: `"${name}" is a ${field.type} field, which cannot be indexed`, code: 'invalidIndex' });
    });
  });
  entity.fields.forEach((field, position) => {
    if (field.type !== 'currency' || field.currencyField === undefined) return;
    const path = pointerOf('', 'fields', position, 'currencyField');
    const codeField = fieldsByName.get(field.currencyField);
    if (!codeField) problems.push({ path, message: known(field.currencyField), code: 'unknownField' });
    else if (codeField.type !== 'string' && codeField.type !== 'enum') problems.push({ path, message: `"${codeField.name}" is a ${codeField.type} field; a currency code needs a string or enum field`, code: 'invalidCurrencyField' });
  });
  const namedIndexes = (entity.indexes ?? []).map((index, position) => ({ name: index.name, position })).filter((index) => index.name !== undefined);
  for (const duplicate of findDuplicates(namedIndexes, (index) => index.name ?? '')) {
    problems.push({ path: pointerOf('', 'indexes', duplicate.item.position, 'name'), message: `repeats the index name "${duplicate.key}"`, code: 'duplicateIndexName' });
  }
  return problems;
}
