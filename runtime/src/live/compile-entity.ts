// Entity document → CompiledEntity: column maps, codecs, quoted SQL, validators and formulas,
// all computed once per published version.
import {
  rollupOf,
  compileEntitySchema,
  compileEntityTablePlan,
  compileExpression,
  columnNameOf,
  linkTableNameOf,
  SYSTEM_COLUMN_OF,
  scaleOf,
  valueKindOf,
  type ResolvedEntity,
  type ResolvedField,
} from '@stagecraft/core';
import type Ajv from 'ajv';
import { compileAutonumberFormat } from '../records/autonumbers';
import { VALUE_CODECS, type ValueKind } from '../records/value-kinds';
import type { CompiledAutonumber, CompiledEntity, CompiledField, CompiledFormula, CompiledReference, CompiledRelation } from './compiled-types';
import { compileFormula } from './formula-results';

export type Quote = (identifier: string) => string;

const SYSTEM_FIELD_KINDS: ReadonlyArray<readonly [string, ValueKind]> = [
  ['id', 'string'],
  ['version', 'integer'],
  ['createdAt', 'datetime'],
  ['updatedAt', 'datetime'],
];

function systemField(name: string, kind: ValueKind, quote: Quote): CompiledField {
  const column = SYSTEM_COLUMN_OF[name] ?? name;
  return { name, column, sql: quote(column), kind, codec: VALUE_CODECS[kind], isSystem: true, isWritable: false, isRequired: false };
}

function isServerAssigned(definition: ResolvedField): boolean {
  return definition.readOnly === true || definition.type === 'formula' || definition.type === 'autonumber' || rollupOf(definition) !== undefined;
}

function compileField(definition: ResolvedField, quote: Quote): CompiledField {
  const column = columnNameOf(definition.name);
  const kind = valueKindOf(definition);
  const field: CompiledField = {
    name: definition.name,
    column,
    sql: quote(column),
    kind,
    codec: VALUE_CODECS[kind],
    definition,
    isSystem: false,
    isWritable: !isServerAssigned(definition),
    isRequired: definition.required === true,
  };
  const scale = scaleOf(definition);
  if (scale !== undefined) field.scale = scale;
  if (definition.type === 'enum' || definition.type === 'multiEnum') field.enumValues = new Set(definition.options.map((option) => option.value));
  return field;
}

export function compileEntity(entity: ResolvedEntity, quote: Quote, ajv: Ajv): CompiledEntity {
  const tablePlan = compileEntityTablePlan(entity);
  const fieldList = [...SYSTEM_FIELD_KINDS.map(([name, kind]) => systemField(name, kind, quote)), ...entity.fields.map((field) => compileField(field, quote))];
  const fields = new Map(fieldList.map((field) => [field.name, field]));
  const fieldOf = (name: string): CompiledField => {
    const field = fields.get(name);
    if (!field) throw new Error(`${entity.name} has no field ${name}`);
    return field;
  };

  const references: CompiledReference[] = [];
  const formulas: CompiledFormula[] = [];
  const autonumbers: CompiledAutonumber[] = [];
  const defaults: Array<readonly [string, unknown]> = [];
  for (const definition of entity.fields) {
    const field = fieldOf(definition.name);
    if (definition.type === 'reference') references.push({ field, target: definition.entity, onDelete: definition.onDelete });
    if (definition.type === 'formula') formulas.push(compileFormula(field, definition, compileExpression(definition.expression)));
    if (definition.type === 'autonumber') autonumbers.push({ field, format: compileAutonumberFormat(definition.format), start: definition.start });
    const fallback = 'default' in definition ? definition.default : undefined;
    if (fallback !== undefined && field.isWritable) defaults.push([definition.name, fallback]);
  }

  const relations = new Map<string, CompiledRelation>();
  for (const relation of entity.relations ?? []) {
    if (relation.kind === 'hasMany') relations.set(relation.name, { kind: 'hasMany', name: relation.name, entity: relation.entity, field: relation.field });
    else relations.set(relation.name, { kind: 'manyToMany', name: relation.name, entity: relation.entity, tableSql: quote(relation.table ?? linkTableNameOf(entity.name, relation.name)) });
  }

  const fieldOfColumn = new Map(fieldList.map((field) => [field.column, field.name]));
  const uniqueFieldOf = new Map<string, string>();
  for (const index of tablePlan.indexes.filter((candidate) => candidate.unique)) {
    const first = fieldOfColumn.get(index.columns[0] ?? '');
    if (first) uniqueFieldOf.set(index.name, first);
    for (const column of index.columns) {
      const name = fieldOfColumn.get(column);
      if (name) uniqueFieldOf.set(column, name);
    }
  }

  const selectAll = fieldList.map((field) => field.sql).join(', ');
  const tableSql = quote(tablePlan.table);
  return {
    name: entity.name,
    document: entity,
    tablePlan,
    tableSql,
    fieldList,
    fields,
    selectAll,
    insertSql: `INSERT INTO ${tableSql} (${selectAll}) VALUES (${fieldList.map((_, index) => `$${index + 1}`).join(', ')})`,
    references,
    relations,
    formulas,
    autonumbers,
    defaults,
    searchFields: entity.searchFields
      .map((name) => fields.get(name))
      .filter((field): field is CompiledField => field !== undefined && (field.kind === 'string' || field.kind === 'list')),
    validateCreate: ajv.compile(compileEntitySchema(entity, { mode: 'create' })),
    validateUpdate: ajv.compile(compileEntitySchema(entity, { mode: 'update' })),
    uniqueFieldOf,
    inboundReferences: [],
    inboundLinkTables: [],
  };
}
