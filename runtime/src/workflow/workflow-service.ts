// The workflow engine service: what a user's event does to a record (one transaction: lock and
// read the record and its process instance, pure step, write record + snapshot + log + audit +
// related records + timers + outbox), which events a user may send now, and a record's process
// state. Timer firing lives in timer-firing.ts; dry runs and migrations beside it.
import {
  activeStatePaths, availableTransitions, ConflictError, NotFoundError, stepProcess, type AvailableTransition, type CompiledProcess, type ProcessStateValue, type StepSuccess,
} from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { accessOf, requireOperation, requireRecordAccess } from '../access/record-access';
import { entityAccessOf } from '../access/access-policies';
import { withoutHiddenFields } from '../access/visible-entity';
import { visibleReasons } from '../access/visible-reasons';
import { requireWritableProperties } from '../access/write-guards';
import { changedFields } from '../audit/record-changes';
import type { Database } from '../db/database';
import type { Actor, RequestOrigin } from '../identity/actor';
import type { CompiledEntity, CompiledMetadata } from '../live/compiled-types';
import { recordNotFound } from '../records/operations/get-record';
import { staleVersion } from '../records/operations/update-record';
import type { RecordContext } from '../records/record-context';
import type { RecordData } from '../records/record-rows';
import { recordWritePipeline } from '../records/pipeline/record-write-pipeline';
import type { RecordWriteContext } from '../records/pipeline/write-context';
import { asUniqueConflict } from '../records/unique-conflicts';
import { OutboxRows } from '../outbox/outbox-rows';
import { processIn, type ProcessCatalog } from './process-catalog';
import { readInstances, readRecordWithInstances, type ProcessInstance } from './process-instances';
import { processUserOf } from './process-start';
import { changedFieldNames, recordAfterStep, validateEffectValues } from './record-effects';
import { readRecordRow } from './record-row';
import { stateLabelOf, stepFailureError } from './step-errors';
import { persistStep, type CreateRecordWithin, type PersistedStep, type StepStores, type TransactionEffectExecutor } from './step-persistence';
import { TimerRows } from './timer-rows';
import { readTransitionRequest } from './transition-request';

export interface WorkflowServiceDependencies {
  database: Database;
  metadata: () => CompiledMetadata;
  catalog: ProcessCatalog;
  now?: () => Date;
  createRecordWithin?: CreateRecordWithin;
  executors?: Readonly<Record<string, TransactionEffectExecutor>>;
  /** Told after every commit that armed timers or added outbox rows, so dispatchers can act at once. */
  onCommitted?: (persisted: PersistedStep) => void;
}

export interface ProcessState {
  process: string;
  metadataVersion: number;
  state: ProcessStateValue;
  stage: string;
  done: boolean;
  transitions: AvailableTransition[];
}

export interface TransitionResult extends ProcessState {
  record: RecordData;
}

export class WorkflowService {
  readonly timers: TimerRows;
  readonly outbox: OutboxRows;
  private readonly dependencies: WorkflowServiceDependencies;

  constructor(dependencies: WorkflowServiceDependencies) {
    this.dependencies = dependencies;
    this.timers = new TimerRows(dependencies.database);
    this.outbox = new OutboxRows(dependencies.database);
  }

  get catalog(): ProcessCatalog {
    return this.dependencies.catalog;
  }

  get database(): Database {
    return this.dependencies.database;
  }

  metadata(): CompiledMetadata {
    return this.dependencies.metadata();
  }

  now(): Date {
    return this.dependencies.now?.() ?? new Date();
  }

  /** Wires the record creator after construction (the record service and this service use each other). */
  setRecordCreator(createRecordWithin: CreateRecordWithin): void {
    this.dependencies.createRecordWithin = createRecordWithin;
  }

  stores(): StepStores {
    const { database, createRecordWithin, executors } = this.dependencies;
    return { database, timers: this.timers, outbox: this.outbox, ...(createRecordWithin ? { createRecordWithin } : {}), ...(executors ? { executors } : {}) };
  }

  committed(persisted: readonly PersistedStep[]): void {
    for (const step of persisted) this.dependencies.onCommitted?.(step);
  }

  /** The events this actor may send to the record's process now, each with its label and blocking reasons. */
  async available(entityName: string, id: string, actor: Actor, processName?: string): Promise<ProcessState> {
    const metadata = this.metadata();
    const entity = entityIn(metadata, entityName);
    const record = await readRecordRow(this.database, entity, id);
    if (!record) throw recordNotFound(entity, id);
    const instance = chosenInstance(await readInstances(this.database, entity.name, id), entity.name, id, processName);
    const compiled = processIn(await this.catalog.forVersion(instance.metadataVersion), instance.process);
    return this.stateOf(compiled, instance.metadataVersion, instance.snapshot, record, actor);
  }

  /**
   * Sends a user's event to the record's process, all in one transaction — the caller's when
   * `within` is given (the demo seeder batches many records' steps in one).
   */
  async transition(entityName: string, id: string, body: unknown, actor: Actor, origin: RequestOrigin, within?: Transaction): Promise<TransitionResult> {
    const metadata = this.metadata();
    const entity = entityIn(metadata, entityName);
    const stageFields = (this.catalog.of(metadata).namesByEntity.get(entity.name) ?? []).flatMap((name) => metadata.bundle.processes[name]?.stageField ?? []);
    const now = this.now();
    // The permission layer first, as a GET would answer: a record the actor may not read is not
    // found (whatever the body says); one they may read but not move is 403. One query at most,
    // none when no rule restricts the actor.
    const context = recordContextOf(this.database, metadata, actor, origin, now);
    const access = accessOf(context, entity);
    if (!access.can('read')) throw recordNotFound(entity, id);
    await requireRecordAccess(context, entity, id, 'transition', () => recordNotFound(entity, id));
    requireOperation(access, 'transition');
    const request = readTransitionRequest(entity, body, stageFields);
    let decided: { step: StepSuccess; compiled: CompiledProcess; metadataVersion: number; persisted?: PersistedStep } | undefined;
    // The record-write pipeline, kind `transition`: lock roll-up parents → load (the locked read
    // and the process step) → references → formulas → UPDATE … WHERE version → roll-ups → the
    // step's rows → overlap rules → permission audit → credentials.
    const write: RecordWriteContext = {
      kind: 'transition', operation: context, entity, id, now, after: {}, fields: [], sent: request.data, links: new Map(), deferWrite: true, afterCommit: [],
      load: async (transaction) => {
        const read = await readRecordWithInstances(this.database, entity, id, transaction);
        if (!read) throw recordNotFound(entity, id);
        const { record } = read;
        // A transition's data writes fields: the same field permissions as a PATCH (403 at the path).
        requireWritableProperties(entity, access, request.data, record, '/data');
        if (request.expectedVersion !== undefined && record.version !== request.expectedVersion) throw staleVersion(entity, id, record.version);
        const instance = chosenInstance(read.instances, entity.name, id, request.process);
        const compiled = processIn(await this.catalog.forVersion(instance.metadataVersion), instance.process);
        const seen: RecordData = { ...record, ...request.data };
        const step = stepProcess(compiled, instance.snapshot, { type: request.event, data: request.data }, { record: seen, user: processUserOf(actor), now, locale: actor.locale });
        if (!step.ok) {
          const told = step.error === 'notAllowed' ? step : { ...step, reasons: visibleReasons(step.reasons, access.hiddenFields, actor.locale) };
          throw stepFailureError(told, compiled.name, stateLabelOf(compiled, activeStatePaths(readState(instance)), actor.locale));
        }
        const after = await recordAfterStep({ database: this.database, metadata, transaction }, entity, compiled, step, seen);
        const names = changedFieldNames(entity, record, after);
        const effectNames = names.filter((name) => !(name in request.data));
        validateEffectValues(entity, after, effectNames, compiled.name);
        Object.assign(write, { before: record, after, fields: names, effects: { names: effectNames, process: compiled.name } });
        decided = { step, compiled, metadataVersion: instance.metadataVersion };
        return true;
      },
      persistStep: async (transaction) => {
        if (!decided || !write.before || !write.stored) return;
        decided.persisted = await persistStep(this.stores(), {
          entity: entity.name, record: write.stored, compiled: decided.compiled, metadataVersion: decided.metadataVersion, step: decided.step, event: request.event,
          ...(Object.keys(request.data).length > 0 ? { payload: request.data } : {}),
          actor, origin, now, isStart: false, auditChanges: changedFields(write.before, write.stored, write.fields),
        }, transaction);
      },
    };
    try {
      if (within) await recordWritePipeline.run(write, within);
      else await this.database.transaction((transaction) => recordWritePipeline.run(write, transaction));
    } catch (error) {
      throw asUniqueConflict(entity, error);
    }
    const done = decided;
    if (!done || !write.stored) throw new Error(`The transition of ${entity.name} "${id}" wrote nothing`);
    // Inside a caller's transaction nothing is committed yet; the sweeper queues its timers.
    if (!within && done.persisted) this.committed([done.persisted]);
    return { record: withoutHiddenFields({ ...write.stored }, access), ...this.stateOf(done.compiled, done.metadataVersion, done.step.snapshot, write.stored, actor) };
  }

  private stateOf(compiled: CompiledProcess, metadataVersion: number, snapshot: unknown, record: RecordData, actor: Actor): ProcessState {
    const value = readSnapshotValue(snapshot);
    const done = isDone(snapshot);
    const hidden = entityAccessOf(this.metadata(), actor, compiled.document.entity).hiddenFields;
    const transitions = availableTransitions(compiled, snapshot, { record, user: processUserOf(actor), now: this.now(), locale: actor.locale })
      .map((transition) => ({ ...transition, reasons: visibleReasons(transition.reasons, hidden, actor.locale) }));
    return { process: compiled.name, metadataVersion, state: value, stage: String(record[compiled.document.stageField] ?? ''), done, transitions };
  }
}

export function entityIn(metadata: CompiledMetadata, name: string): CompiledEntity {
  const entity = metadata.entities.get(name);
  if (!entity) throw new NotFoundError(`There is no entity "${name}"`);
  return entity;
}

/** The instance an event is for: the named process, or the record's only one. */
export function chosenInstance(instances: readonly ProcessInstance[], entity: string, id: string, processName?: string): ProcessInstance {
  if (processName !== undefined) {
    const named = instances.find((instance) => instance.process === processName);
    if (!named) throw new NotFoundError(`The ${entity} record "${id}" does not run the process "${processName}"`);
    return named;
  }
  const [only] = instances;
  if (!only) throw new NotFoundError(`The ${entity} record "${id}" runs no process`);
  if (instances.length > 1) throw new ConflictError(`The ${entity} record "${id}" runs several processes; name one`, instances.map((instance) => ({ path: '/process', message: instance.process, code: 'process' })));
  return only;
}

function readState(instance: ProcessInstance): ProcessStateValue {
  return readSnapshotValue(instance.snapshot);
}

function readSnapshotValue(snapshot: unknown): ProcessStateValue {
  const value = typeof snapshot === 'object' && snapshot !== null ? (snapshot as { value?: unknown }).value : undefined;
  return typeof value === 'string' || (typeof value === 'object' && value !== null) ? (value as ProcessStateValue) : '';
}

function isDone(snapshot: unknown): boolean {
  return typeof snapshot === 'object' && snapshot !== null && (snapshot as { status?: unknown }).status === 'done';
}

/** The record operations' context, for the shared write phases (reference checks). */
export function recordContextOf(database: Database, metadata: CompiledMetadata, actor: Actor, origin: RequestOrigin, now: Date): RecordContext {
  return { database, metadata, actor, origin, now: () => now, knownSequences: new Set() };
}
