// How an outbox row of one kind is delivered: a function keyed by the row's kind (the action's
// registry name), registered by a plugin. The built-in kinds — notify (in-app rows + e-mail
// through the transport), webhook (HTTP POST; a non-2xx answer or a network error is retried),
// signalProcess (the other record's own transition, as the system) and startProcess (the other
// record's processes it does not run yet) — are the built-in plugin's deliverers.
import { StagecraftError, type NotifyEffect, type SignalProcessEffect, type StartProcessEffect, type WebhookEffect } from '@stagecraft/core';
import { NO_ORIGIN, SYSTEM_ACTOR } from '../identity/actor';
import { readRoles } from '../identity/resolve-actor';
import type { WorkflowService } from '../workflow/workflow-service';
import { startRecordProcesses } from '../workflow/process-start-existing';
import type { MailTransport } from './mail-transport';
import { notificationTextFor } from './notification-text';
import { insertNotification } from './notifications';
import type { OutboxRow } from './outbox-rows';
import { recipientUsers } from './recipients';

/** What a deliverer may use besides its row. */
export interface OutboxDeliveryScope {
  workflow: WorkflowService;
  now(): Date;
  mail: MailTransport;
  /** Timeout of outgoing HTTP requests. */
  httpTimeoutMs: number;
}

/**
 * Delivers one outbox row after the transaction that wrote it committed; what it returns is kept
 * as the row's result. It may run more than once for a row (at least once): `row.id` is its
 * idempotency key. Throwing retries with backoff; throwing PermanentDeliveryFailure gives up at once.
 */
export type OutboxDeliverer = (row: OutboxRow, scope: OutboxDeliveryScope) => Promise<unknown>;

/** A delivery refused for good (retrying cannot help): the row is closed with the reason. */
export class PermanentDeliveryFailure extends Error {
  override readonly name = 'PermanentDeliveryFailure';
}

async function deliverNotify(row: OutboxRow, scope: OutboxDeliveryScope): Promise<unknown> {
  const effect = row.params as unknown as NotifyEffect;
  const { workflow, mail } = scope;
  const { database } = workflow;
  const metadata = workflow.metadata();
  const users = await recipientUsers(database, metadata, effect.to);
  const roles = effect.values ? await readRoles(database, metadata) : [];
  const textScope = { database, metadata, roles, source: row.source, now: scope.now() };
  const mails: Array<{ to: string; subject: string; transport: string; detail?: string }> = [];
  for (const user of users) {
    const { title, body } = await notificationTextFor(textScope, effect, user);
    if (effect.channels.includes('inApp')) {
      await insertNotification(database, { id: `${row.id}:${user.id}`, userId: user.id, title, body, entity: row.source.entity, recordId: row.source.recordId }, scope.now());
    }
    if (effect.channels.includes('email') && user.email) {
      const sent = await mail.send({ to: user.email, subject: title, text: body, idempotencyKey: `${row.id}:${user.id}` });
      if (!sent.accepted) throw new Error(`The mail transport refused the message to ${user.email}: ${sent.detail ?? ''}`);
      mails.push({ to: user.email, subject: title, transport: mail.name, ...(sent.detail ? { detail: sent.detail } : {}) });
    }
  }
  return { recipients: users.map((user) => user.id), mails };
}

async function deliverWebhook(row: OutboxRow, scope: OutboxDeliveryScope): Promise<unknown> {
  const effect = row.params as unknown as WebhookEffect;
  const response = await fetch(effect.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': row.id, 'User-Agent': 'Stagecraft-Webhook' },
    body: JSON.stringify({ ...effect.payload, source: row.source }),
    signal: AbortSignal.timeout(scope.httpTimeoutMs),
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`The webhook ${effect.url} answered ${response.status}`);
  return { status: response.status };
}

async function deliverSignal(row: OutboxRow, scope: OutboxDeliveryScope): Promise<unknown> {
  const effect = row.params as unknown as SignalProcessEffect;
  if (effect.recordId === null) return { skipped: 'the reference field was empty' };
  try {
    const result = await scope.workflow.transition(effect.entity, effect.recordId, { event: effect.event, ...(effect.data ? { data: effect.data } : {}) }, SYSTEM_ACTOR, NO_ORIGIN);
    return { state: result.state };
  } catch (error) {
    // A refused event (not allowed in the state, e.g. a closed deal, or blocked by guards) is the
    // other process's answer: delivered, with the refusal recorded, not a failure to retry or alarm on.
    if (error instanceof StagecraftError && (error.status === 422 || (error.code === 'conflict' && error.details.some((detail) => detail.path === '/event')))) return { refused: error.message };
    if (error instanceof StagecraftError && error.status !== 409) throw new PermanentDeliveryFailure(error.message);
    throw error;
  }
}

async function deliverStartProcess(row: OutboxRow, scope: OutboxDeliveryScope): Promise<unknown> {
  const effect = row.params as unknown as StartProcessEffect;
  if (effect.recordId === null) return { skipped: 'the reference field was empty' };
  try {
    const result = await startRecordProcesses(scope.workflow, effect.entity, effect.recordId, effect.process, SYSTEM_ACTOR, NO_ORIGIN);
    return { started: result.started };
  } catch (error) {
    // Already running (this row delivered before, or started otherwise): the start has happened.
    if (error instanceof StagecraftError && error.code === 'conflict' && error.details.some((detail) => detail.code === 'processRunning')) return { skipped: 'already running' };
    if (error instanceof StagecraftError && error.status !== 409) throw new PermanentDeliveryFailure(error.message);
    throw error;
  }
}

/** The deliverers of the built-in outbox actions, by kind. */
export const BUILT_IN_DELIVERERS: Readonly<Record<string, OutboxDeliverer>> = {
  notify: deliverNotify,
  webhook: deliverWebhook,
  signalProcess: deliverSignal,
  startProcess: deliverStartProcess,
};
