// Public surface of schema migrations: apply a plan from @stagecraft/core, read a live table.
export { applyMigrationPlan, type AppliedStep, type ApplyMigrationOptions } from './apply-migration-plan';
export { introspectTable, type LiveColumn, type LiveTable } from './introspect-table';
export { sqlTypeOf } from './column-sql';
export { purgeColumn } from './purge-column';
