// Assembles the workflow engine for a process (server or worker): the process catalog, the
// service, the record hooks, the timer scheduler, the outbox worker and — with REDIS_URL — the
// BullMQ queue that arming timers feeds. Loops start only when asked: `serve` runs them embedded
// without Redis; `stagecraft worker` runs them (and the BullMQ consumer) in its own process.
import type { MetadataRepository } from '@stagecraft/metadata';
import type { Worker } from 'bullmq';
import type { Database } from '../db/database';
import { DUPLICATE_CONFIRMATION } from '../duplicates/duplicate-error';
import type { CompiledMetadata } from '../live/compiled-types';
import { LOG_MAIL_TRANSPORT, type MailTransport } from '../outbox/mail-transport';
import { OutboxWorker } from '../outbox/outbox-worker';
import type { StagecraftPlugin } from '../plugins/plugin';
import { pluginSetOf, type PluginSet } from '../plugins/plugin-set';
import { mailTransportOf } from '../outbox/smtp-transport';
import type { RecordHooks } from '../records/record-hooks';
import type { RecordService } from '../records/record-service';
import { BullmqTimerQueue, startTimerWorker } from '../scheduler/bullmq-timers';
import { SYSTEM_CLOCK, type Clock } from '../scheduler/clock';
import { TimerScheduler } from '../scheduler/timer-scheduler';
import { ProcessCatalog } from './process-catalog';
import type { CreateRecordWithin, PersistedStep } from './step-persistence';
import { DEFAULT_WORKFLOW_CONFIG, type WorkflowConfig } from './workflow-config';
import { workflowRecordHooks } from './workflow-record-hooks';
import { WorkflowService } from './workflow-service';

export interface WorkflowRuntimeOptions {
  database: Database;
  repository: MetadataRepository;
  metadata: () => CompiledMetadata;
  config?: Partial<WorkflowConfig>;
  clock?: Clock;
  /** The plugins whose guards, actions, executors and deliverers this engine runs (the built-in one is always added). */
  plugins?: readonly StagecraftPlugin[];
  mail?: MailTransport;
  log?: (message: string, error?: unknown) => void;
}

export class WorkflowRuntime {
  readonly service: WorkflowService;
  readonly scheduler: TimerScheduler;
  readonly outboxWorker: OutboxWorker;
  readonly queue: BullmqTimerQueue | undefined;
  readonly config: WorkflowConfig;
  readonly plugins: PluginSet;
  private worker: Worker | undefined;
  private sweeper: NodeJS.Timeout | undefined;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly mail: MailTransport & { close?(): void };

  constructor(options: WorkflowRuntimeOptions) {
    this.config = { ...DEFAULT_WORKFLOW_CONFIG, ...options.config };
    const clock = options.clock ?? SYSTEM_CLOCK;
    this.log = options.log ?? ((message, error) => console.error(message, error ?? ''));
    this.plugins = pluginSetOf(options.plugins);
    const catalog = new ProcessCatalog({ repository: options.repository, live: options.metadata, extensions: [this.plugins.registryExtension] });
    this.queue = this.config.redisUrl ? new BullmqTimerQueue({ redisUrl: this.config.redisUrl, prefix: this.config.queuePrefix }, clock) : undefined;
    this.service = new WorkflowService({ database: options.database, metadata: options.metadata, catalog, executors: this.plugins.executors, now: () => clock.now(), onCommitted: (step) => this.onCommitted(step) });
    this.scheduler = new TimerScheduler(this.service, clock, { batchSize: this.config.timerBatchSize, concurrency: this.config.workerConcurrency, leaseMs: this.config.leaseMs, onError: (error) => this.log('[stagecraft] timer round failed:', error) });
    // STAGECRAFT_SMTP_URL set: notify e-mails go out over SMTP; unset: the log transport records them.
    this.mail = options.mail ?? mailTransportOf(this.config, LOG_MAIL_TRANSPORT);
    this.outboxWorker = new OutboxWorker(this.service, clock, { leaseMs: this.config.leaseMs, mail: this.mail, deliverers: this.plugins.deliverers, onError: (error) => this.log('[stagecraft] outbox round failed:', error) });
  }

  hooks(): RecordHooks {
    return workflowRecordHooks(this.service);
  }

  setRecordCreator(create: CreateRecordWithin): void {
    this.service.setRecordCreator(create);
  }

  /**
   * Related records (createRecord effects) are created through the record service in the step's
   * transaction, attributed to the acting user but with the process's authority: the process was
   * configured by an administrator, so a rep's missing create right must not block their step.
   */
  connectRecords(records: RecordService): void {
    // A process's createRecord is automation: a likely duplicate is not a reason to fail its transition.
    this.setRecordCreator((entity, values, actor, origin, transaction) => records.createWithin(transaction, entity, values, { ...actor, isAdmin: true }, origin, { confirm: [DUPLICATE_CONFIRMATION] }));
  }

  private onCommitted(step: PersistedStep): void {
    if (this.queue && step.armed.length > 0) {
      // A failed add is repaired by the sweeper: the armed row is the truth.
      this.queue.schedule(step.armed).catch((error: unknown) => this.log('[stagecraft] could not queue timers (the sweeper will):', error));
    }
  }

  /** The loops inside a server process (no Redis): timers and outbox on one interval. */
  startEmbedded(): void {
    this.scheduler.start(this.config.schedulerIntervalMs);
    this.outboxWorker.start(this.config.schedulerIntervalMs);
  }

  /** A worker process: with Redis, the BullMQ consumer plus the sweeper; without, the embedded loops. */
  startWorker(): void {
    this.outboxWorker.start(this.config.schedulerIntervalMs);
    if (!this.queue || !this.config.redisUrl) {
      this.scheduler.start(this.config.schedulerIntervalMs);
      return;
    }
    this.worker = startTimerWorker({ redisUrl: this.config.redisUrl, prefix: this.config.queuePrefix, concurrency: this.config.workerConcurrency }, this.service.timers, this.scheduler, (error) => this.log('[stagecraft] timer worker error:', error));
    const sweep = (): void => {
      // Overdue rows (a job lost, a worker killed mid-firing) are fired from the DB directly;
      // rows coming due get their missing jobs back.
      this.scheduler.fireDueTimers()
        .then(() => this.queue?.sweep(this.service.timers, this.config.sweepIntervalMs * 2))
        .catch((error: unknown) => this.log('[stagecraft] timer sweep failed:', error))
        .finally(() => {
          if (!this.worker) return;
          this.sweeper = setTimeout(sweep, this.config.sweepIntervalMs);
          this.sweeper.unref();
        });
    };
    this.sweeper = setTimeout(sweep, 0);
    this.sweeper.unref();
  }

  async close(): Promise<void> {
    if (this.sweeper) clearTimeout(this.sweeper);
    const worker = this.worker;
    this.worker = undefined;
    await worker?.close();
    await this.scheduler.stop();
    await this.outboxWorker.stop();
    await this.queue?.close();
    this.mail.close?.();
  }
}
