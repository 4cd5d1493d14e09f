// Applies restoreColumn: a removed field added back (or brought back by a rollback) takes its
// retired column back under its own name, so its values return with it.
import { renameColumnOnce } from './renames';
import type { StepApplier } from './step-applier';

export const applyRestoreColumn: StepApplier<'restoreColumn'> = (session, step) => renameColumnOnce(session, step.table, step.from, step.column.name);
