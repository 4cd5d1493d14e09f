// A migration step as a sentence in the administrator's language. The server's `description` is an
// English line for logs and the CLI; the studio builds its own from the step's structured parts, so
// a plan reads as well in Chinese as in English. One template per step kind: a new kind fails the
// build until it has one. Also which columns a step touches, for the field panel's verdict.
import { describeColumnType } from '@stagecraft/core/column-types';
import type { MigrationStep, MigrationStepKind } from '@stagecraft/core';
import type { MessageKey } from '../i18n/strings';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;
type StepOf<Kind extends MigrationStepKind> = Extract<MigrationStep, { kind: Kind }>;

const STEP_TEXT: { [Kind in MigrationStepKind]: (step: StepOf<Kind>, t: Translate) => string } = {
  createTable: (step, t) => t('plan.createTable', { table: step.table, columns: step.plan.columns.length, indexes: step.plan.indexes.length }),
  renameTable: (step, t) => t('plan.renameTable', { from: step.from, table: step.table }),
  addColumn: (step, t) => t('plan.addColumn', { table: step.table, column: step.column.name, type: describeColumnType(step.column.type) }),
  renameColumn: (step, t) => t('plan.renameColumn', { table: step.table, from: step.from, to: step.to }),
  restoreColumn: (step, t) => t('plan.restoreColumn', { table: step.table, column: step.column.name, from: step.from, version: step.retiredInVersion }),
  widenColumn: (step, t) =>
    t(step.algorithm === 'copy' ? 'plan.widenColumnCopy' : 'plan.widenColumn', { table: step.table, column: step.column.name, from: describeColumnType(step.fromType), to: describeColumnType(step.column.type) }),
  narrowColumn: (step, t) => t('plan.narrowColumn', { table: step.table, column: step.column.name, from: describeColumnType(step.fromType), to: describeColumnType(step.column.type) }),
  addIndex: (step, t) => t(step.index.unique ? 'plan.addUniqueIndex' : 'plan.addIndex', { index: step.index.name, table: step.table, columns: step.index.columns.join(', ') }),
  dropIndex: (step, t) => t('plan.dropIndex', { index: step.index.name, table: step.table }),
  retireColumn: (step, t) => t('plan.retireColumn', { table: step.table, column: step.column, retired: step.retiredName }),
  retireTable: (step, t) => t('plan.retireTable', { table: step.table, retired: step.retiredName }),
};

export function stepText(step: MigrationStep, t: Translate): string {
  // The map pairs each kind with its template; TypeScript cannot follow that through an index.
  const text = STEP_TEXT[step.kind] as (step: MigrationStep, t: Translate) => string;
  return text(step, t);
}

/** The columns of its table a step changes (by their names before and after the step). */
export function columnsOfStep(step: MigrationStep): string[] {
  switch (step.kind) {
    case 'addColumn':
    case 'widenColumn':
    case 'narrowColumn':
      return [step.column.name];
    case 'restoreColumn':
      return [step.column.name, step.from];
    case 'renameColumn':
      return [step.from, step.to];
    case 'retireColumn':
      return [step.column, step.retiredName];
    case 'addIndex':
    case 'dropIndex':
      return step.index.columns;
    case 'createTable':
      return step.plan.columns.map((column) => column.name);
    case 'renameTable':
    case 'retireTable':
      return [];
  }
}
