// Delivers outbox rows after the transactions that wrote them committed, at least once, each
// through the deliverer registered for its kind (outbox-deliverers.ts: the built-in plugin's
// notify, webhook, signalProcess, startProcess; a plugin's own kinds beside them). A failure is
// retried with exponential backoff; a row whose kind has no deliverer is closed at once with an
// error naming the kind (never dropped silently). The row id is every delivery's idempotency key.
// The clock is injected.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../scheduler/clock';
import type { WorkflowService } from '../workflow/workflow-service';
import { LOG_MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import { BUILT_IN_DELIVERERS, PermanentDeliveryFailure, type OutboxDeliverer, type OutboxDeliveryScope } from './outbox-deliverers';
import type { OutboxRow } from './outbox-rows';
import { RepeatingTask } from '../scheduler/repeating-task';

export interface OutboxWorkerOptions {
  batchSize: number;
  leaseMs: number;
  /** First retry delay; doubles per attempt. */
  retryMs: number;
  maxAttempts: number;
  /** Webhook request timeout. */
  webhookTimeoutMs: number;
  mail: MailTransport;
  /** Deliverers by outbox kind (the plugins' deliverers); default: the built-in ones. */
  deliverers: Readonly<Record<string, OutboxDeliverer>>;
  onError?: (error: unknown) => void;
}

export const DEFAULT_OUTBOX_OPTIONS: OutboxWorkerOptions = { batchSize: 50, leaseMs: 60_000, retryMs: 2_000, maxAttempts: 8, webhookTimeoutMs: 10_000, mail: LOG_MAIL_TRANSPORT, deliverers: BUILT_IN_DELIVERERS };

export type DeliveryReport = { delivered: number; retried: number; failed: number };

export class OutboxWorker {
  private readonly options: OutboxWorkerOptions;
  private readonly workerId = `o-${randomUUID().slice(0, 18)}`;
  private loop: RepeatingTask | undefined;
  private running: Promise<DeliveryReport> | undefined;

  constructor(private readonly workflow: WorkflowService, private readonly clock: Clock, options: Partial<OutboxWorkerOptions> = {}) {
    this.options = { ...DEFAULT_OUTBOX_OPTIONS, ...options };
  }

  /** Delivers every row due now (never overlapping itself). */
  deliverDue(): Promise<DeliveryReport> {
    this.running ??= this.deliverRounds().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async deliverRounds(): Promise<DeliveryReport> {
    const report: DeliveryReport = { delivered: 0, retried: 0, failed: 0 };
    for (;;) {
      const rows = await this.workflow.outbox.claimDue(this.clock.now(), this.options.batchSize, this.workerId, this.options.leaseMs);
      for (const row of rows) report[await this.deliverOne(row)] += 1;
      if (rows.length < this.options.batchSize) return report;
    }
  }

  private async deliverOne(row: OutboxRow): Promise<keyof DeliveryReport> {
    try {
      const result = await this.deliver(row);
      await this.workflow.outbox.complete(row.id, this.workerId, this.clock.now(), result);
      return 'delivered';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const isFinal = error instanceof PermanentDeliveryFailure || row.attempts >= this.options.maxAttempts;
      const retryAt = isFinal ? null : new Date(this.clock.now().getTime() + this.options.retryMs * 2 ** Math.max(0, row.attempts - 1));
      await this.workflow.outbox.fail(row.id, this.workerId, this.clock.now(), message, retryAt);
      return isFinal ? 'failed' : 'retried';
    }
  }

  private async deliver(row: OutboxRow): Promise<unknown> {
    const deliverer = Object.hasOwn(this.options.deliverers, row.kind) ? this.options.deliverers[row.kind] : undefined;
    if (!deliverer) {
      const known = Object.keys(this.options.deliverers).sort().join(', ');
      throw new PermanentDeliveryFailure(`No deliverer is registered for outbox rows of kind "${row.kind}" (registered: ${known}); add a plugin whose deliverers include "${row.kind}" to this worker`);
    }
    return deliverer(row, this.scope);
  }

  private get scope(): OutboxDeliveryScope {
    return { workflow: this.workflow, now: () => this.clock.now(), mail: this.options.mail, httpTimeoutMs: this.options.webhookTimeoutMs };
  }

  start(intervalMs: number): void {
    this.loop ??= new RepeatingTask(() => this.deliverDue(), (error) => this.options.onError?.(error));
    this.loop.start(intervalMs);
  }

  async stop(): Promise<void> {
    this.loop?.stop();
    await this.running?.catch(() => undefined);
  }
}
