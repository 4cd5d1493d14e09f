// Built-in action "notify": an in-app notification and/or e-mail, sent from the outbox after the
// transition commits. Recipients named by a record field are read now, so the message goes to
// whoever held the field when the transition happened.
import type { JsonSchema } from '../../../compile/json-schema';
import type { LocalisedText } from '../../../model/label';
import { fieldOf } from '../../../validate/entity-lookup';
import type { Problem } from '../../../model/problem';
import type { ActionDefinition, StepContext } from '../registry-types';
import { placeholderFields } from '../message-placeholders';
import { FIELD_NAME, LOCALISED_TEXT } from '../schema-parts';

/** A user field of the record ("owner" is short for { field: "owner" }), a user id, or a role (within a team). */
export type Recipient = string | { field: string } | { user: string } | { role: string; team?: string; teamField?: string };
export type NotifyChannel = 'inApp' | 'email';
export type NotifyParams = { to: Recipient | Recipient[]; message: LocalisedText; subject?: LocalisedText; channels?: NotifyChannel[] };
export type ResolvedRecipient = { user: string } | { role: string; team?: string };
/** `values`: the record's values of the fields the texts' `{field}` placeholders name, as they were at the transition. */
export type NotifyEffect = { to: ResolvedRecipient[]; message: LocalisedText; subject?: LocalisedText; channels: NotifyChannel[]; values?: Record<string, unknown> };

const RECIPIENT: JsonSchema = {
  oneOf: [
    { ...FIELD_NAME, title: 'The user in a field of the record' },
    { title: 'The user in a field (as an object)', type: 'object', properties: { field: FIELD_NAME }, required: ['field'], additionalProperties: false },
    { title: 'A user', type: 'object', properties: { user: { type: 'string', minLength: 1 } }, required: ['user'], additionalProperties: false },
    { title: 'Everyone with a role', type: 'object', properties: { role: { type: 'string', minLength: 1 }, team: { type: 'string', minLength: 1 }, teamField: FIELD_NAME }, required: ['role'], additionalProperties: false },
  ],
};

export const notifyAction: ActionDefinition<NotifyParams> = {
  key: 'notify',
  label: { en: 'Notify', 'zh-CN': '发送通知' },
  delivery: 'outbox',
  paramsSchema: {
    type: 'object',
    properties: {
      to: { oneOf: [{ ...RECIPIENT, title: 'One recipient' }, { title: 'Several recipients', type: 'array', items: RECIPIENT, minItems: 1 }] },
      message: LOCALISED_TEXT,
      subject: LOCALISED_TEXT,
      channels: { type: 'array', items: { enum: ['inApp', 'email'] }, minItems: 1, uniqueItems: true, description: 'Default: in-app only.' },
    },
    required: ['to', 'message'],
    additionalProperties: false,
  },
  checkParams(params, scope) {
    const problems: Problem[] = [];
    recipientsOf(params).forEach((recipient, index) => {
      const field = typeof recipient === 'string' ? recipient : 'field' in recipient ? recipient.field : 'teamField' in recipient ? recipient.teamField : undefined;
      if (field !== undefined && scope.entity && !fieldOf(scope.entity, field)) {
        problems.push({ path: Array.isArray(params.to) ? `/to/${index}` : '/to', message: `"${field}" is not a field of ${scope.entity.name}`, code: 'unknownField' });
      }
    });
    for (const key of ['message', 'subject'] as const) {
      for (const field of placeholderFields(params[key])) {
        if (scope.entity && !fieldOf(scope.entity, field)) {
          problems.push({ path: `/${key}`, message: `The placeholder {${field}} names no field of ${scope.entity.name}`, code: 'unknownField' });
        }
      }
    }
    return problems;
  },
  resolveParams: (params, context): NotifyEffect => {
    const fields = [...new Set([...placeholderFields(params.message), ...placeholderFields(params.subject)])];
    return {
      to: recipientsOf(params).flatMap((recipient) => resolveRecipient(recipient, context)),
      message: params.message,
      ...(params.subject === undefined ? {} : { subject: params.subject }),
      channels: params.channels ?? ['inApp'],
      ...(fields.length > 0 && { values: Object.fromEntries(fields.map((field) => [field, context.record[field] ?? null])) }),
    };
  },
};

function recipientsOf(params: NotifyParams): Recipient[] {
  return Array.isArray(params.to) ? params.to : [params.to];
}

function resolveRecipient(recipient: Recipient, context: StepContext): ResolvedRecipient[] {
  if (typeof recipient === 'string' || 'field' in recipient) {
    const value = context.record[typeof recipient === 'string' ? recipient : recipient.field];
    return typeof value === 'string' && value !== '' ? [{ user: value }] : [];
  }
  if ('user' in recipient) return [{ user: recipient.user }];
  const team = recipient.team ?? (recipient.teamField === undefined ? undefined : context.record[recipient.teamField]);
  return [typeof team === 'string' && team !== '' ? { role: recipient.role, team } : { role: recipient.role }];
}
