// Writes what one process step decided, inside the step's transaction (after the record row is
// written): the instance snapshot, the transition log row and audit row, the related records it
// creates, its timers armed and cancelled, and an outbox row per effect delivered after commit.
import type { CompiledProcess, Effect, StepSuccess } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { appendAudit } from '../audit/audit-log';
import type { Database } from '../db/database';
import type { Actor, RequestOrigin } from '../identity/actor';
import { OutboxRows } from '../outbox/outbox-rows';
import type { RecordData } from '../records/record-rows';
import { insertInstance, updateInstance } from './process-instances';
import { TimerRows, type TimerRow } from './timer-rows';
import { appendTransition } from './transition-log';

/** Creates a record through the record operations, inside the caller's transaction. */
export type CreateRecordWithin = (entity: string, values: Record<string, unknown>, actor: Actor, origin: RequestOrigin, transaction: Transaction) => Promise<RecordData>;

/** Runs a pack hook's transaction-delivered effect (built-ins are handled here). */
export type TransactionEffectExecutor = (effect: Effect, scope: { record: RecordData; entity: string; transaction: Transaction; actor: Actor }) => Promise<void>;

export interface StepStores {
  database: Database;
  timers: TimerRows;
  outbox: OutboxRows;
  createRecordWithin?: CreateRecordWithin;
  executors?: Readonly<Record<string, TransactionEffectExecutor>>;
}

export interface StepToPersist {
  entity: string;
  record: RecordData;
  compiled: CompiledProcess;
  metadataVersion: number;
  step: StepSuccess;
  event: string;
  payload?: unknown;
  actor: Actor;
  origin: RequestOrigin;
  now: Date;
  isStart: boolean;
  /** Audit changes of the record's fields; no audit row when undefined (a create has its own). */
  auditChanges?: Record<string, unknown>;
}

export interface PersistedStep {
  armed: TimerRow[];
  outbox: string[];
  created: Array<{ entity: string; id: string }>;
}

const HANDLED_IN_RECORD = new Set(['setFields', 'assignOwner']);

export async function persistStep(stores: StepStores, input: StepToPersist, transaction: Transaction): Promise<PersistedStep> {
  const { database } = stores;
  const recordId = String(input.record.id);
  const instance = { entity: input.entity, recordId, process: input.compiled.name, metadataVersion: input.metadataVersion, snapshot: input.step.snapshot };
  if (input.isStart) await insertInstance(database, instance, input.now, transaction);
  else await updateInstance(database, instance, input.now, transaction);

  await appendTransition(database, {
    entity: input.entity, recordId, process: input.compiled.name, metadataVersion: input.metadataVersion, event: input.event,
    from: input.step.previousStateValue, to: input.step.stateValue, actor: input.actor, at: input.now, recordVersion: Number(input.record.version),
    payload: input.payload, effects: input.step.effects,
  }, transaction);
  if (input.auditChanges) {
    await appendAudit(database, {
      action: 'transition', actor: input.actor, origin: input.origin, at: input.now, entity: input.entity, recordId,
      changes: {
        process: input.compiled.name, event: input.event, from: input.step.previousStateValue, to: input.step.stateValue, fields: input.auditChanges,
        ...(input.payload === undefined ? {} : { payload: input.payload }),
        effects: input.step.effects.map(({ name, delivery, state, phase }) => ({ name, delivery, state, phase })),
      },
    }, transaction);
  }

  const persisted: PersistedStep = { armed: [], outbox: [], created: [] };
  const source = { entity: input.entity, recordId, process: input.compiled.name, event: input.event };
  for (const effect of input.step.effects) {
    if (effect.delivery === 'outbox') {
      persisted.outbox.push(await stores.outbox.enqueue({ kind: effect.name, params: effect.params, source }, input.now, transaction));
    } else if (effect.name === 'createRecord') {
      persisted.created.push(await createRelated(stores, effect, input, transaction));
    } else if (!HANDLED_IN_RECORD.has(effect.name)) {
      const executor = stores.executors?.[effect.name];
      if (!executor) throw new Error(`No executor is registered for the action "${effect.name}" (delivery: transaction)`);
      await executor(effect, { record: input.record, entity: input.entity, transaction, actor: input.actor });
    }
  }
  persisted.armed = await stores.timers.apply({ entity: input.entity, recordId, process: input.compiled.name }, input.step.timers, transaction);
  return persisted;
}

async function createRelated(stores: StepStores, effect: Effect, input: StepToPersist, transaction: Transaction): Promise<{ entity: string; id: string }> {
  if (!stores.createRecordWithin) throw new Error('The workflow service cannot create records: no record creator was given');
  const entity = String(effect.params['entity']);
  const values = effect.params['values'];
  const created = await stores.createRecordWithin(entity, typeof values === 'object' && values !== null ? { ...(values as Record<string, unknown>) } : {}, input.actor, input.origin, transaction);
  return { entity, id: String(created.id) };
}
