// Built-in action "webhook": an HTTP POST from the outbox after commit, retried by the runtime.
import type { ActionDefinition } from '../registry-types';

export type WebhookParams = { url: string; payload?: Record<string, unknown>; includeRecord?: boolean };
export type WebhookEffect = { url: string; payload: Record<string, unknown> };

export const webhookAction: ActionDefinition<WebhookParams> = {
  key: 'webhook',
  label: { en: 'Call a webhook', 'zh-CN': '调用 Webhook' },
  delivery: 'outbox',
  paramsSchema: {
    type: 'object',
    properties: {
      url: { type: 'string', pattern: '^https?://[^\\s]+$', maxLength: 2048 },
      payload: { type: 'object', description: 'Sent as JSON.' },
      includeRecord: { type: 'boolean', description: 'Add the record as it is after the transition under "record".' },
    },
    required: ['url'],
    additionalProperties: false,
  },
  resolveParams: (params, context): WebhookEffect => ({
    url: params.url,
    payload: { ...(params.payload ?? {}), ...(params.includeRecord ? { record: { ...context.record } } : {}) },
  }),
};
