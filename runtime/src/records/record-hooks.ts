// Extension points of the record operations for services that live beside them (the workflow
// engine): checks on what a write may change, and work inside a create's transaction. Passed in
// through the record context; the record code knows nothing of processes.
import type { Problem } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import type { CompiledEntity } from '../live/compiled-types';
import type { RecordContext } from './record-context';
import type { RecordData } from './record-rows';

export interface RecordHooks {
  /** Problems with a create's values as sent (before defaults), reported with the validation problems. */
  createProblems?(context: RecordContext, entity: CompiledEntity, values: Readonly<Record<string, unknown>>): Problem[];
  /**
   * Inside the create's transaction before the INSERT: may change `record` (mutated in place).
   * Returns work to run after the INSERT in the same transaction, and work to run after commit.
   */
  beforeInsert?(context: RecordContext, entity: CompiledEntity, record: RecordData, transaction: Transaction): Promise<AfterInsert | undefined>;
  /** Problems with an update's values against the current record. */
  updateProblems?(context: RecordContext, entity: CompiledEntity, values: Readonly<Record<string, unknown>>, current: RecordData): Problem[];
  /**
   * Inside an update's transaction after the UPDATE, with the record as written and the fields it
   * changed. Returns work to run after commit (nothing when the update joined a caller's transaction).
   */
  afterUpdate?(context: RecordContext, entity: CompiledEntity, record: RecordData, changedFields: readonly string[], transaction: Transaction): Promise<(() => void) | undefined>;
  /** Inside a delete's transaction, before the rows go (cascaded records included): removes what hangs off them. */
  beforeDelete?(context: RecordContext, entity: CompiledEntity, ids: readonly string[], transaction: Transaction): Promise<void>;
}

export interface AfterInsert {
  inTransaction(): Promise<void>;
  afterCommit(): void;
}
