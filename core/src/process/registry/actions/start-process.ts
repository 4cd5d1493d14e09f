// Built-in action "startProcess": starts the process of another record (from the outbox, so one
// record's transaction never writes another record's process state).
import type { ActionDefinition } from '../registry-types';
import { IDENTIFIER_PATTERN } from '../../../meta-schema/common';
import { ONE_RECORD_SOURCE, RELATED_RECORD_PROPERTIES, checkRelatedRecord, relatedRecordId, type RelatedRecordParams } from './related-process';

export type StartProcessParams = RelatedRecordParams & { process?: string };
export type StartProcessEffect = { entity: string; recordId: string | null; process?: string };

export const startProcessAction: ActionDefinition<StartProcessParams> = {
  key: 'startProcess',
  label: { en: 'Start a record\'s process', 'zh-CN': '启动记录的流程' },
  delivery: 'outbox',
  paramsSchema: {
    type: 'object',
    properties: { ...RELATED_RECORD_PROPERTIES, process: { type: 'string', pattern: IDENTIFIER_PATTERN, description: 'Default: the process bound to the entity.' } },
    required: ['entity'],
    oneOf: ONE_RECORD_SOURCE,
    additionalProperties: false,
  },
  checkParams: checkRelatedRecord,
  resolveParams: (params, context): StartProcessEffect => ({
    entity: params.entity,
    recordId: relatedRecordId(params, context),
    ...(params.process === undefined ? {} : { process: params.process }),
  }),
};
