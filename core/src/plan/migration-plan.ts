// The migration planner: diffs the live table plans against the next version's and returns the
// ordered DDL steps, never a DROP: removed fields and entities are renamed out of the way.
// Changes that cannot keep every stored value are not steps but blocked problems.
import type { Problem } from '../model/problem';
import { classifyTypeChange, describeColumnType, indexKeyBytesOf, isFullyIndexable, MYSQL_MAX_INDEX_KEY_BYTES, INDEX_PREFIX_LENGTH } from './migration-column-types';
import {
  addColumnStep, addIndexStep, createTableStep, dropIndexStep, narrowColumnStep, renameColumnStep, renameTableStep,
  restoreColumnStep, retireColumnStep, retireTableStep, widenColumnStep,
} from './migration-step-builders';
import type { MigrationPlan, MigrationStep, RetiredColumn } from './migration-step';
import type { ColumnPlan, ColumnType, IndexPlan, TablePlan } from './table-plan';

export interface MigrationOptions {
  /** The version being published: retired columns and tables are named after it. */
  toVersion: number;
  /**
   * Columns earlier publishes retired that are still in the database. A new column of the same
   * name, table and nullability whose type keeps every retired value (same or wider) is restored
   * from the newest of them instead of added empty: removing a field and adding it back (or
   * rolling back past its removal) brings its values back.
   */
  retiredColumns?: readonly RetiredColumn[];
}

/** Steps grouped by when they run; the plan lists the groups in this order. */
const STEP_ORDER = [
  'renameTable', 'renameColumn', 'restoreColumn', 'dropStaleIndex', 'createTable', 'addColumn', 'widenColumn', 'addIndex',
  'narrowColumn', 'dropIndex', 'retireColumn', 'retireTable',
] as const;
type StepGroup = (typeof STEP_ORDER)[number];
type GroupedSteps = Record<StepGroup, MigrationStep[]>;

export function planMigration(from: readonly TablePlan[], to: readonly TablePlan[], options: MigrationOptions): MigrationPlan {
  const groups = Object.fromEntries(STEP_ORDER.map((group) => [group, []])) as unknown as GroupedSteps;
  const blocked: Problem[] = [];
  const live = new Map(from.map((table) => [table.table, table]));
  const matched = new Map<string, TablePlan>();

  // Renames claim their source table first, so a new table may reuse a renamed table's old name.
  for (const next of to) {
    const source = next.renamedFrom === undefined ? undefined : live.get(next.renamedFrom);
    if (live.has(next.table) || !source || matched.has(source.table)) continue;
    matched.set(source.table, next);
    groups.renameTable.push(renameTableStep(source.table, next.table));
    diffTable(source, next, true, options, groups, blocked);
  }
  for (const next of to) {
    if ([...matched.values()].includes(next)) continue;
    const current = live.get(next.table);
    if (current && !matched.has(current.table)) {
      matched.set(current.table, next);
      diffTable(current, next, false, options, groups, blocked);
    } else {
      groups.createTable.push(createTableStep(next));
      for (const index of next.indexes) blocked.push(...indexProblems(next, index));
    }
  }
  for (const current of from) {
    if (matched.has(current.table)) continue;
    // Index names outlive their table on SQLite, so they go before the table is set aside.
    for (const index of current.indexes) groups.dropIndex.push(dropIndexStep(current.table, index));
    groups.retireTable.push(retireTableStep(current.table, options.toVersion));
  }

  const steps = STEP_ORDER.flatMap((group) => groups[group]);
  return { steps, blocked, requiresConfirmation: steps.some((step) => step.destructive) };
}

function diffTable(current: TablePlan, next: TablePlan, isRenamed: boolean, options: MigrationOptions, groups: GroupedSteps, blocked: Problem[]): void {
  const table = next.table;
  const liveColumns = new Map(current.columns.map((column) => [column.name, column]));
  const sourceOf = new Map<string, string>();
  for (const column of next.columns) {
    if (liveColumns.has(column.name) || column.renamedFrom === undefined || !liveColumns.has(column.renamedFrom)) continue;
    if ([...sourceOf.values()].includes(column.renamedFrom)) continue;
    sourceOf.set(column.name, column.renamedFrom);
    groups.renameColumn.push(renameColumnStep(table, column.renamedFrom, column.name));
  }
  const renamedSources = new Set(sourceOf.values());
  for (const column of next.columns) {
    if (!sourceOf.has(column.name) && liveColumns.has(column.name) && !renamedSources.has(column.name)) sourceOf.set(column.name, column.name);
  }
  const newNameOf = (liveName: string): string => [...sourceOf.entries()].find(([, source]) => source === liveName)?.[0] ?? liveName;

  if (!sameList(current.primaryKey.map(newNameOf), next.primaryKey)) {
    blocked.push({ path: `/${table}`, code: 'primaryKeyChange', message: `The primary key of ${table} cannot change from (${current.primaryKey.join(', ')}) to (${next.primaryKey.join(', ')}).` });
  }

  for (const column of next.columns) {
    const sourceName = sourceOf.get(column.name);
    const existing = sourceName === undefined ? undefined : liveColumns.get(sourceName);
    const path = `/${table}/${column.name}`;
    if (!existing) {
      const retired = restorableColumn(options.retiredColumns ?? [], table, column, liveColumns);
      if (retired) {
        groups.restoreColumn.push(restoreColumnStep(table, retired.retiredName, column, retired.retiredInVersion));
        if (classifyTypeChange(retired.column.type, column.type) === 'widen') groups.widenColumn.push(widenColumnStep(table, column, retired.column.type));
        continue;
      }
      if (column.nullable) groups.addColumn.push(addColumnStep(table, column));
      else blocked.push({ path, code: 'notNullColumn', message: `Column ${table}.${column.name} cannot be added as NOT NULL to a table that may hold rows; make it nullable.` });
      continue;
    }
    if (existing.nullable !== column.nullable) {
      blocked.push({ path, code: 'nullabilityChange', message: `Column ${table}.${column.name} cannot change from ${existing.nullable ? 'NULL' : 'NOT NULL'} to ${column.nullable ? 'NULL' : 'NOT NULL'}.` });
    }
    const change = classifyTypeChange(existing.type, column.type);
    if (change === 'incompatible') {
      blocked.push({ path, code: 'incompatibleType', message: incompatibleTypeMessage(table, column.name, column.field, existing.type, column.type) });
    } else if (change === 'widen') {
      const isIndexed = next.indexes.some((index) => index.columns.includes(column.name));
      if (isIndexed && isFullyIndexable(existing.type) && !isFullyIndexable(column.type)) {
        blocked.push({ path, code: 'indexTooLong', message: `Column ${table}.${column.name} is indexed and cannot grow to ${describeColumnType(column.type)}: MySQL indexes at most ${MYSQL_MAX_INDEX_KEY_BYTES} bytes (768 characters). Keep it at 768 characters or fewer, or remove its index first.` });
      } else {
        groups.widenColumn.push(widenColumnStep(table, column, existing.type));
      }
    } else if (change === 'narrow') {
      groups.narrowColumn.push(narrowColumnStep(table, column, existing.type));
    }
  }
  const keptColumns = new Set(sourceOf.values());
  for (const column of current.columns) {
    if (!keptColumns.has(column.name)) groups.retireColumn.push(retireColumnStep(table, column.name, options.toVersion));
  }

  const columnTypes = new Map(next.columns.map((column) => [column.name, column.type]));
  const nextIndexes = new Map(next.indexes.map((index) => [index.name, index]));
  for (const index of current.indexes) {
    const wanted = nextIndexes.get(index.name);
    const liveDefinition = { ...index, columns: index.columns.map(newNameOf) };
    if (wanted && sameIndex(liveDefinition, wanted)) continue;
    // A redefined index must free its name before it is recreated; a renamed table's old index names must too.
    if (wanted || isRenamed) groups.dropStaleIndex.push(dropIndexStep(table, liveDefinition, 'expand'));
    else groups.dropIndex.push(dropIndexStep(table, liveDefinition));
  }
  const liveIndexes = new Map(current.indexes.map((index) => [index.name, index]));
  for (const index of next.indexes) {
    const existing = liveIndexes.get(index.name);
    if (existing && sameIndex({ ...existing, columns: existing.columns.map(newNameOf) }, index)) continue;
    const problems = indexProblems(next, index);
    if (problems.length > 0) blocked.push(...problems);
    else groups.addIndex.push(addIndexStep(table, index, columnTypes));
  }
}

/** The newest retired column `column` can take back without losing a value, if any. */
function restorableColumn(retired: readonly RetiredColumn[], table: string, column: ColumnPlan, liveColumns: ReadonlyMap<string, ColumnPlan>): RetiredColumn | undefined {
  return retired
    .filter((candidate) => candidate.table === table && candidate.column.name === column.name && !liveColumns.has(column.name))
    .filter((candidate) => candidate.column.nullable === column.nullable)
    .filter((candidate) => { const change = classifyTypeChange(candidate.column.type, column.type); return change === 'same' || change === 'widen'; })
    .sort((left, right) => right.retiredInVersion - left.retiredInVersion)[0];
}

/** MySQL limits on what an index may cover, checked for every dialect so a pack runs on both. */
function indexProblems(plan: TablePlan, index: IndexPlan): Problem[] {
  const types = index.columns.map((column) => plan.columns.find((candidate) => candidate.name === column)?.type);
  const path = `/${plan.table}/indexes/${index.name}`;
  if (types.some((type) => type === undefined)) {
    return [{ path, code: 'unknownColumn', message: `Index ${index.name} names a column that ${plan.table} does not have.` }];
  }
  const known = types as ColumnType[];
  const partial = index.columns.filter((_, position) => !isFullyIndexable(known[position] as ColumnType));
  if (index.unique && partial.length > 0) {
    return [{ path, code: 'indexTooLong', message: `Unique index ${index.name} cannot cover ${partial.join(', ')}: MySQL can only index the first ${INDEX_PREFIX_LENGTH} characters of text and strings longer than 768, which would not enforce uniqueness. Give the field a maxLength of 768 or less.` }];
  }
  const keyBytes = known.reduce((sum, type) => sum + indexKeyBytesOf(type), 0);
  if (keyBytes > MYSQL_MAX_INDEX_KEY_BYTES) {
    return [{ path, code: 'indexTooLong', message: `Index ${index.name} needs ${keyBytes} bytes per key; MySQL allows ${MYSQL_MAX_INDEX_KEY_BYTES}. Index fewer or shorter columns.` }];
  }
  return [];
}

function incompatibleTypeMessage(table: string, column: string, field: string | undefined, from: ColumnType, to: ColumnType): string {
  const subject = field ? `Field "${field}" (column ${table}.${column})` : `Column ${table}.${column}`;
  return `${subject} cannot change from ${describeColumnType(from)} to ${describeColumnType(to)}: stored values cannot be converted without loss. Add a new field with the new type instead, copy the values over, then remove the old field.`;
}

function sameIndex(a: IndexPlan, b: IndexPlan): boolean {
  return a.unique === b.unique && sameList(a.columns, b.columns);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, position) => item === b[position]);
}
