// What the phases of one record write share: which kind of write it is, the record before and
// after, what the writer sent, the transaction, and what the phases leave for each other and
// for after the commit. A path fills in what it knows; phases read it and add their part.
import type { Transaction } from 'sequelize';
import type { AuditAction } from '../../audit/audit-log';
import type { FieldChanges } from '../../audit/record-changes';
import type { CompiledEntity } from '../../live/compiled-types';
import type { RecordContext } from '../record-context';
import type { AfterInsert } from '../record-hooks';
import type { RecordData } from '../record-rows';
import type { WriteKind } from './write-phases';

/** Values a process's effects set: checked as the process's (any record counts), failures are `actionFailed`. */
export interface EffectValues {
  names: readonly string[];
  process: string;
}

export interface RecordWriteContext {
  readonly kind: WriteKind;
  readonly operation: RecordContext;
  readonly entity: CompiledEntity;
  readonly id: string;
  /** The write's clock reading: the new updatedAt (createdAt on create) and the formulas' now. */
  readonly now: Date;
  /** The row as it was; undefined for a create, and until `load` has read it on paths that read in the transaction. */
  before?: RecordData;
  /** The record as it will be stored (merged values; formulas, version and updatedAt are set by the phases). */
  after: RecordData;
  /** The fields this write sets (formulas, version and updatedAt are added by the write phase). */
  fields: readonly string[];
  /** Values the writer sent: their references must be readable by the actor. */
  sent: Readonly<Record<string, unknown>>;
  /** Many-to-many relations being set: relation name → target ids. */
  links: ReadonlyMap<string, string[]>;
  /** Values set by a process step (transition, timer). */
  effects?: EffectValues;
  /** Create: the writer named nobody in the assignment rules' field. */
  routeByRules?: boolean;
  /** Create: the duplicate check's write locks, prepared before the transaction. */
  duplicateLocks?: string[];
  /** Transition and timer: the UPDATE travels with the step's other deferred writes. */
  deferWrite?: boolean;
  /** The path's own locking read and decision; false stops the write (nothing to do). */
  load?: (transaction: Transaction) => Promise<boolean>;
  /** Create: the workflow engine's work after the INSERT (set by prepareProcesses). */
  started?: AfterInsert;
  /** Transition and timer: writes the step (instance, log, audit row, effects, timers). */
  persistStep?: (transaction: Transaction) => Promise<void>;
  /** The audit row: its action, fixed changes instead of the computed ones, and what it adds. */
  audit?: { action?: AuditAction; changes?: Record<string, unknown>; note?: Record<string, unknown> };
  /** Delete: every record removed (`entity:id`, the cascade included) and the roll-up rows to refresh. */
  deleted?: Set<string>;
  deletedRollupRows?: Map<CompiledEntity, RecordData[]>;
  /** The record as stored (set by the write phase), with link ids once the links phase ran. */
  stored?: RecordData;
  /** The link sets before the write (update, merge), for the audit. */
  linksBefore?: Map<string, string[]>;
  /** The field changes, computed once (audit, membership audit). */
  changes?: FieldChanges;
  /** Set by a phase that ends the write early with nothing written (load found nothing to do). */
  stopped?: boolean;
  /** Work to run once the write's own transaction committed (never inside a caller's). */
  afterCommit: Array<() => void>;
}
