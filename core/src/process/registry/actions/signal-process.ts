// Built-in action "signalProcess": sends an event to another record's process (from the outbox;
// the other record's transition is its own transaction with its own guards).
import { EVENT_NAME_PATTERN } from '../../../meta-schema/common';
import type { ActionDefinition } from '../registry-types';
import { ONE_RECORD_SOURCE, RELATED_RECORD_PROPERTIES, checkRelatedRecord, relatedRecordId, type RelatedRecordParams } from './related-process';

export type SignalProcessParams = RelatedRecordParams & { event: string; data?: Record<string, unknown> };
export type SignalProcessEffect = { entity: string; recordId: string | null; event: string; data?: Record<string, unknown> };

export const signalProcessAction: ActionDefinition<SignalProcessParams> = {
  key: 'signalProcess',
  label: { en: 'Signal a record\'s process', 'zh-CN': '向记录的流程发送事件' },
  delivery: 'outbox',
  paramsSchema: {
    type: 'object',
    properties: { ...RELATED_RECORD_PROPERTIES, event: { type: 'string', pattern: EVENT_NAME_PATTERN, maxLength: 100 }, data: { type: 'object' } },
    required: ['entity', 'event'],
    oneOf: ONE_RECORD_SOURCE,
    additionalProperties: false,
  },
  checkParams: checkRelatedRecord,
  resolveParams: (params, context): SignalProcessEffect => ({
    entity: params.entity,
    recordId: relatedRecordId(params, context),
    event: params.event,
    ...(params.data === undefined ? {} : { data: params.data }),
  }),
};
