// One applier per migration step kind; the map fails the build until every kind has one.
import type { MigrationStep, MigrationStepKind } from '@stagecraft/core';
import type { SchemaSession } from '../schema-session';
import { applyAddColumn } from './add-column';
import { applyAddIndex } from './add-index';
import { applyNarrowColumn, applyWidenColumn } from './change-column-type';
import { applyCreateTable } from './create-table';
import { applyDropIndex } from './drop-index';
import { applyRenameColumn } from './rename-column';
import { applyRenameTable } from './rename-table';
import { applyRestoreColumn } from './restore-column';
import { applyRetireColumn } from './retire-column';
import { applyRetireTable } from './retire-table';
import type { StepApplier, StepOutcome } from './step-applier';

const STEP_APPLIERS: { [Kind in MigrationStepKind]: StepApplier<Kind> } = {
  createTable: applyCreateTable,
  renameTable: applyRenameTable,
  addColumn: applyAddColumn,
  renameColumn: applyRenameColumn,
  restoreColumn: applyRestoreColumn,
  widenColumn: applyWidenColumn,
  narrowColumn: applyNarrowColumn,
  addIndex: applyAddIndex,
  dropIndex: applyDropIndex,
  retireColumn: applyRetireColumn,
  retireTable: applyRetireTable,
};

export function applyStep(session: SchemaSession, step: MigrationStep): Promise<StepOutcome> {
  // The map pairs each kind with its applier; TypeScript cannot follow that through an index.
  const applier = STEP_APPLIERS[step.kind] as (session: SchemaSession, step: MigrationStep) => Promise<StepOutcome>;
  return applier(session, step);
}
