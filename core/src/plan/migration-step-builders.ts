// One constructor per migration step kind: each fixes the step's phase, whether it is
// destructive, and the line people read before confirming (naming the MySQL algorithm).
import { describeColumnType, isFullyIndexable, INDEX_PREFIX_LENGTH, mysqlAlgorithmOfTypeChange } from './migration-column-types';
import type {
  AddColumnStep, AddIndexStep, CreateTableStep, DropIndexStep, MigrationPhase, MysqlAlgorithm, NarrowColumnStep,
  RenameColumnStep, RenameTableStep, RestoreColumnStep, RetireColumnStep, RetireTableStep, WidenColumnStep,
} from './migration-step';
import { retiredNameOf } from './naming';
import type { ColumnPlan, ColumnType, IndexPlan, TablePlan } from './table-plan';

export function createTableStep(plan: TablePlan): CreateTableStep {
  const indexes = plan.indexes.length === 1 ? '1 index' : `${plan.indexes.length} indexes`;
  return { kind: 'createTable', phase: 'expand', destructive: false, table: plan.table, plan, description: `create table ${plan.table} (${plan.columns.length} columns, ${indexes})` };
}

export function renameTableStep(from: string, to: string): RenameTableStep {
  return { kind: 'renameTable', phase: 'expand', destructive: false, table: to, from, description: `rename table ${from} -> ${to} (instant)` };
}

export function addColumnStep(table: string, column: ColumnPlan): AddColumnStep {
  const nullability = column.nullable ? 'NULL' : 'NOT NULL';
  return { kind: 'addColumn', phase: 'expand', destructive: false, table, column, description: `add column ${table}.${column.name} ${describeColumnType(column.type)} ${nullability} (instant)` };
}

export function renameColumnStep(table: string, from: string, to: string): RenameColumnStep {
  return { kind: 'renameColumn', phase: 'expand', destructive: false, table, from, to, description: `rename column ${table}.${from} -> ${to} (instant)` };
}

export function restoreColumnStep(table: string, from: string, column: ColumnPlan, retiredInVersion: number): RestoreColumnStep {
  return {
    kind: 'restoreColumn', phase: 'expand', destructive: false, table, from, column, retiredInVersion,
    description: `restore column ${table}.${column.name} <- ${from} (instant rename; the values kept since version ${retiredInVersion} come back)`,
  };
}

export function widenColumnStep(table: string, column: ColumnPlan, fromType: ColumnType): WidenColumnStep {
  const algorithm = mysqlAlgorithmOfTypeChange(fromType, column.type);
  return {
    kind: 'widenColumn', phase: 'expand', destructive: false, table, column, fromType, algorithm,
    description: `widen column ${table}.${column.name} ${describeColumnType(fromType)} -> ${describeColumnType(column.type)} (${algorithmNote(algorithm)})`,
  };
}

export function narrowColumnStep(table: string, column: ColumnPlan, fromType: ColumnType): NarrowColumnStep {
  return {
    kind: 'narrowColumn', phase: 'contract', destructive: true, table, column, fromType,
    description: `narrow column ${table}.${column.name} ${describeColumnType(fromType)} -> ${describeColumnType(column.type)} (${algorithmNote('copy')}; refused while a stored value would not fit)`,
  };
}

/** `columnTypes` are the table's column types, to say where MySQL indexes only a prefix. */
export function addIndexStep(table: string, index: IndexPlan, columnTypes: ReadonlyMap<string, ColumnType>): AddIndexStep {
  const prefixed = index.columns.filter((column) => {
    const type = columnTypes.get(column);
    return type !== undefined && !isFullyIndexable(type);
  });
  const prefixNote = prefixed.length > 0 ? `, MySQL indexes the first ${INDEX_PREFIX_LENGTH} characters of ${prefixed.join(', ')}` : '';
  return {
    kind: 'addIndex', phase: 'expand', destructive: false, table, index,
    description: `add ${index.unique ? 'unique ' : ''}index ${index.name} on ${table} (${index.columns.join(', ')}) (inplace, no lock${prefixNote})`,
  };
}

/** Dropping an index loses no data; it runs in the contract phase unless a rename needs its name gone sooner. */
export function dropIndexStep(table: string, index: IndexPlan, phase: MigrationPhase = 'contract'): DropIndexStep {
  return { kind: 'dropIndex', phase, destructive: false, table, index, description: `drop index ${index.name} on ${table} (inplace)` };
}

export function retireColumnStep(table: string, column: string, toVersion: number): RetireColumnStep {
  const retiredName = retiredNameOf(column, toVersion);
  return {
    kind: 'retireColumn', phase: 'contract', destructive: true, table, column, retiredName,
    description: `retire column ${table}.${column} -> ${retiredName} (instant rename; values kept until purged)`,
  };
}

export function retireTableStep(table: string, toVersion: number): RetireTableStep {
  const retiredName = retiredNameOf(table, toVersion);
  return { kind: 'retireTable', phase: 'contract', destructive: true, table, retiredName, description: `retire table ${table} -> ${retiredName} (instant rename; rows kept until purged)` };
}

function algorithmNote(algorithm: MysqlAlgorithm): string {
  return algorithm === 'copy' ? 'copy: rebuilds the table' : algorithm;
}
