// Applies retireColumn: a removed field's column is renamed out of the way, never dropped, so
// its values stay recoverable until an explicit purge.
import { renameColumnOnce } from './renames';
import type { StepApplier } from './step-applier';

export const applyRetireColumn: StepApplier<'retireColumn'> = (session, step) => renameColumnOnce(session, step.table, step.column, step.retiredName);
