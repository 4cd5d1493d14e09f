// The steps of a schema migration plan: one member per kind of DDL change, each saying which
// publish phase it belongs to (expand before the live version flips, contract after) and
// whether it can lose data (those need an explicit confirmation before they run).
import type { Problem } from '../model/problem';
import type { ColumnPlan, ColumnType, IndexPlan, TablePlan } from './table-plan';

export type MigrationPhase = 'expand' | 'contract';

/** How MySQL/MariaDB runs an ALTER: named in the DDL so a table copy is never a surprise. */
export type MysqlAlgorithm = 'instant' | 'inplace' | 'copy';

interface StepBase {
  phase: MigrationPhase;
  /** True when the step can lose data or break readers: it needs confirmation. */
  destructive: boolean;
  /** One line for people, naming the MySQL algorithm and any table rebuild. */
  description: string;
  /** The table the step acts on, under the name it has when the step runs. */
  table: string;
}

export interface CreateTableStep extends StepBase {
  kind: 'createTable';
  /** Columns, primary key and indexes of the new table. */
  plan: TablePlan;
}
export interface RenameTableStep extends StepBase {
  kind: 'renameTable';
  from: string;
}
export interface AddColumnStep extends StepBase {
  kind: 'addColumn';
  column: ColumnPlan;
}
export interface RenameColumnStep extends StepBase {
  kind: 'renameColumn';
  from: string;
  to: string;
}
/** A field removed by an earlier publish comes back: its retired column is renamed back, values and all. */
export interface RestoreColumnStep extends StepBase {
  kind: 'restoreColumn';
  /** The retired name the column has been kept under since `retiredInVersion`. */
  from: string;
  column: ColumnPlan;
  retiredInVersion: number;
}
export interface WidenColumnStep extends StepBase {
  kind: 'widenColumn';
  column: ColumnPlan;
  fromType: ColumnType;
  algorithm: MysqlAlgorithm;
}
export interface NarrowColumnStep extends StepBase {
  kind: 'narrowColumn';
  column: ColumnPlan;
  fromType: ColumnType;
}
export interface AddIndexStep extends StepBase {
  kind: 'addIndex';
  index: IndexPlan;
}
export interface DropIndexStep extends StepBase {
  kind: 'dropIndex';
  index: IndexPlan;
}
export interface RetireColumnStep extends StepBase {
  kind: 'retireColumn';
  column: string;
  /** `retiredNameOf(column, toVersion)`: the column is kept under this name until purged. */
  retiredName: string;
}
export interface RetireTableStep extends StepBase {
  kind: 'retireTable';
  retiredName: string;
}

export type MigrationStep =
  | CreateTableStep
  | RenameTableStep
  | AddColumnStep
  | RenameColumnStep
  | RestoreColumnStep
  | WidenColumnStep
  | NarrowColumnStep
  | AddIndexStep
  | DropIndexStep
  | RetireColumnStep
  | RetireTableStep;

export type MigrationStepKind = MigrationStep['kind'];

/** A column set aside by an earlier publish (`retireColumn`) and still in the database, as it was then. */
export interface RetiredColumn {
  table: string;
  /** The column as it was before it was retired (its original name, type and nullability). */
  column: ColumnPlan;
  retiredName: string;
  /** The version whose publish retired it. */
  retiredInVersion: number;
}

export interface MigrationPlan {
  steps: MigrationStep[];
  /** Changes that cannot be migrated safely; a plan with any of these cannot be applied. */
  blocked: Problem[];
  /** True when any step is destructive. */
  requiresConfirmation: boolean;
}
