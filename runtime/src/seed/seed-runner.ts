// Runs a seed through the ordinary record service and workflow engine, as the system, on a clock
// of its own: each record is created at its planned time (its process starts then, audit rows
// carry that time) and moved to its stage by its process's events at their planned times. New
// records are created in batches of 100, each batch one transaction holding the records, their
// events and their seed keys (a run cut short keeps whole batches and resumes after them). At the
// end, with the clock at the anchor, the outbox is delivered (signals, notifications) and timers already due
// fire, so the data is what a live CRM would show at that moment — the same on every run.
import type { MetadataRepository } from '@stagecraft/metadata';
import type { Transaction } from 'sequelize';
import type { Database } from '../db/database';
import { ensureSequence } from '../db/sequences';
import { NO_ORIGIN, SYSTEM_ACTOR } from '../identity/actor';
import type { CompiledMetadata } from '../live/compiled-types';
import { RecordService } from '../records/record-service';
import { ManualClock } from '../scheduler/clock';
import { WorkflowRuntime } from '../workflow/workflow-runtime';
import type { SeededRecord } from './seed-generators';
import { SeedKeys } from './seed-keys';
import { eventTimes, planStep, stepKeyOf, type PlannedRecord } from './seed-plan';
import type { SeedDefinition } from './seed-types';

/** Demo data may look like duplicates or double-booked meetings, as real data does. */
const SEED_CONFIRMS = { confirm: ['duplicate', 'overlap'] };

export interface SeedRunOptions {
  database: Database;
  repository: MetadataRepository;
  metadata: () => CompiledMetadata;
  /** The seed's "now": relative dates count from it; it is when the run's deliveries happen. */
  anchor: Date;
  /** Records created per transaction. */
  batchSize?: number;
}

export interface SeedReport {
  seed: string;
  /** Records created by this run, per step key. */
  created: Record<string, number>;
  /** Records an earlier run made. */
  existing: number;
  transitions: number;
}

export async function runSeed(seed: SeedDefinition, options: SeedRunOptions): Promise<SeedReport> {
  const { database, anchor } = options;
  const keys = new SeedKeys(database);
  await keys.ensureTable();
  const seeded = await keys.seeded(seed.name);
  const clock = new ManualClock(anchor);
  const workflow = new WorkflowRuntime({ database, repository: options.repository, metadata: options.metadata, clock, config: { embeddedScheduler: false } });
  const records = new RecordService({ database, metadata: options.metadata, now: () => clock.now(), hooks: workflow.hooks() });
  workflow.connectRecords(records);
  const report: SeedReport = { seed: seed.name, created: {}, existing: 0, transitions: 0 };
  const done = new Map<string, SeededRecord[]>();
  const ids = new Map(seeded);
  const users = await usernames(database, options.metadata());
  // Counters are created outside a create's transaction; with the seed's batches open that would wait on SQLite's write lock.
  for (const entity of options.metadata().entities.values()) {
    for (const autonumber of entity.autonumbers) await ensureSequence(database, entity.name, autonumber.field.name, autonumber.start);
  }
  try {
    for (const step of seed.steps) {
      const planned = planStep(step, { seed, anchor, users, recordsOf: (name) => done.get(name) ?? [] });
      const fresh = planned.filter((record) => !seeded.has(record.key));
      report.existing += planned.length - fresh.length;
      const batchSize = options.batchSize ?? 100;
      for (let start = 0; start < fresh.length; start += batchSize) {
        const batch = fresh.slice(start, start + batchSize);
        await database.transaction(async (transaction) => {
          for (const record of batch) {
            clock.set(record.createdAt);
            const created = await records.createWithin(transaction, record.entity, record.body, SYSTEM_ACTOR, NO_ORIGIN, SEED_CONFIRMS).catch((error: unknown) => {
              throw new Error(`Seed ${seed.name}, ${step.file}, record ${record.key}: ${describe(error)}`, { cause: error });
            });
            ids.set(record.key, String(created.id));
            await keys.record(record.key, record.entity, String(created.id), record.createdAt, transaction);
            report.transitions += await driveProcess(workflow, record, String(created.id), clock, anchor, seed.name, transaction);
          }
        });
      }
      report.created[stepKeyOf(step)] = fresh.length;
      done.set(stepKeyOf(step), planned.map((record) => ({ id: String(ids.get(record.key)), values: record.values })));
    }
    if (Object.values(report.created).some((count) => count > 0)) await settle(workflow, clock, anchor);
  } finally {
    await workflow.close();
  }
  return report;
}

async function driveProcess(workflow: WorkflowRuntime, record: PlannedRecord, id: string, clock: ManualClock, anchor: Date, seed: string, transaction: Transaction): Promise<number> {
  const times = eventTimes(record, anchor);
  for (const [index, event] of record.events.entries()) {
    clock.set(times[index] ?? anchor);
    const isLast = index === record.events.length - 1;
    const body = isLast && Object.keys(record.eventData).length > 0 ? { event, data: record.eventData } : { event };
    await workflow.service.transition(record.entity, id, body, SYSTEM_ACTOR, NO_ORIGIN, transaction).catch((error: unknown) => {
      throw new Error(`Seed ${seed}, record ${record.key}: event ${event} was refused: ${describe(error)}`, { cause: error });
    });
  }
  return record.events.length;
}

/** At the anchor: deliver what the seed's writes sent, fire the timers already due, deliver what they sent. */
async function settle(workflow: WorkflowRuntime, clock: ManualClock, anchor: Date): Promise<void> {
  clock.set(anchor);
  await workflow.outboxWorker.deliverDue();
  await workflow.scheduler.fireDueTimers();
  await workflow.outboxWorker.deliverDue();
}

async function usernames(database: Database, metadata: CompiledMetadata): Promise<Map<string, string>> {
  const user = metadata.entities.get('user');
  if (!user) return new Map();
  const rows = await database.select(`SELECT ${database.quote('id')}, ${database.quote('username')} FROM ${user.tableSql}`, []);
  return new Map(rows.map((row) => [String(row.username), String(row.id)]));
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details = (error as { details?: Array<{ path: string; message: string }> }).details ?? [];
  return [error.message, ...details.map((detail) => `${detail.path}: ${detail.message}`)].join('; ');
}
