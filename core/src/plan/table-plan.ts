// Entity metadata → the tables, typed columns and indexes that hold its records.
// Pure: the migration planner diffs two of these, the record layer maps fields through them.
import { columnTypeOf, ID_COLUMN_TYPE, type ColumnType } from '../field-types';
import type { EntityDocument, ManyToManyRelation } from '../model/entity';
import { permissionSetsOf, type MetadataBundle } from '../model/pack';
import { resolveEntity, type ResolvedEntity } from '../resolve/resolve-entity';
import { columnNameOf, indexNameOf, linkTableNameOf, tableNameOf } from './naming';

// Column types and lengths belong to the field types (field-types/); re-exported for the planners.
export { columnTypeOf, DEFAULT_STRING_LENGTH, ENUM_VALUE_LENGTH, ID_COLUMN_TYPE, type ColumnType } from '../field-types';

export interface ColumnPlan {
  name: string;
  /** The metadata field this column stores; absent for system and link columns. */
  field?: string;
  type: ColumnType;
  nullable: boolean;
  /** The previous column name when the field declares `renamedFrom`: the planner renames instead of adding. */
  renamedFrom?: string;
}

export interface IndexPlan {
  name: string;
  columns: string[];
  unique: boolean;
}

export interface TablePlan {
  table: string;
  /** The entity whose records live here; for a link table, the entity owning the relation. */
  entity: string;
  role: 'entity' | 'link';
  columns: ColumnPlan[];
  primaryKey: string[];
  indexes: IndexPlan[];
  /** The previous table name when the entity declares `renamedFrom`. */
  renamedFrom?: string;
}

/** The columns every entity table starts with. */
export function systemColumns(): ColumnPlan[] {
  return [
    { name: 'id', type: ID_COLUMN_TYPE, nullable: false },
    { name: 'version', type: { kind: 'integer' }, nullable: false },
    { name: 'created_at', type: { kind: 'datetime' }, nullable: false },
    { name: 'updated_at', type: { kind: 'datetime' }, nullable: false },
  ];
}

/** Maps a system field name (record property) to its column. */
export const SYSTEM_COLUMN_OF: Readonly<Record<string, string>> = {
  id: 'id',
  version: 'version',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/**
 * `sharedFields`: fields that sharing rules compare with a value (see `sharingRuleFieldsOf`); each
 * gets an index unless one already leads with it, so a rule like "tier = gold" is a lookup.
 */
export function compileEntityTablePlan(document: EntityDocument | ResolvedEntity, sharedFields: readonly string[] = []): TablePlan {
  const entity = resolveEntity(document);
  const table = tableNameOf(entity.name);
  const columnOf = (fieldName: string): string => SYSTEM_COLUMN_OF[fieldName] ?? columnNameOf(fieldName);
  const columns: ColumnPlan[] = [
    ...systemColumns(),
    ...entity.fields.map((field): ColumnPlan => {
      const column: ColumnPlan = { name: columnNameOf(field.name), field: field.name, type: columnTypeOf(field), nullable: true };
      if (field.renamedFrom) column.renamedFrom = columnNameOf(field.renamedFrom);
      return column;
    }),
  ];

  const indexes = new Map<string, IndexPlan>();
  const addIndex = (columnNames: string[], unique: boolean, name?: string): void => {
    const indexName = name ?? indexNameOf(table, columnNames, unique);
    const existing = [...indexes.values()].find((index) => sameColumns(index.columns, columnNames));
    if (existing) {
      existing.unique ||= unique;
      return;
    }
    indexes.set(indexName, { name: indexName, columns: columnNames, unique });
  };
  for (const index of entity.indexes ?? []) addIndex(index.fields.map(columnOf), index.unique ?? false, index.name);
  for (const field of entity.fields) {
    const column = columnNameOf(field.name);
    if (field.unique || field.type === 'autonumber') addIndex([column], true);
    // References and users are filtered and joined on constantly (related lists, owner rules).
    else if (field.type === 'reference' || field.type === 'user') addIndex([column], false);
  }
  for (const name of sharedFields) {
    const field = entity.fields.find((candidate) => candidate.name === name);
    if (!field || columnTypeOf(field).kind === 'text') continue;
    const column = columnNameOf(field.name);
    if (![...indexes.values()].some((index) => index.columns[0] === column)) addIndex([column], false);
  }
  addIndex(['updated_at'], false);

  const plan: TablePlan = { table, entity: entity.name, role: 'entity', columns, primaryKey: ['id'], indexes: [...indexes.values()] };
  if (entity.renamedFrom) plan.renamedFrom = tableNameOf(entity.renamedFrom);
  return plan;
}

/** Column names of a many-to-many link table: `source_id` and `target_id`. */
export const LINK_SOURCE_COLUMN = 'source_id';
export const LINK_TARGET_COLUMN = 'target_id';

export function compileLinkTablePlan(entity: EntityDocument, relation: ManyToManyRelation): TablePlan {
  const table = relation.table ?? linkTableNameOf(entity.name, relation.name);
  return {
    table,
    entity: entity.name,
    role: 'link',
    columns: [
      { name: LINK_SOURCE_COLUMN, type: ID_COLUMN_TYPE, nullable: false },
      { name: LINK_TARGET_COLUMN, type: ID_COLUMN_TYPE, nullable: false },
    ],
    primaryKey: [LINK_SOURCE_COLUMN, LINK_TARGET_COLUMN],
    indexes: [{ name: indexNameOf(table, [LINK_TARGET_COLUMN], false), columns: [LINK_TARGET_COLUMN], unique: false }],
  };
}

/** Every table the bundle needs, entity tables first, in a stable order. */
export function compileTablePlans(bundle: MetadataBundle): TablePlan[] {
  const entities = Object.values(bundle.entities).sort((a, b) => a.name.localeCompare(b.name));
  const links = entities.flatMap((entity) =>
    (entity.relations ?? []).filter((relation): relation is ManyToManyRelation => relation.kind === 'manyToMany').map((relation) => compileLinkTablePlan(entity, relation)),
  );
  return [...entities.map((entity) => compileEntityTablePlan(entity, sharingRuleFieldsOf(bundle, entity.name))), ...links];
}

/** Fields of the entity that sharing rules compare with a value (eq, in), in a stable order. */
export function sharingRuleFieldsOf(bundle: MetadataBundle, entity: string): string[] {
  const fields = new Set<string>();
  for (const set of Object.values(permissionSetsOf(bundle))) {
    for (const rule of set.sharingRules ?? []) {
      if (rule.entity !== entity) continue;
      for (const clause of rule.where) if (clause.op === 'eq' || clause.op === 'in') fields.add(clause.field);
    }
  }
  return [...fields].sort();
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((column, index) => column === b[index]);
}
