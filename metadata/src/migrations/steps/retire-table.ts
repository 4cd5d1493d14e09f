// Applies retireTable: a removed entity's table is renamed out of the way with all its rows.
import { renameTableOnce } from './renames';
import type { StepApplier } from './step-applier';

export const applyRetireTable: StepApplier<'retireTable'> = (session, step) => renameTableOnce(session, step.table, step.retiredName);
