// Applies renameColumn: a field with `renamedFrom` keeps its values under the new column name.
import { renameColumnOnce } from './renames';
import type { StepApplier } from './step-applier';

export const applyRenameColumn: StepApplier<'renameColumn'> = (session, step) => renameColumnOnce(session, step.table, step.from, step.to);
