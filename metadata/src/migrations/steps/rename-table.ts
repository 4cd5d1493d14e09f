// Applies renameTable: an entity with `renamedFrom` keeps its table and rows under the new name.
import { renameTableOnce } from './renames';
import type { StepApplier } from './step-applier';

export const applyRenameTable: StepApplier<'renameTable'> = (session, step) => renameTableOnce(session, step.from, step.table);
