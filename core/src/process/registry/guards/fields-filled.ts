// Built-in guard "fieldsFilled": allows when every listed field has a value.
import type { LocalisedText } from '../../../model/label';
import { checkFieldNames } from '../expression-scope';
import { isFilled } from '../filled';
import { localisedMessage } from '../messages';
import type { GuardDefinition } from '../registry-types';
import { FIELD_NAME, LOCALISED_TEXT } from '../schema-parts';

export type FieldsFilledParams = { fields: string[]; message?: LocalisedText };

export const fieldsFilledGuard: GuardDefinition<FieldsFilledParams> = {
  key: 'fieldsFilled',
  label: { en: 'Fields are filled', 'zh-CN': '字段已填写' },
  paramsSchema: {
    type: 'object',
    properties: { fields: { type: 'array', items: FIELD_NAME, minItems: 1, uniqueItems: true }, message: LOCALISED_TEXT },
    required: ['fields'],
    additionalProperties: false,
  },
  checkParams: (params, scope) => checkFieldNames(params.fields, undefined, scope, (_name, index) => `/fields/${index}`),
  evaluate(params, context) {
    const missing = params.fields.filter((field) => !isFilled(context.record[field]));
    if (missing.length === 0) return { allowed: true };
    const labels = missing.map((field) => context.fieldLabel(field));
    const reason = params.message ?? localisedMessage({
      en: ({ list }) => `${list(labels)} must be filled`,
      'zh-CN': ({ list }) => `必须填写${list(labels)}`,
    });
    return { allowed: false, reason, fields: missing };
  },
};
