// Delivers outbox rows after the transactions that wrote them committed, at least once: notify
// (in-app rows + e-mail through the transport), webhook (HTTP POST; a non-2xx answer or a network
// error is retried with exponential backoff), signalProcess (the other record's own transition,
// as the system), startProcess (the other record's processes it does not run yet). The row id is
// every delivery's idempotency key. The clock is injected.
import { randomUUID } from 'node:crypto';
import { StagecraftError, type NotifyEffect, type SignalProcessEffect, type StartProcessEffect, type WebhookEffect } from '@stagecraft/core';
import { NO_ORIGIN, SYSTEM_ACTOR } from '../identity/actor';
import type { Clock } from '../scheduler/clock';
import type { WorkflowService } from '../workflow/workflow-service';
import { startRecordProcesses } from '../workflow/process-start-existing';
import { LOG_MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import { readRoles } from '../identity/resolve-actor';
import { notificationTextFor } from './notification-text';
import { insertNotification } from './notifications';
import type { OutboxRow } from './outbox-rows';
import { recipientUsers } from './recipients';
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
  onError?: (error: unknown) => void;
}

export const DEFAULT_OUTBOX_OPTIONS: OutboxWorkerOptions = { batchSize: 50, leaseMs: 60_000, retryMs: 2_000, maxAttempts: 8, webhookTimeoutMs: 10_000, mail: LOG_MAIL_TRANSPORT };

/** A delivery refused for good (retrying cannot help): the row is closed with the reason. */
class PermanentFailure extends Error {}

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
      const isFinal = error instanceof PermanentFailure || row.attempts >= this.options.maxAttempts;
      const retryAt = isFinal ? null : new Date(this.clock.now().getTime() + this.options.retryMs * 2 ** Math.max(0, row.attempts - 1));
      await this.workflow.outbox.fail(row.id, this.workerId, this.clock.now(), message, retryAt);
      return isFinal ? 'failed' : 'retried';
    }
  }

  private async deliver(row: OutboxRow): Promise<unknown> {
    switch (row.kind) {
      case 'notify':
        return this.notify(row, row.params as NotifyEffect);
      case 'webhook':
        return this.webhook(row, row.params as WebhookEffect);
      case 'signalProcess':
        return this.signal(row.params as SignalProcessEffect);
      case 'startProcess':
        return this.startProcesses(row.params as StartProcessEffect);
      default:
        throw new PermanentFailure(`No deliverer for outbox rows of kind "${row.kind}"`);
    }
  }

  private async notify(row: OutboxRow, effect: NotifyEffect): Promise<unknown> {
    const { database } = this.workflow;
    const metadata = this.workflow.metadata();
    const users = await recipientUsers(database, metadata, effect.to);
    const roles = effect.values ? await readRoles(database, metadata) : [];
    const textScope = { database, metadata, roles, source: row.source, now: this.clock.now() };
    const mails: Array<{ to: string; subject: string; transport: string; detail?: string }> = [];
    for (const user of users) {
      const { title, body } = await notificationTextFor(textScope, effect, user);
      if (effect.channels.includes('inApp')) {
        await insertNotification(this.workflow.database, { id: `${row.id}:${user.id}`, userId: user.id, title, body, entity: row.source.entity, recordId: row.source.recordId }, this.clock.now());
      }
      if (effect.channels.includes('email') && user.email) {
        const sent = await this.options.mail.send({ to: user.email, subject: title, text: body, idempotencyKey: `${row.id}:${user.id}` });
        if (!sent.accepted) throw new Error(`The mail transport refused the message to ${user.email}: ${sent.detail ?? ''}`);
        mails.push({ to: user.email, subject: title, transport: this.options.mail.name, ...(sent.detail ? { detail: sent.detail } : {}) });
      }
    }
    return { recipients: users.map((user) => user.id), mails };
  }

  private async webhook(row: OutboxRow, effect: WebhookEffect): Promise<unknown> {
    const response = await fetch(effect.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': row.id, 'User-Agent': 'Stagecraft-Webhook' },
      body: JSON.stringify({ ...effect.payload, source: row.source }),
      signal: AbortSignal.timeout(this.options.webhookTimeoutMs),
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`The webhook ${effect.url} answered ${response.status}`);
    return { status: response.status };
  }

  private async signal(effect: SignalProcessEffect): Promise<unknown> {
    if (effect.recordId === null) return { skipped: 'the reference field was empty' };
    try {
      const result = await this.workflow.transition(effect.entity, effect.recordId, { event: effect.event, ...(effect.data ? { data: effect.data } : {}) }, SYSTEM_ACTOR, NO_ORIGIN);
      return { state: result.state };
    } catch (error) {
      // A refused event (not allowed in the state, e.g. a closed deal, or blocked by guards) is the
      // other process's answer: delivered, with the refusal recorded, not a failure to retry or alarm on.
      if (error instanceof StagecraftError && (error.status === 422 || (error.code === 'conflict' && error.details.some((detail) => detail.path === '/event')))) return { refused: error.message };
      if (error instanceof StagecraftError && error.status !== 409) throw new PermanentFailure(error.message);
      throw error;
    }
  }

  private async startProcesses(effect: StartProcessEffect): Promise<unknown> {
    if (effect.recordId === null) return { skipped: 'the reference field was empty' };
    try {
      const result = await startRecordProcesses(this.workflow, effect.entity, effect.recordId, effect.process, SYSTEM_ACTOR, NO_ORIGIN);
      return { started: result.started };
    } catch (error) {
      // Already running (this row delivered before, or started otherwise): the start has happened.
      if (error instanceof StagecraftError && error.code === 'conflict' && error.details.some((detail) => detail.code === 'processRunning')) return { skipped: 'already running' };
      if (error instanceof StagecraftError && error.status !== 409) throw new PermanentFailure(error.message);
      throw error;
    }
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
